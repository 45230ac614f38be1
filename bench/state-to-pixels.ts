/**
 * `npm run bench:pixels`: time from a breaker transition in the core to the
 * page showing it, through the browser host, in Chromium: 100 transitions
 * (hold open / release, alternately), p50 and p95. Both clocks are this
 * machine's wall clock.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { bundleBridge } from '../src/host/bridge-bundle';
import { ensureRendererBuilt } from '../src/host/renderer-build';
import { startHostServer } from '../src/host/server';
import { createAppCore } from '../src/main/app-core';
import { DEFAULT_OPTIONS } from '../src/main/options';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/chromium';

const TRANSITIONS = 100;
const root = join(import.meta.dirname, '..');

async function main() {
  const core = await createAppCore(
    { ...DEFAULT_OPTIONS, intervalMs: 0 },
    {
      dataDir: mkdtempSync(join(tmpdir(), 'bw-pixels-')),
      version: 'bench',
      locale: null,
      logWrite: () => {},
    },
  );
  const host = await startHostServer({
    core,
    rendererDir: ensureRendererBuilt(root, console.log),
    bridgeScript: await bundleBridge(root),
    port: 0,
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  // Time to first render of data: navigation start to the response body on screen.
  const firstRender: number[] = [];
  for (let i = 0; i < 10; i += 1) {
    const fresh = await browser.newPage();
    const started = Date.now();
    await fresh.goto(host.url);
    await fresh.getByTestId('response-body').waitFor();
    firstRender.push(Date.now() - started);
    await fresh.close();
  }
  const page = await browser.newPage();
  await page.goto(host.url);
  await page.locator('[role="status"][data-state="closed"]').waitFor();
  // A string, not a function: the TypeScript runner's helpers do not exist in the page.
  await page.evaluate(`(() => {
    window.__seen = [];
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target;
        if (el.getAttribute && el.getAttribute('role') === 'status' && el.dataset.state) window.__seen.push([el.dataset.state, Date.now()]);
      }
    }).observe(document.body, { attributes: true, attributeFilter: ['data-state'], subtree: true });
  })()`);

  const latencies: number[] = [];
  for (let i = 0; i < TRANSITIONS; i += 1) {
    const target = i % 2 === 0 ? 'held-open' : 'closed';
    const before = (await page.evaluate('window.__seen.length')) as number;
    const started = Date.now();
    await core.handlers['monitor:control']({ id: 'demo', action: i % 2 === 0 ? 'hold' : 'release' });
    // Poll (the page's CSP rightly forbids the eval that waitForFunction needs);
    // the time itself was taken in the page by the observer.
    const done = `window.__seen.length > ${before} && window.__seen[window.__seen.length - 1][0] === '${target}'`;
    while (!(await page.evaluate(done))) await new Promise((resolve) => setTimeout(resolve, 2));
    const seenAt = (await page.evaluate('window.__seen[window.__seen.length - 1][1]')) as number;
    latencies.push(seenAt - started);
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.ceil(p * sorted.length) - 1]!;
  console.log(
    `State to pixels — ${new Date().toISOString()}, Node ${process.version}, ${TRANSITIONS} transitions`,
  );
  console.log(`  p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${sorted.at(-1)} ms (budget p95 ≤ 50 ms)`);
  const renders = [...firstRender].sort((a, b) => a - b);
  console.log(
    `  time to first render of data (10 page loads): median ${renders[4]} ms, max ${renders.at(-1)} ms`,
  );
  await browser.close();
  await host.close();
  await core.dispose();
}

void main();
