import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Breaker, type BreakerTransition } from '../../src/main/core/breaker';
import { BreakerOpenError, RequestFailedError } from '../../src/main/core/errors';

const expected = () => new RequestFailedError('CONNECTION_REFUSED', 'connection', 'refused');
const fail = (error: unknown = expected()) => vi.fn(() => Promise.reject(error));
const succeed = (value = 'ok') => vi.fn(() => Promise.resolve(value));

function makeBreaker(threshold = 2, recoveryMs = 10_000) {
  const breaker = new Breaker({
    failureThreshold: threshold,
    recoveryTimeoutMs: recoveryMs,
    isExpectedFailure: (error) => error instanceof RequestFailedError,
  });
  const transitions: BreakerTransition[] = [];
  breaker.onTransition((transition) => transitions.push(transition));
  return { breaker, transitions };
}

async function trip(breaker: Breaker, times = 2) {
  for (let i = 0; i < times; i += 1) await expect(breaker.execute(fail())).rejects.toThrow();
}

describe('Breaker', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-04T12:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('starts closed and passes calls through', async () => {
    const { breaker } = makeBreaker();
    const call = succeed('data');
    await expect(breaker.execute(call)).resolves.toBe('data');
    expect(call).toHaveBeenCalledTimes(1);
    expect(breaker.snapshot()).toMatchObject({
      state: 'closed',
      consecutiveFailures: 0,
      openedAt: null,
      openUntil: null,
    });
  });

  it('counts consecutive expected failures and a success resets the count', async () => {
    const { breaker } = makeBreaker(3);
    await expect(breaker.execute(fail())).rejects.toBeInstanceOf(RequestFailedError);
    await expect(breaker.execute(fail())).rejects.toBeInstanceOf(RequestFailedError);
    expect(breaker.snapshot().consecutiveFailures).toBe(2);
    await breaker.execute(succeed());
    expect(breaker.snapshot().consecutiveFailures).toBe(0);
    expect(breaker.state).toBe('closed');
  });

  it('opens at the threshold; the tripping call reports its own error', async () => {
    const { breaker, transitions } = makeBreaker(2, 10_000);
    const own = expected();
    await expect(breaker.execute(fail())).rejects.toBeInstanceOf(RequestFailedError);
    expect(breaker.state).toBe('closed');
    await expect(breaker.execute(fail(own))).rejects.toBe(own);
    const now = Date.now();
    expect(breaker.snapshot()).toMatchObject({ state: 'open', openedAt: now, openUntil: now + 10_000 });
    expect(transitions.map((t) => `${t.from}->${t.to}`)).toEqual(['closed->open']);
  });

  it('fails fast while open without calling the function', async () => {
    const { breaker } = makeBreaker();
    await trip(breaker);
    const call = succeed();
    const error = await breaker.execute(call).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BreakerOpenError);
    expect((error as BreakerOpenError).openUntil).toBe(breaker.snapshot().openUntil);
    expect(call).not.toHaveBeenCalled();
  });

  it('does not count unexpected errors', async () => {
    const { breaker } = makeBreaker(1);
    await expect(breaker.execute(fail(new TypeError('bug')))).rejects.toBeInstanceOf(TypeError);
    expect(breaker.snapshot()).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
  });

  it('announces half-open by itself exactly when the recovery timeout elapses', async () => {
    const { breaker, transitions } = makeBreaker(2, 10_000);
    await trip(breaker);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(breaker.state).toBe('open');
    await vi.advanceTimersByTimeAsync(1);
    expect(breaker.state).toBe('half-open');
    expect(transitions.map((t) => t.to)).toEqual(['open', 'half-open']);
    expect(breaker.snapshot().openUntil).toBe(Date.now());
  });

  it('admits exactly one trial; concurrent calls fail fast', async () => {
    const { breaker } = makeBreaker(2, 1_000);
    await trip(breaker);
    await vi.advanceTimersByTimeAsync(1_000);
    let release!: (value: string) => void;
    const trial = vi.fn(() => new Promise<string>((resolve) => (release = resolve)));
    const other = succeed();
    const first = breaker.execute(trial);
    const second = breaker.execute(other);
    await expect(second).rejects.toBeInstanceOf(BreakerOpenError);
    expect(other).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(0);
    expect(trial).toHaveBeenCalledTimes(1);
    release('recovered');
    await expect(first).resolves.toBe('recovered');
    expect(breaker.snapshot()).toMatchObject({ state: 'closed', consecutiveFailures: 0, openUntil: null });
  });

  it('a failed trial opens again with a fresh countdown', async () => {
    const { breaker, transitions } = makeBreaker(2, 3_000);
    await trip(breaker);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(breaker.state).toBe('half-open');
    await vi.advanceTimersByTimeAsync(500); // the user waits a little before retrying
    await expect(breaker.execute(fail())).rejects.toBeInstanceOf(RequestFailedError);
    const now = Date.now();
    expect(breaker.snapshot()).toMatchObject({ state: 'open', openedAt: now, openUntil: now + 3_000 });
    expect(transitions.map((t) => t.to)).toEqual(['open', 'half-open', 'open']);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(breaker.state).toBe('half-open');
  });

  it('a successful trial closes and resets the count', async () => {
    const { breaker, transitions } = makeBreaker(2, 3_000);
    await trip(breaker);
    await vi.advanceTimersByTimeAsync(3_000);
    await breaker.execute(succeed());
    expect(breaker.snapshot()).toMatchObject({ state: 'closed', consecutiveFailures: 0, openedAt: null });
    expect(transitions.map((t) => t.to)).toEqual(['open', 'half-open', 'closed']);
    // Needs the full threshold again to reopen.
    await expect(breaker.execute(fail())).rejects.toThrow();
    expect(breaker.state).toBe('closed');
  });

  it('stops its timer on dispose', async () => {
    const { breaker, transitions } = makeBreaker(2, 1_000);
    await trip(breaker);
    breaker.dispose();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(transitions.map((t) => t.to)).toEqual(['open']);
    expect(vi.getTimerCount()).toBe(0);
  });
});
