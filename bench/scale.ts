/**
 * `npm run bench:scale`: 100 endpoints checked every second for 60 s against
 * a loopback server, in this process: CPU (% of one core) and RSS of the
 * main-process core, with history and state written to disk as usual.
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppCore } from '../src/main/app-core';
import { DEFAULT_OPTIONS } from '../src/main/options';
import { ENDPOINT_DEFAULTS, DEFAULT_PREFERENCES } from '../src/shared/settings';
import { startFaultServer } from '../test/support/fault-server';

const ENDPOINTS = 100;
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 60);

async function main() {
  const server = await startFaultServer({ kind: 'json', body: { ok: true, items: [1, 2, 3] } });
  const dataDir = mkdtempSync(join(tmpdir(), 'bw-scale-'));
  const endpoints = Array.from({ length: ENDPOINTS }, (_, i) => ({
    ...ENDPOINT_DEFAULTS,
    id: `ep-${i}`,
    name: `Endpoint ${i}`,
    kind: 'http',
    url: `${server.url}/e${i}`,
    intervalS: 1,
  }));
  writeFileSync(
    join(dataDir, 'settings.json'),
    JSON.stringify({ version: 3, preferences: DEFAULT_PREFERENCES, endpoints }),
  );
  const core = await createAppCore(DEFAULT_OPTIONS, {
    dataDir,
    version: 'bench',
    locale: null,
    logWrite: () => {},
  });
  let published = 0;
  core.subscribe((event) => {
    if (event === 'monitor:snapshot') published += 1;
  });
  await new Promise((resolve) => setTimeout(resolve, 3_000)); // settle
  server.resetCount();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let maxRss = 0;
  const sampler = setInterval(() => (maxRss = Math.max(maxRss, process.memoryUsage().rss)), 500);
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  clearInterval(sampler);
  const cpu = process.cpuUsage(cpuBefore);
  const wallMs = performance.now() - started;
  const cpuPercent = ((cpu.user + cpu.system) / 1000 / wallMs) * 100;
  console.log(
    `Scale — ${new Date().toISOString()}, Node ${process.version}: ${ENDPOINTS} endpoints every 1 s for ${SECONDS} s`,
  );
  console.log(
    `  requests served: ${server.requests} (${(server.requests / SECONDS).toFixed(0)}/s), snapshots published: ${published}`,
  );
  console.log(
    `  CPU: ${cpuPercent.toFixed(1)} % of one core (includes the loopback server in this process); peak RSS ${(maxRss / 1024 / 1024).toFixed(0)} MiB`,
  );
  await core.dispose();
  await server.close();
}

void main();
