import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HttpStatusError, RequestFailedError } from '../../src/main/core/errors';
import { HistoryLog } from '../../src/main/core/history';
import { Monitor } from '../../src/main/core/monitor';
import { FAILURE_CATEGORIES, type FailureCategory, type MonitorSnapshot } from '../../src/shared/model';
import { failing, memoryLogger, okResponse, scriptedClient } from '../support/fakes';

const target = { id: 't', name: 'Test API', url: 'http://127.0.0.1:9/dev', isDemo: false };
const refused = () =>
  new RequestFailedError('CONNECTION_REFUSED', 'connection', 'Connection refused (connect ECONNREFUSED)');

function makeMonitor(
  options: { intervalMs?: number; counted?: FailureCategory[]; recoveryTimeoutMs?: number } = {},
  scripted = scriptedClient(okResponse({ hello: 'world' })),
) {
  const logger = memoryLogger();
  const monitor = new Monitor({
    target,
    client: scripted.client,
    failureThreshold: 2,
    recoveryTimeoutMs: options.recoveryTimeoutMs ?? 10_000,
    intervalMs: options.intervalMs ?? 0,
    countedCategories: new Set(options.counted ?? FAILURE_CATEGORIES),
    logger,
  });
  const published: MonitorSnapshot[] = [];
  monitor.subscribe((snapshot) => published.push(snapshot));
  return { monitor, published, logger, ...scripted };
}

