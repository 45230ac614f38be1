/**
 * First launch with no URL: the built-in demo Lambda is the target, and its
 * fault switch in the UI makes the breaker trip and recover.
 */
import { expect, screenshot, startHost, test, ui, type Host } from './fixtures';

let host: Host | null = null;
test.afterEach(async () => {
  await host?.stop();
  host = null;
});

test('the demo Lambda works out of the box and its fault switch trips the breaker', async ({ browser }) => {
  host = await startHost(['--recovery-timeout', '2', '--interval', '0']);
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto(host.url);
    const { response, state } = ui(page);
    await expect(page.getByRole('navigation').getByRole('button', { name: /Demo Lambda/ })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(response).toContainText('Inventory snapshot from the Breakwatch demo Lambda');
    await expect(state).toHaveAttribute('data-state', 'closed');
    await screenshot(page, `demo-${colorScheme}`);
    await context.close();
  }

  const page = await browser.newPage();
  await page.goto(host.url);
  const { state, alert, retry, response } = ui(page);
  await expect(response).toContainText('Inventory snapshot');
  await page.getByRole('radio', { name: 'Down (refused)' }).check();
  await retry.click();
  await expect(alert).toHaveText(/Connection refused/);
  await retry.click();
  await expect(state).toHaveAttribute('data-state', 'open');
  await page.getByRole('radio', { name: 'Healthy' }).check();
  await expect(state).toHaveAttribute('data-state', 'half-open', { timeout: 4_000 });
  await retry.click();
  await expect(state).toHaveAttribute('data-state', 'closed');
  await expect(alert).toHaveCount(0);

  await page.getByRole('radio', { name: 'HTTP 500' }).check();
  await retry.click();
  await expect(alert).toHaveText(/HTTP 500 Internal Server Error/);
  await page.getByRole('radio', { name: 'Invalid JSON' }).check();
  await retry.click();
  await expect(alert).toHaveText(/Invalid JSON in response/);
  await expect(state).toHaveAttribute('data-state', 'open');
  await screenshot(page, 'demo-open');
});
