/**
 * `npm run bench:scale`: 100 endpoints checked every second for 60 s against
 * a loopback server, in this process: CPU (% of one core) and RSS of the
 * main-process core, with history and state written to disk as usual.
 */
import { spawn } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppCore } from '../src/main/app-core';
import { DEFAULT_OPTIONS } from '../src/main/options';
import { ENDPOINT_DEFAULTS, DEFAULT_PREFERENCES } from '../src/shared/settings';

const ENDPOINTS = 100;
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 60);

async function main() {
  // The upstream runs in its own process, so the CPU measured here is Breakwatch's alone.
  const upstream = spawn(
    process.execPath,
    [
      '-e',
      `let n = 0;
       const s = require('node:http').createServer((q, r) => { n++; r.writeHead(200, { 'content-type': 'application/json' }); r.end('{"ok":true,"items":[1,2,3]}'); });
       s.listen(0, '127.0.0.1', () => console.log(s.address().port));
       process.on('message', () => process.send(n));`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] },
  );
  const port = await new Promise<number>((resolve) =>
    upstream.stdout!.once('data', (d: Buffer) => resolve(Number(String(d).trim()))),
  );
  const served = () =>
    new Promise<number>((resolve) => {
      upstream.once('message', (n: unknown) => resolve(Number(n)));
      upstream.send('count');
    });
  const server = { url: `http://127.0.0.1:${port}` };
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
  const servedBefore = await served();
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
  const requests = (await served()) - servedBefore;
  console.log(
    `  requests served: ${requests} (${(requests / SECONDS).toFixed(0)}/s), snapshots published: ${published}`,
  );
  console.log(
    `  CPU of the Breakwatch core: ${cpuPercent.toFixed(1)} % of one core; peak RSS ${(maxRss / 1024 / 1024).toFixed(0)} MiB`,
  );
  await core.dispose();
  upstream.kill();
}

void main();
