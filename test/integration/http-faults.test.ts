/**
 * got + classification + breaker + monitor against a real loopback server
 * that misbehaves in the ways the tutorial's RequestException covers.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RequestFailedError } from '../../src/main/core/errors';
import { createHttpClient } from '../../src/main/core/http-client';
import { Monitor } from '../../src/main/core/monitor';
import { FAILURE_CATEGORIES } from '../../src/shared/model';
import { memoryLogger } from '../support/fakes';
import {
  closedPort,
  startFaultServer,
  type FaultServer,
  type FaultServerMode,
} from '../support/fault-server';

const TIMEOUT_MS = 600;
const MAX_BYTES = 1024 * 1024;
const client = createHttpClient({ timeoutMs: TIMEOUT_MS, maxBytes: MAX_BYTES });
let server: FaultServer;

beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
beforeEach(() => server.set({ kind: 'json', body: { ok: true } }));

async function failureFor(mode: FaultServerMode): Promise<RequestFailedError> {
  server.set(mode);
  const error = await client.getJson(`${server.url}/a`).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RequestFailedError);
  return error as RequestFailedError;
}

describe('HTTP client against a fault server', () => {
  it('parses JSON from a 200 and measures latency', async () => {
    server.set({ kind: 'json', body: { items: [1, 2, 3] } });
    const response = await client.getJson(`${server.url}/a`);
    expect(response).toMatchObject({ status: 200, data: { items: [1, 2, 3] } });
    expect(response.latencyMs).toBeGreaterThan(0);
  });

  it.each<[string, FaultServerMode, string, string, number | null, RegExp]>([
    [
      'HTTP 500',
      { kind: 'json', status: 500, body: { message: 'boom' } },
      'HTTP_STATUS',
      'http-5xx',
      500,
      /^HTTP 500 Internal Server Error$/,
    ],
    [
      'HTTP 404',
      { kind: 'json', status: 404, body: {} },
      'HTTP_STATUS',
      'http-4xx',
      404,
      /^HTTP 404 Not Found$/,
    ],
    [
      'HTTP 429',
      { kind: 'json', status: 429, body: {}, headers: { 'retry-after': '30' } },
      'HTTP_STATUS',
      'http-4xx',
      429,
      /^HTTP 429 Too Many Requests; Retry-After 30 s$/,
    ],
    [
      'invalid JSON',
      { kind: 'raw', status: 200, body: '{"a": [1, 2', headers: { 'content-type': 'application/json' } },
      'INVALID_JSON',
      'invalid-response',
      200,
      /^Invalid JSON in response: /,
    ],
    [
      'an HTML page',
      {
        kind: 'raw',
        status: 200,
        body: '<!doctype html><h1>Gateway</h1>',
        headers: { 'content-type': 'text/html' },
      },
      'INVALID_JSON',
      'invalid-response',
      200,
      /the body is HTML, not JSON/,
    ],
    [
      'an empty body',
      { kind: 'raw', status: 200, body: '' },
      'INVALID_JSON',
      'invalid-response',
      200,
      /the body is empty/,
    ],
    [
      'a non-UTF-8 body',
      { kind: 'raw', status: 200, body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
      'INVALID_JSON',
      'invalid-response',
      200,
      /not valid UTF-8/,
    ],
    [
      'an oversize body',
      { kind: 'huge', bytes: MAX_BYTES + 1 },
      'RESPONSE_TOO_LARGE',
      'invalid-response',
      200,
      /^Response too large: more than 1 MiB$/,
    ],
    [
      'a gzip bomb',
      { kind: 'gzip-bomb', bytes: 32 * MAX_BYTES },
      'RESPONSE_TOO_LARGE',
      'invalid-response',
      200,
      /too large/,
    ],
    ['a reset connection', { kind: 'reset' }, 'CONNECTION_RESET', 'connection', null, /^Connection reset/],
    ['a server that never answers', { kind: 'hang' }, 'TIMEOUT', 'timeout', null, /within 0\.6 s/],
    ['a stalled body', { kind: 'stall-body' }, 'TIMEOUT', 'timeout', null, /Timed out/],
    [
      'a redirect loop',
      { kind: 'redirect-loop' },
      'TOO_MANY_REDIRECTS',
      'invalid-response',
      null,
      /Too many redirects/,
    ],
  ])('classifies %s', async (_name, mode, code, category, status, message) => {
    const error = await failureFor(mode);
    expect(error).toMatchObject({ code, category, status });
    expect(error.message).toMatch(message);
  });

  it('refused connections are connection errors', async () => {
    const port = await closedPort();
    const error = await client.getJson(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONNECTION_REFUSED', category: 'connection' });
  });

  it('stops reading a 64 MiB body at the cap instead of downloading it', async () => {
    const total = 64 * 1024 * 1024;
    const error = await failureFor({ kind: 'huge', bytes: total });
    expect(error.code).toBe('RESPONSE_TOO_LARGE');
    await expect.poll(() => server.lastHugeBytesSent).not.toBeNull();
    // The server could write only what the socket buffers took after the
    // client hung up: a few MiB at most, never the 64 MiB.
    expect(server.lastHugeBytesSent!).toBeLessThan(total / 4);
  });

  it('an abort ends a hanging request at once, and an aborted signal sends nothing', async () => {
    server.set({ kind: 'hang' });
    server.resetCount();
    const controller = new AbortController();
    const started = performance.now();
    const pending = client.getJson(`${server.url}/a`, controller.signal).catch((e: unknown) => e);
    await expect.poll(() => server.requests).toBe(1);
    controller.abort();
    const error = await pending;
    expect((error as Error).name).toBe('AbortError');
    // Well before the 600 ms timeout would have ended it.
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS);

    server.set({ kind: 'json', body: { ok: true } });
    const before = server.connections;
    const aborted = await client.getJson(`${server.url}/a`, controller.signal).catch((e: unknown) => e);
    expect((aborted as Error).name).toBe('AbortError');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests).toBe(1);
    expect(server.connections).toBe(before);
  });

  it('does not retry on its own: one call, one request', async () => {
    server.set({ kind: 'json', status: 503, body: {} });
    server.resetCount();
    await client.getJson(`${server.url}/a`).catch(() => undefined);
    expect(server.requests).toBe(1);
  });
});

describe('monitor against a fault server', () => {
  it('opens after two failures, sends nothing while open, and a good response clears the error', async () => {
    const logger = memoryLogger();
    const monitor = new Monitor({
      target: { id: 'x', name: 'Fault server', url: `${server.url}/a`, isDemo: false },
      client,
      failureThreshold: 2,
      recoveryTimeoutMs: 300,
      intervalMs: 0,
      countedCategories: new Set(FAILURE_CATEGORIES),
      logger,
    });
    server.set({ kind: 'json', status: 500, body: {} });
    server.resetCount();
    await monitor.check('user');
    const opened = await monitor.check('user');
    expect(opened.breaker.state).toBe('open');
    expect(server.requests).toBe(2);

    const rejected = await monitor.check('user');
    expect(rejected.lastError?.kind).toBe('breaker-open');
    expect(server.requests).toBe(2);
    expect(server.connections).toBeLessThanOrEqual(2);

    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(monitor.snapshot.breaker.state).toBe('half-open');
    server.set({ kind: 'json', body: { recovered: true } });
    const recovered = await monitor.check('user');
    expect(server.requests).toBe(3);
    expect(recovered.breaker.state).toBe('closed');
    expect(recovered.lastError).toBeNull();
    expect(JSON.parse(recovered.lastResult!.body)).toEqual({ recovered: true });
    expect(
      logger.lines
        .filter((line) => /circuit breaker \S+ -> /.test(line))
        .map((line) => line.replace(/:.*$/, '')),
    ).toEqual([
      'WARNING [Fault server] circuit breaker closed -> open',
      'INFO [Fault server] circuit breaker open -> half-open',
      'INFO [Fault server] circuit breaker half-open -> closed',
    ]);
    monitor.stop();
  });
});
