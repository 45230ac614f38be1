import { describe, expect, it } from 'vitest';
import { RollingMetrics, windowMetrics } from '../../src/main/core/metrics';
import type { CallOutcome } from '../../src/shared/model';

const T0 = Date.UTC(2026, 11, 4, 12, 0, 0);
const ok = (at: number, latencyMs = 10): CallOutcome => ({
  at,
  kind: 'success',
  category: null,
  status: 200,
  latencyMs,
  message: 'HTTP 200',
});
const fail = (at: number, category: CallOutcome['category'] = 'http-5xx'): CallOutcome => ({
  at,
  kind: 'failure',
  category,
  status: 500,
  latencyMs: 5,
  message: 'HTTP 500',
});
const short = (at: number): CallOutcome => ({
  at,
  kind: 'short-circuit',
  category: null,
  status: null,
  latencyMs: null,
  message: 'open',
});

describe('RollingMetrics', () => {
  it('counts successes, failures by kind and short-circuits, with Hystrix error %', () => {
    const m = new RollingMetrics();
    m.record(ok(T0));
    m.record(fail(T0 + 1, 'timeout'));
    m.record(fail(T0 + 2, 'connection'));
    m.record(short(T0 + 3));
    const { recent } = m.summary(T0 + 10);
    expect(recent).toMatchObject({ calls: 4, successes: 1, shortCircuited: 1, errorPercent: 75 });
    expect(recent.failures).toMatchObject({ timeout: 1, connection: 1, 'http-5xx': 0 });
    // Short-circuits have no latency.
    expect(recent.latency).toEqual({ p50: 5, p90: 10, p99: 10, max: 10 });
  });

  it('keeps the last 10 minutes and the last 100 calls as separate windows', () => {
    const m = new RollingMetrics();
    for (let i = 0; i < 150; i += 1) m.record(ok(T0 + i * 10_000)); // one every 10 s for 25 min
    const now = T0 + 149 * 10_000;
    const summary = m.summary(now);
    expect(summary.recent.calls).toBe(61); // 10 minutes back, both ends included
    expect(summary.lastCalls.calls).toBe(100);
  });

  it('computes uptime over 1 h and 24 h from sent requests only', () => {
    const m = new RollingMetrics();
    const hour = 3_600_000;
    m.record(fail(T0 - 3 * hour)); // outside 1 h, inside 24 h
    m.record(ok(T0 - 10 * 60_000));
    m.record(ok(T0 - 5 * 60_000));
    m.record(short(T0 - 60_000));
    const summary = m.summary(T0);
    expect(summary.uptime1h).toBe(100);
    expect(summary.uptime24h).toBeCloseTo(66.67, 1);
    expect(new RollingMetrics().summary(T0).uptime24h).toBeNull();
  });

  it('returns the last 60 outcomes for the heartbeat and stays bounded', () => {
    const m = new RollingMetrics();
    for (let i = 0; i < 20_000; i += 1) m.record(i % 2 ? ok(T0 + i) : fail(T0 + i));
    expect(m.heartbeat()).toHaveLength(60);
    expect(m.heartbeat().at(-1)!.at).toBe(T0 + 19_999);
    expect((m as unknown as { outcomes: unknown[] }).outcomes.length).toBeLessThanOrEqual(1_200);
    const { recent, lastCalls } = m.summary(T0 + 20_000);
    expect(recent.calls).toBeLessThanOrEqual(6_000);
    expect(lastCalls.calls).toBe(100);
  });

  it('hands out one frozen heartbeat until the next outcome, then a new one', () => {
    const m = new RollingMetrics();
    m.record(ok(T0));
    const first = m.heartbeat();
    expect(m.heartbeat()).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    m.record(fail(T0 + 1));
    const second = m.heartbeat();
    expect(second).not.toBe(first);
    expect(first).toHaveLength(1);
    expect(second.map((o) => o.kind)).toEqual(['success', 'failure']);
  });
});

describe('RollingMetrics against a recomputation from scratch', () => {
  it('keeps running counts and percentiles equal to a full recount as the window slides', () => {
    const m = new RollingMetrics();
    const all: CallOutcome[] = [];
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 3_000; i += 1) {
      const at = T0 + i * 500; // 25 minutes at 2 calls/s
      const r = random();
      const outcome =
        r < 0.6
          ? ok(at, Math.round(random() * 300))
          : r < 0.9
            ? fail(at, r < 0.75 ? 'timeout' : 'http-5xx')
            : short(at);
      m.record(outcome);
      all.push(outcome);
      if (i % 97 === 0) {
        const now = at;
        const inWindow = all.filter((o) => o.at >= now - 600_000);
        const expected = windowMetrics(inWindow);
        expect(m.summary(now).recent).toEqual(expected);
        expect(m.summary(now).lastCalls).toEqual(windowMetrics(all.slice(-100)));
      }
    }
  });
});
