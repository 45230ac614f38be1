import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Breaker, type BreakerOptions, type PersistedBreaker } from '../../src/main/core/breaker';
import {
  BreakerOpenError,
  HttpStatusError,
  parseRetryAfter,
  RequestFailedError,
} from '../../src/main/core/errors';

const refused = () => new RequestFailedError('CONNECTION_REFUSED', 'connection', 'refused');
const fail = (error: unknown = refused()) => vi.fn(() => Promise.reject(error));
const succeed = () => vi.fn(() => Promise.resolve('ok'));

function makeBreaker(options: Partial<BreakerOptions> = {}) {
  const breaker = new Breaker({
    failureThreshold: 2,
    recoveryTimeoutMs: 10_000,
    isExpectedFailure: (error) => error instanceof RequestFailedError,
    retryAfterMs: (error) => (error instanceof HttpStatusError ? error.retryAfterMs : null),
    ...options,
  });
  const states: string[] = [];
  breaker.onTransition(({ to }) => states.push(to));
  return { breaker, states };
}

async function trip(breaker: Breaker, error: unknown = refused()) {
  await breaker.execute(fail(error)).catch(() => undefined);
  await breaker.execute(fail(error)).catch(() => undefined);
}

describe('Breaker manual control', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-04T12:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('hold open rejects every call without sending until released', async () => {
    const { breaker, states } = makeBreaker();
    breaker.holdOpen();
    expect(breaker.state).toBe('held-open');
    const call = succeed();
    const error = await breaker.execute(call).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BreakerOpenError);
    expect((error as BreakerOpenError).held).toBe(true);
    expect(call).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(breaker.state).toBe('held-open');
    breaker.release();
    expect(breaker.state).toBe('closed');
    await expect(breaker.execute(call)).resolves.toBe('ok');
    expect(states).toEqual(['held-open', 'closed']);
  });

  it('reset closes an open breaker and clears the count', async () => {
    const { breaker } = makeBreaker();
    await trip(breaker);
    breaker.reset();
    expect(breaker.snapshot()).toMatchObject({ state: 'closed', consecutiveFailures: 0, openUntil: null });
    await breaker.execute(fail()).catch(() => undefined);
    expect(breaker.state).toBe('closed'); // needs the full threshold again
  });

  it('probe now turns open into half-open before the countdown ends and admits one trial', async () => {
    const { breaker, states } = makeBreaker();
    await trip(breaker);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(breaker.probeNow()).toBe(true);
    expect(breaker.state).toBe('half-open');
    const trial = succeed();
    await breaker.execute(trial);
    expect(trial).toHaveBeenCalledTimes(1);
    expect(breaker.state).toBe('closed');
    expect(states).toEqual(['open', 'half-open', 'closed']);
    expect(breaker.probeNow()).toBe(false);
  });
});

describe('Breaker recovery time', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-04T12:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('a longer Retry-After keeps the breaker open until then', async () => {
    const { breaker } = makeBreaker();
    await trip(breaker, new HttpStatusError(429, 'Too Many Requests', 30_000));
    const { openedAt, openUntil } = breaker.snapshot();
    expect(openUntil! - openedAt!).toBe(30_000);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(breaker.state).toBe('open');
    await vi.advanceTimersByTimeAsync(1);
    expect(breaker.state).toBe('half-open');
    await breaker.execute(succeed()); // cockatiel agrees: the trial goes through
    expect(breaker.state).toBe('closed');
  });

  it('a shorter Retry-After does not shorten the recovery timeout', async () => {
    const { breaker } = makeBreaker();
    await trip(breaker, new HttpStatusError(503, 'Service Unavailable', 2_000));
    const { openedAt, openUntil } = breaker.snapshot();
    expect(openUntil! - openedAt!).toBe(10_000);
  });

  it('backs off exponentially after failed trials, capped', async () => {
    const { breaker } = makeBreaker({ backoffMaxMs: 35_000 });
    await trip(breaker);
    const durations: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const { openedAt, openUntil } = breaker.snapshot();
      durations.push(openUntil! - openedAt!);
      await vi.advanceTimersByTimeAsync(openUntil! - Date.now());
      expect(breaker.state).toBe('half-open');
      await breaker.execute(fail()).catch(() => undefined);
    }
    expect(durations).toEqual([10_000, 20_000, 35_000, 35_000]);
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-12-04T12:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Fri, 04 Dec 2026 12:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter('99999999', now)).toBe(7 * 86_400_000);
  });
});

describe('Breaker persistence', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-04T12:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('an open breaker stays open across a restart until its openUntil', async () => {
    const before = makeBreaker();
    await trip(before.breaker, new HttpStatusError(503, 'Service Unavailable', 60_000));
    const saved: PersistedBreaker = before.breaker.toPersisted();
    before.breaker.dispose();

    await vi.advanceTimersByTimeAsync(20_000); // the app was down for 20 s
    const { breaker } = makeBreaker({ restore: saved });
    expect(breaker.snapshot()).toMatchObject({
      state: 'open',
      openUntil: saved.openUntil,
      consecutiveFailures: 2,
    });
    const call = succeed();
    await expect(breaker.execute(call)).rejects.toBeInstanceOf(BreakerOpenError);
    expect(call).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(saved.openUntil! - Date.now());
    expect(breaker.state).toBe('half-open');
    await breaker.execute(call);
    expect(call).toHaveBeenCalledTimes(1);
    expect(breaker.state).toBe('closed');
  });

  it('a breaker whose openUntil passed while the app was down comes back half-open', async () => {
    const before = makeBreaker();
    await trip(before.breaker);
    const saved = before.breaker.toPersisted();
    await vi.advanceTimersByTimeAsync(60_000);
    const { breaker } = makeBreaker({ restore: saved });
    expect(breaker.state).toBe('half-open');
  });

  it('keeps the count of a closed breaker and restores hold-open', () => {
    const closed = makeBreaker({
      restore: { state: 'closed', consecutiveFailures: 1, openedAt: null, openUntil: null, attempt: 0 },
    });
    expect(closed.breaker.snapshot().consecutiveFailures).toBe(1);
    const held = makeBreaker({
      restore: { state: 'held-open', consecutiveFailures: 0, openedAt: 1, openUntil: null, attempt: 0 },
    });
    expect(held.breaker.state).toBe('held-open');
  });
});