describe('Monitor', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-04T12:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('checks once on start and publishes in-flight, then the result', async () => {
    const { monitor, published, getJson, logger } = makeMonitor();
    monitor.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(getJson).toHaveBeenCalledTimes(1);
    expect(published.map((s) => s.inFlight)).toEqual([true, false]);
    const last = published.at(-1)!;
    expect(last.lastResult).toMatchObject({ status: 200, latencyMs: 12, receivedAt: Date.now() });
    expect(JSON.parse(last.lastResult!.body)).toEqual({ hello: 'world' });
    expect(last.lastResult!.body).toContain('\n  "hello"'); // pretty-printed
    expect(last.lastError).toBeNull();
    expect(Object.isFrozen(last)).toBe(true);
    expect(published[0]!.seq).toBeLessThan(last.seq);
    expect(
      logger.lines.some((line) => /^INFO \[Test API\] launch check OK: .* -> 200 in 12 ms/.test(line)),
    ).toBe(true);
  });

  it('joins a retry to the check in flight (single-flight)', async () => {
    const { monitor, getJson } = makeMonitor();
    const a = monitor.check('user');
    const b = monitor.check('user');
    expect(a).toBe(b);
    await a;
    expect(getJson).toHaveBeenCalledTimes(1);
    await monitor.check('user');
    expect(getJson).toHaveBeenCalledTimes(2);
  });

  it('opens after two failures; the tripping call reports its own error, later calls the breaker message', async () => {
    const scripted = scriptedClient(failing(new HttpStatusError(500, 'Internal Server Error')));
    const { monitor, getJson } = makeMonitor({}, scripted);
    const first = await monitor.check('user');
    expect(first.lastError).toMatchObject({
      kind: 'request-failed',
      code: 'HTTP_STATUS',
      status: 500,
      counted: true,
    });
    expect(first.breaker.state).toBe('closed');
    const second = await monitor.check('user');
    expect(second.breaker.state).toBe('open');
    expect(second.lastError?.kind).toBe('request-failed');
    expect(second.lastError?.message).toBe(
      'An error occurred while trying to connect to the API: HTTP 500 Internal Server Error',
    );
    const third = await monitor.check('user');
    expect(third.lastError).toMatchObject({ kind: 'breaker-open', code: 'BREAKER_OPEN' });
    expect(third.lastError?.message).toMatch(
      /^The request has failed repeatedly\. The circuit breaker has been activated/,
    );
    expect(getJson).toHaveBeenCalledTimes(2);
  });

  it('publishes half-open when the timer fires, and recovers on the trial', async () => {
    const scripted = scriptedClient(okResponse());
    scripted.next(failing(refused()));
    scripted.next(failing(refused()));
    const { monitor, published } = makeMonitor({ recoveryTimeoutMs: 3_000 }, scripted);
    await monitor.check('user');
    await monitor.check('user');
    expect(monitor.snapshot.breaker.state).toBe('open');
    const before = published.length;
    await vi.advanceTimersByTimeAsync(3_000);
    expect(published.length).toBe(before + 1);
    expect(monitor.snapshot.breaker.state).toBe('half-open');
    const after = await monitor.check('user');
    expect(after.breaker.state).toBe('closed');
    expect(after.lastError).toBeNull();
    expect(after.lastResult?.status).toBe(200);
  });

  it('with a schedule, runs the trial as soon as half-open is announced', async () => {
    const scripted = scriptedClient(okResponse());
    scripted.next(failing(refused()));
    scripted.next(failing(refused()));
    const { monitor, getJson } = makeMonitor({ intervalMs: 15_000, recoveryTimeoutMs: 10_000 }, scripted);
    await monitor.check('user');
    await monitor.check('user');
    expect(getJson).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(getJson).toHaveBeenCalledTimes(3);
    expect(monitor.snapshot.breaker.state).toBe('closed');
  });

  it('checks every interval and not at all with interval 0', async () => {
    const scheduled = makeMonitor({ intervalMs: 15_000 });
    scheduled.monitor.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(scheduled.monitor.snapshot.nextCheckAt).toBe(Date.now() + 15_000);
    await vi.advanceTimersByTimeAsync(45_000);
    expect(scheduled.getJson).toHaveBeenCalledTimes(4);
    scheduled.monitor.stop();

    const manual = makeMonitor({ intervalMs: 0 });
    manual.monitor.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(manual.getJson).toHaveBeenCalledTimes(1);
    expect(manual.monitor.snapshot.nextCheckAt).toBeNull();
  });

  it('does not count categories that are configured out', async () => {
    const scripted = scriptedClient(failing(new HttpStatusError(404, 'Not Found')));
    const { monitor } = makeMonitor({ counted: ['connection', 'timeout', 'http-5xx'] }, scripted);
    await monitor.check('user');
    const snapshot = await monitor.check('user');
    expect(snapshot.breaker).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
    expect(snapshot.lastError).toMatchObject({ kind: 'request-failed', counted: false, status: 404 });
  });

  it('shows a bug as unexpected without counting it', async () => {
    const scripted = scriptedClient(failing(new TypeError('x is not a function')));
    const { monitor, logger } = makeMonitor({}, scripted);
    await monitor.check('user');
    const snapshot = await monitor.check('user');
    expect(snapshot.lastError).toMatchObject({
      kind: 'unexpected',
      code: 'UNEXPECTED',
      detail: 'TypeError: x is not a function',
    });
    expect(snapshot.breaker.state).toBe('closed');
    expect(logger.lines.some((line) => line.startsWith('ERROR'))).toBe(true);
  });

  it('a good response after failures clears the error', async () => {
    const scripted = scriptedClient(okResponse({ fine: 1 }));
    scripted.next(failing(refused()));
    const { monitor } = makeMonitor({}, scripted);
    expect((await monitor.check('user')).lastError).not.toBeNull();
    const snapshot = await monitor.check('user');
    expect(snapshot.lastError).toBeNull();
    expect(snapshot.breaker.consecutiveFailures).toBe(0);
  });

  it('stop cancels the schedule and publishes nothing more', async () => {
    const { monitor, published } = makeMonitor({ intervalMs: 1_000 });
    monitor.start();
    await vi.advanceTimersByTimeAsync(0);
    monitor.stop();
    const count = published.length;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(published.length).toBe(count);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('Monitor history texts', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-04T12:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('names each of its own sentences for translation, and leaves the servers’ words alone', async () => {
    const history = await HistoryLog.open(null, () => {});
    const scripted = scriptedClient(failing(refused()));
    const monitor = new Monitor({
      target,
      client: scripted.client,
      failureThreshold: 2,
      recoveryTimeoutMs: 10_000,
      intervalMs: 0,
      countedCategories: new Set(FAILURE_CATEGORIES),
      logger: memoryLogger(),
      history,
    });
    await monitor.check('user'); // failure 1
    await monitor.check('user'); // failure 2: opens
    await monitor.check('user'); // short-circuited
    await monitor.control('hold');
    const events = history.recent(10).reverse();
    const failure = events.find((e) => e.kind === 'failure')!;
    expect(failure.text).toBeUndefined();
    expect(failure.message).toBe('Connection refused (connect ECONNREFUSED)');
    const opened = events.find((e) => e.type === 'transition' && e.kind === 'open')!;
    expect(opened.text).toEqual({
      key: 'opened-failures',
      params: { from: 'closed', failures: 2, at: Date.parse('2026-12-04T12:00:10Z') },
    });
    expect(events.find((e) => e.kind === 'short-circuit')!.text).toEqual({ key: 'short-circuit' });
    expect(events.find((e) => e.type === 'action')!.text).toEqual({ key: 'hold' });
    expect(events.find((e) => e.type === 'transition' && e.kind === 'held-open')!.text).toEqual({
      key: 'held-open',
      params: { from: 'open' },
    });
    monitor.stop();
  });
});
