/**
 * Desktop-issue behaviour that the page owns: language and theme
 * preferences (kept across a restart), keyboard shortcuts, the settings page.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, screenshot, startHost, test, ui, type Host } from './fixtures';

let host: Host | null = null;
test.afterEach(async () => {
  await host?.stop();
  host = null;
});

test('language and theme preferences apply at once and survive a restart; shortcuts work', async ({
  page,
  upstream,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bw-e2e-prefs-'));
  host = await startHost(['--url', upstream.url, '--interval', '0'], dataDir);
  await page.goto(host.url);
  const { state, response } = ui(page);
  await expect(response).toContainText('"greeting": "hello"');

  // Ctrl+, opens the settings; Ctrl+Shift+L switches the theme.
  await page.keyboard.press('Control+Comma');
  await expect(page.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expect(page.getByText('Ctrl+Shift+R', { exact: true })).toBeVisible();
  await page.keyboard.press('Control+Shift+L');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await screenshot(page, 'settings-dark');

  await page.getByLabel('Language').selectOption('es');
  await expect(page.getByRole('heading', { name: 'Atajos de teclado' })).toBeVisible();

  await host.stop();
  host = await startHost(['--url', upstream.url, '--interval', '0'], dataDir);
  await page.goto(host.url);
  await expect(state).toHaveText('Cerrado');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Reintentar' })).toBeVisible();

  // Ctrl+R retries the selected endpoint (and does not reload the page).
  const before = upstream.requests;
  await page.keyboard.press('Control+r');
  await expect.poll(() => upstream.requests).toBe(before + 1);
  await screenshot(page, 'spanish-dark');
});
