/**
 * `npm run bench:calls`: what the breaker costs per call, measured side by
 * side in one run against a loopback keep-alive server:
 *   raw got · Breakwatch (breaker + client + monitor snapshot) · cockatiel
 *   alone · opossum alone; and the fast-fail path of an open breaker against
 *   a bare rejected promise, with the sockets it opens counted at the server.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { circuitBreaker, ConsecutiveBreaker, handleAll } from 'cockatiel';
import got from 'got';
import CircuitBreaker from 'opossum';
import { Breaker } from '../src/main/core/breaker';
import { createHttpClient } from '../src/main/core/http-client';
import { Monitor } from '../src/main/core/monitor';
import { FAILURE_CATEGORIES } from '../src/shared/model';

const CALLS = 2_000;
const WARMUP = 300;
const FAST_FAILS = 200_000;

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
};
const silent = { info() {}, warn() {}, error() {}, filePath: null, close: async () => {} };

async function main() {
  let connections = 0;
  const body = JSON.stringify({ message: 'ok', items: [1, 2, 3] });
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  server.keepAliveTimeout = 60_000;
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  const raw = () => got(url, { retry: { limit: 0 }, timeout: { request: 5000 } }).json();
  const monitor = new Monitor({
    target: { id: 'b', name: 'bench', url, isDemo: false },
    client: createHttpClient({ timeoutMs: 5000, maxBytes: 5 * 1024 * 1024 }),
    failureThreshold: 2,
    recoveryTimeoutMs: 10_000,
    intervalMs: 0,
    countedCategories: new Set(FAILURE_CATEGORIES),
    logger: silent,
  });
  const client = createHttpClient({ timeoutMs: 5000, maxBytes: 5 * 1024 * 1024 });
  const cockatiel = circuitBreaker(handleAll, { breaker: new ConsecutiveBreaker(2), halfOpenAfter: 10_000 });
  const opossum = new CircuitBreaker(raw, { timeout: false, resetTimeout: 10_000, volumeThreshold: 2 });

  const paths: Record<string, () => Promise<unknown>> = {
    'raw got': raw,
    Breakwatch: () => monitor.check('user'),
    'client only': () => client.getJson(url),
    cockatiel: () => cockatiel.execute(raw),
    opossum: () => opossum.fire(),
  };
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(paths).map((k) => [k, []]));
  for (let i = 0; i < WARMUP + CALLS; i += 1) {
    // Interleaved, so drift and noise hit every path alike.
    for (const [name, call] of Object.entries(paths)) {
      const started = performance.now();
      await call();
      if (i >= WARMUP) samples[name]!.push(performance.now() - started);
    }
  }

  // Fast fail: an open breaker against a bare rejected promise.
  const open = new Breaker({
    failureThreshold: 1,
    recoveryTimeoutMs: 3_600_000,
    isExpectedFailure: () => true,
  });
  await open.execute(() => Promise.reject(new Error('trip'))).catch(() => undefined);
  const connectionsBefore = connections;
  const timeLoop = async (fn: () => Promise<unknown>) => {
    const latencies: number[] = [];
    const started = performance.now();
    for (let i = 0; i < FAST_FAILS; i += 1) {
      const t = performance.now();
      await fn().catch(() => undefined);
      if (i % 100 === 0) latencies.push(performance.now() - t);
    }
    return { perSecond: FAST_FAILS / ((performance.now() - started) / 1000), p99: quantile(latencies, 0.99) };
  };
  const floorError = new Error('floor');
  const floor = await timeLoop(() => Promise.reject(floorError));
  const fastFail = await timeLoop(() => open.execute(raw));
  const socketsWhileOpen = connections - connectionsBefore;

  const base = { p50: quantile(samples['raw got']!, 0.5), p99: quantile(samples['raw got']!, 0.99) };
  console.log(
    `Breakwatch call overhead — ${new Date().toISOString()}, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
  );
  console.log(
    `${CALLS} GETs per path after ${WARMUP} warm-up calls, interleaved, loopback keep-alive server`,
  );
  console.log('| path | p50 ms | p99 ms | p50 vs raw | p99 vs raw |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [name, values] of Object.entries(samples)) {
    const p50 = quantile(values, 0.5);
    const p99 = quantile(values, 0.99);
    const pct = (x: number, y: number) => `${x >= y ? '+' : ''}${(((x - y) / y) * 100).toFixed(1)} %`;
    console.log(
      `| ${name} | ${p50.toFixed(3)} | ${p99.toFixed(3)} | ${pct(p50, base.p50)} | ${pct(p99, base.p99)} |`,
    );
  }
  console.log('');
  console.log('| fast fail | calls/s | p99 µs |');
  console.log('| --- | ---: | ---: |');
  console.log(
    `| bare rejected promise (floor) | ${Math.round(floor.perSecond).toLocaleString('en')} | ${(floor.p99 * 1000).toFixed(1)} |`,
  );
  console.log(
    `| open Breakwatch breaker | ${Math.round(fastFail.perSecond).toLocaleString('en')} | ${(fastFail.p99 * 1000).toFixed(1)} |`,
  );
  console.log(
    `floor / breaker: ${(floor.perSecond / fastFail.perSecond).toFixed(1)}× · sockets opened while open: ${socketsWhileOpen}`,
  );
  monitor.stop();
  open.dispose(); // its half-open timer (an hour away) would keep the process alive
  opossum.shutdown();
  server.closeAllConnections();
  server.close();
}

void main();
