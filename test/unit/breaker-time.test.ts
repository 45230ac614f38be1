/**
 * Time: decisions use the monotonic clock, the wall clock is only for
 * display. A wall-clock jump neither shortens nor stretches the recovery
 * time, the displayed deadline follows the wall clock, and a sleep counts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Breaker } from '../../src/main/core/breaker';
import { BreakerOpenError, RequestFailedError } from '../../src/main/core/errors';

const HOUR = 3_600_000;
const refused = () => Promise.reject(new RequestFailedError('CONNECTION_REFUSED', 'connection', 'refused'));

async function openBreaker(recoveryMs = 10_000) {
  const breaker = new Breaker({
    failureThreshold: 2,
    recoveryTimeoutMs: recoveryMs,
    isExpectedFailure: (error) => error instanceof RequestFailedError,
  });
  await breaker.execute(refused).catch(() => undefined);
  await breaker.execute(refused).catch(() => undefined);
  expect(breaker.state).toBe('open');
  return breaker;
}

describe('breaker time', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    vi.setSystemTime(new Date('2026-12-04T12:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it.each([
    ['back', -HOUR],
    ['forward', HOUR],
  ])(
    'a wall clock jumping %s an hour changes neither the recovery time nor the countdown',
    async (_name, jump) => {
      const breaker = await openBreaker();
      await vi.advanceTimersByTimeAsync(4_000);
      vi.setSystemTime(Date.now() + jump);
      // The displayed deadline follows the new wall clock: still 6 s away.
      expect(breaker.snapshot().openUntil! - Date.now()).toBe(6_000);
      await expect(breaker.execute(() => Promise.resolve('x'))).rejects.toBeInstanceOf(BreakerOpenError);
      await vi.advanceTimersByTimeAsync(5_999);
      expect(breaker.state).toBe('open');
      await vi.advanceTimersByTimeAsync(1);
      expect(breaker.state).toBe('half-open');
      // cockatiel admits the trial whatever the wall clock says.
      await expect(breaker.execute(() => Promise.resolve('trial'))).resolves.toBe('trial');
      expect(breaker.state).toBe('closed');
    },
  );

  it('time asleep counts toward the recovery timeout', async () => {
    const breaker = await openBreaker(60_000);
    await vi.advanceTimersByTimeAsync(10_000);
    // The machine sleeps 5 minutes: the monotonic clock stands still, the wall clock moves.
    vi.setSystemTime(Date.now() + 5 * 60_000);
    breaker.resumeFromSleep(5 * 60_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(breaker.state).toBe('half-open');
  });

  it('a short sleep only shortens the countdown', async () => {
    const breaker = await openBreaker(60_000);
    vi.setSystemTime(Date.now() + 20_000);
    breaker.resumeFromSleep(20_000);
    expect(breaker.snapshot().openUntil! - Date.now()).toBe(40_000);
    await vi.advanceTimersByTimeAsync(39_999);
    expect(breaker.state).toBe('open');
    await vi.advanceTimersByTimeAsync(1);
    expect(breaker.state).toBe('half-open');
  });
});
