/**
 * UI smoothness with 50 endpoints: the real host and renderer in Chromium,
 * 25 endpoints healthy and 25 refused (breakers flapping, countdowns
 * ticking), checks every 2 s. For 15 s it scrolls the sidebar and the
 * overview and records long tasks and frame intervals in the page.
 *   npm run bench:ui
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/chromium';
import { ENDPOINT_DEFAULTS } from '../src/shared/endpoint-defaults';
import { closedPort, startFaultServer } from '../test/support/fault-server';

const ENDPOINTS = Number(process.env['BENCH_ENDPOINTS'] ?? 100);
const SECONDS = 15;

async function main() {
  const healthy = await startFaultServer({ kind: 'json', body: { ok: true } });
  const refused = await closedPort();
  const dataDir = mkdtempSync(join(tmpdir(), 'bw-bench-ui-'));
  const endpoints = Array.from({ length: ENDPOINTS }, (_, i) => ({
    ...ENDPOINT_DEFAULTS,
    id: `ep-${i}`,
    name: `Endpoint ${String(i).padStart(2, '0')}`,
    kind: 'http',
    url: i % 2 ? `${healthy.url}/e${i}` : `http://127.0.0.1:${refused}/e${i}`,
    intervalS: 2,
    recoveryTimeoutS: 5,
  }));
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ version: 2, endpoints }));

  const host = spawn(
    process.execPath,
    [join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'src/host/cli.ts', '--data-dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve) =>
    host.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output);
      if (match) resolve(match[0]);
    }),
  );

  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await page
    .getByRole('navigation')
    .getByRole('listitem')
    .nth(ENDPOINTS - 1)
    .waitFor();
  // A string, not a function: the TypeScript runner's helpers do not exist in the page.
  await page.evaluate(`(() => {
    window.__longTasks = [];
    window.__frames = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longTasks.push(e.duration))).observe({ type: 'longtask' });
    let last = performance.now();
    const frame = (now) => { window.__frames.push(now - last); last = now; requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
  })()`);
  const list = page.getByRole('navigation').getByRole('list');
  const end = Date.now() + SECONDS * 1000;
  let direction = 1;
  while (Date.now() < end) {
    await list.hover();
    await page.mouse.wheel(0, direction * 200);
    await page.waitForTimeout(100);
    direction = Math.random() < 0.1 ? -direction : direction;
  }
  const { longTasks, frames } = (await page.evaluate(
    '({ longTasks: window.__longTasks, frames: window.__frames })',
  )) as {
    longTasks: number[];
    frames: number[];
  };
  const sorted = [...frames].sort((a, b) => a - b);
  const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!.toFixed(1);
  console.log(
    `UI with ${ENDPOINTS} endpoints, ${SECONDS} s of scrolling while checks run every 2 s (${new Date().toISOString()}, Node ${process.version})`,
  );
  console.log(
    `  frames: ${frames.length}, interval p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, p99 ${p(0.99)} ms, max ${Math.max(...frames).toFixed(1)} ms`,
  );
  console.log(
    `  long tasks (>50 ms): ${longTasks.length}${longTasks.length ? `, longest ${Math.max(...longTasks).toFixed(0)} ms` : ''}`,
  );
  await browser.close();
  process.kill(-host.pid!, 'SIGTERM');
  await healthy.close();
}

void main();
