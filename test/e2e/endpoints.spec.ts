/**
 * Issue 3's acceptance: endpoints added through the form, each with its own
 * breaker; everything that matters survives a restart of the host.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startFaultServer, type FaultServer } from '../support/fault-server';
import { expect, screenshot, startHost, test, ui, type Host } from './fixtures';

let host: Host | null = null;
let failing: FaultServer | null = null;
test.afterEach(async () => {
  await host?.stop();
  await failing?.close();
  host = null;
  failing = null;
});

async function addEndpoint(
  page: Page,
  fields: { name: string; url: string; recovery: string; interval: string },
) {
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  const form = page.getByRole('form', { name: 'Add endpoint' });
  await form.getByLabel('Name', { exact: true }).fill(fields.name);
  await form.getByLabel('URL', { exact: true }).fill(fields.url);
  await form.getByLabel('Recovery timeout (s)').fill(fields.recovery);
  await form.getByLabel('Check interval (s, 0 = manual)').fill(fields.interval);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 2, name: fields.name })).toBeVisible();
}

const row = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('listitem').filter({ hasText: name });

test('two endpoints through the form; one opens, one stays closed; a restart keeps it all', async ({
  page,
  upstream,
}) => {
  failing = await startFaultServer({ kind: 'json', body: { inventory: 'last good' } });
  const dataDir = mkdtempSync(join(tmpdir(), 'bw-e2e-restart-'));
  host = await startHost([], dataDir);
  await page.goto(host.url);

  // Bad input first: rejected whole, with a message next to each bad field.
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  const form = page.getByRole('form', { name: 'Add endpoint' });
  await form.getByLabel('URL', { exact: true }).fill('ftp://example.com');
  await form.getByLabel('Failure threshold').fill('0');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('URL must be an http:// or https:// address', { exact: true })).toBeVisible();
  await expect(form.getByText('Failure threshold must be at least 1', { exact: true })).toBeVisible();
  await expect(form.getByText('Name is required', { exact: true })).toBeVisible();
  await screenshot(page, 'form-errors');
  await form.getByRole('button', { name: 'Cancel' }).click();

  await addEndpoint(page, { name: 'Healthy API', url: `${upstream.url}/ok`, recovery: '60', interval: '0' });
  await addEndpoint(page, { name: 'Failing API', url: `${failing.url}/data`, recovery: '60', interval: '0' });
  const { state, retry, response, timer } = ui(page);
  await expect(response).toContainText('"inventory": "last good"');

  failing.set({ kind: 'json', status: 503, body: {} });
  await retry.click();
  await retry.click();
  await expect(state).toHaveAttribute('data-state', 'open');
  await expect(row(page, 'Failing API')).toHaveAttribute('data-state', 'open');
  await expect(row(page, 'Healthy API')).toHaveAttribute('data-state', 'closed');
  await expect(page.getByTestId('stale-notice')).toBeVisible();
  // Worst first: the open endpoint leads the list.
  await expect(page.getByRole('navigation').getByRole('listitem').first()).toHaveText(/Failing API/);
  await expect(page.getByRole('cell', { name: /HTTP 503/ }).first()).toBeVisible();
  await screenshot(page, 'detail-open');
  const countdownBefore = Number(await timer.getAttribute('data-seconds'));

  await page.getByRole('button', { name: 'Overview' }).click();
  await screenshot(page, 'overview');

  // Restart the host on the same data folder.
  await host.stop();
  host = await startHost([], dataDir);
  await page.goto(host.url);
  await row(page, 'Failing API').getByRole('button').click();
  await expect(state).toHaveAttribute('data-state', 'open');
  const countdownAfter = Number(await timer.getAttribute('data-seconds'));
  expect(countdownAfter).toBeGreaterThan(0);
  expect(countdownAfter).toBeLessThanOrEqual(countdownBefore);
  expect(countdownBefore - countdownAfter).toBeLessThan(20);
  await expect(response).toContainText('"inventory": "last good"');
  await expect(page.getByTestId('stale-notice')).toHaveText(/not current/);
  await expect(page.getByRole('cell', { name: /HTTP 503/ }).first()).toBeVisible();
  await expect(row(page, 'Healthy API')).toHaveAttribute('data-state', 'closed');
  await screenshot(page, 'after-restart');
});

test('manual control: hold open with confirmation, release, pause and probe; history shows who did it', async ({
  page,
  upstream,
}) => {
  host = await startHost(['--url', upstream.url, '--interval', '0', '--recovery-timeout', '60']);
  await page.goto(host.url);
  const { state, retry, alert } = ui(page);
  await expect(state).toHaveAttribute('data-state', 'closed');

  await page.getByRole('button', { name: 'Hold open' }).click();
  await expect(state).toHaveAttribute('data-state', 'closed'); // not before confirming
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(state).toHaveAttribute('data-state', 'held-open');
  await expect(state).toHaveText('Held open');
  const sent = upstream.requests;
  await retry.click();
  await expect(alert).toHaveText(/^The request has failed repeatedly/);
  expect(upstream.requests).toBe(sent);
  await screenshot(page, 'held-open');
  await page.getByRole('button', { name: 'Release' }).click();
  await expect(state).toHaveAttribute('data-state', 'closed');

  upstream.set({ kind: 'json', status: 500, body: {} });
  await retry.click();
  await retry.click();
  await expect(state).toHaveAttribute('data-state', 'open');
  upstream.set({ kind: 'json', body: { back: true } });
  await page.getByRole('button', { name: 'Probe now' }).click();
  await expect(state).toHaveAttribute('data-state', 'closed');
  await expect(ui(page).response).toContainText('"back": true');

  await page.getByRole('button', { name: 'Pause checks' }).click();
  await expect(page.getByRole('button', { name: 'Resume checks' })).toHaveAttribute('aria-pressed', 'true');

  await page.getByLabel('Show').selectOption('action');
  const rows = page.getByRole('row');
  await expect(rows.filter({ hasText: 'Breaker held open by the user' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Probe (early half-open trial) requested by the user' })).toHaveCount(
    1,
  );
  await expect(rows.filter({ hasText: 'Checks paused by the user' })).toHaveCount(1);
});
