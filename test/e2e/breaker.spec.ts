/**
 * The tutorial, end to end: driven only through the UI, against a loopback
 * fault server, with the acceptance options (threshold 2, recovery 3 s,
 * timeout 2 s, manual checks).
 */
import { ACCEPTANCE_ARGS, expect, screenshot, startHost, test, ui, type Host } from './fixtures';

let host: Host | null = null;
test.afterEach(async () => {
  await host?.stop();
  host = null;
});

const BREAKER_MESSAGE =
  /^The request has failed repeatedly\. The circuit breaker has been activated to prevent further attempts for a while\./;

test('shows the data on launch', async ({ page, upstream }) => {
  host = await startHost(['--url', upstream.url, ...ACCEPTANCE_ARGS]);
  await page.goto(host.url);
  const { state, response, alert } = ui(page);
  await expect(response).toContainText('"greeting": "hello"');
  await expect(state).toHaveAttribute('data-state', 'closed');
  await expect(state).toHaveText('Closed');
  await expect(alert).toHaveCount(0);
  expect(upstream.requests).toBe(1);
  await screenshot(page, 'launch-closed');
});

test('two failures open the breaker; Retry while open sends nothing; half-open comes by itself; one trial recovers', async ({
  page,
  upstream,
}) => {
  host = await startHost(['--url', upstream.url, ...ACCEPTANCE_ARGS]);
  await page.goto(host.url);
  const { state, timer, alert, retry, response } = ui(page);
  await expect(response).toContainText('"greeting": "hello"');

  upstream.set({ kind: 'json', status: 500, body: { message: 'Internal server error' } });
  await retry.click();
  await expect(alert).toHaveText(
    /An error occurred while trying to connect to the API: HTTP 500 Internal Server Error/,
  );
  await expect(state).toHaveAttribute('data-state', 'closed');
  await expect(page.getByTestId('consecutive-failures')).toHaveText('1 / 2');
  // The last good data stays, marked stale.
  await expect(page.getByTestId('stale-notice')).toBeVisible();

  await retry.click();
  await expect(state).toHaveAttribute('data-state', 'open');
  await expect(state).toHaveText('Open');
  // The tripping call reports its own error, as in the tutorial.
  await expect(alert).toHaveText(/HTTP 500 Internal Server Error/);
  await expect(timer).toHaveText(/^[123] s$/);
  await screenshot(page, 'open-countdown');
  const sentWhileClosed = upstream.requests;

  await retry.click();
  await expect(alert).toHaveText(BREAKER_MESSAGE);
  await expect(alert).toHaveAttribute('data-kind', 'breaker-open');
  expect(upstream.requests).toBe(sentWhileClosed);
  expect(upstream.connections).toBeLessThanOrEqual(sentWhileClosed);
  await screenshot(page, 'open-breaker-message');

  // Nobody clicks: the indicator turns half-open when the recovery timeout ends.
  await expect(state).toHaveAttribute('data-state', 'half-open', { timeout: 5_000 });
  await expect(timer).toHaveCount(0);
  expect(upstream.requests).toBe(sentWhileClosed);
  await screenshot(page, 'half-open');

  upstream.set({ kind: 'json', body: { greeting: 'recovered' } });
  await retry.click();
  await expect(state).toHaveAttribute('data-state', 'closed');
  await expect(response).toContainText('"greeting": "recovered"');
  await expect(alert).toHaveCount(0);
  await expect(page.getByTestId('stale-notice')).toHaveCount(0);
  expect(upstream.requests).toBe(sentWhileClosed + 1);
  await screenshot(page, 'recovered');
});

test('a failed trial opens the breaker again with a fresh countdown', async ({ page, upstream }) => {
  upstream.set({ kind: 'reset' });
  host = await startHost(['--url', upstream.url, ...ACCEPTANCE_ARGS]);
  await page.goto(host.url);
  const { state, timer, alert, retry } = ui(page);
  await expect(alert).toHaveText(/Connection reset/);
  await retry.click();
  await expect(state).toHaveAttribute('data-state', 'open');
  await expect(state).toHaveAttribute('data-state', 'half-open', { timeout: 5_000 });
  const before = upstream.requests;
  await retry.click();
  await expect(state).toHaveAttribute('data-state', 'open');
  await expect(timer).toHaveText(/^[23] s$/);
  expect(upstream.requests).toBe(before + 1);
});

test('HTML inside the JSON is shown as text, never rendered', async ({ page, upstream }) => {
  upstream.set({
    kind: 'json',
    body: {
      note: '<img src=x onerror="window.__pwned=1"><b id="injected">bold</b><script>window.__pwned=2</script>',
    },
  });
  host = await startHost(['--url', upstream.url, ...ACCEPTANCE_ARGS]);
  await page.goto(host.url);
  const { response } = ui(page);
  await expect(response).toContainText('<b id=\\"injected\\">bold</b>');
  await expect(page.locator('#injected')).toHaveCount(0);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
  await screenshot(page, 'html-as-text');
});

test('an HTML error page names the status and is not rendered', async ({ page, upstream }) => {
  upstream.set({
    kind: 'raw',
    status: 502,
    body: '<html><body><h1 id="gw">Bad gateway</h1></body></html>',
    headers: { 'content-type': 'text/html' },
  });
  host = await startHost(['--url', upstream.url, ...ACCEPTANCE_ARGS]);
  await page.goto(host.url);
  const { alert, response } = ui(page);
  await expect(alert).toHaveText(/HTTP 502 Bad Gateway/);
  await expect(page.locator('#gw')).toHaveCount(0);
  await expect(response).toContainText('No data yet.');
});

test('Spanish locale shows the tutorial messages in Spanish', async ({ browser, upstream }) => {
  const context = await browser.newContext({ locale: 'es-ES' });
  const page = await context.newPage();
  upstream.set({ kind: 'json', status: 503, body: {} });
  host = await startHost(['--url', upstream.url, ...ACCEPTANCE_ARGS]);
  await page.goto(host.url);
  const { state, alert, retry } = ui(page);
  await expect(alert).toHaveText(/^Ocurrió un error al intentar conectarse a la API: HTTP 503/);
  await expect(state).toHaveText('Cerrado');
  await expect(retry).toHaveText('Reintentar');
  await retry.click();
  await expect(state).toHaveText('Abierto');
  await retry.click();
  await expect(alert).toHaveText(
    /^La solicitud ha fallado repetidamente\. El Circuit Breaker se ha activado para evitar más intentos por un tiempo\./,
  );
  await screenshot(page, 'spanish-open');
  await context.close();
});
