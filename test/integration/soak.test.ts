/**
 * Soak: 24 simulated hours of checks every second on 10 endpoints (864 000
 * checks) with fake timers and an instant fake client that fails now and
 * then, so breakers keep opening and closing. Memory must stay bounded
 * (metrics, heartbeat and in-memory history are capped) and removing the
 * monitors must leave no timers behind.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HistoryLog } from '../../src/main/core/history';
import { HttpStatusError } from '../../src/main/core/errors';
import { Monitor } from '../../src/main/core/monitor';
import { FAILURE_CATEGORIES } from '../../src/shared/model';
import { memoryLogger } from '../support/fakes';

const ENDPOINTS = 10;
const HOURS = 24;

describe('soak', () => {
  afterEach(() => vi.useRealTimers());

  it(`${HOURS} h of 1 s checks on ${ENDPOINTS} endpoints keeps memory bounded and leaks no timers`, async () => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'],
    });
    vi.setSystemTime(new Date('2026-12-04T00:00:00Z'));
    let calls = 0;
    const client = {
      options: { timeoutMs: 1000, maxBytes: 1024 },
      getJson: async () => {
        calls += 1;
        // Bursts of failures: two minutes in every ten fail.
        if (Math.floor(Date.now() / 60_000) % 10 < 2) throw new HttpStatusError(503, 'Service Unavailable');
        return { status: 200, data: { ok: calls }, bytes: 12, latencyMs: 1 + (calls % 50), headers: {} };
      },
    };
    const logger = { ...memoryLogger(), info() {}, warn() {}, error() {} };
    const monitors = await Promise.all(
      Array.from({ length: ENDPOINTS }, async (_, i) => {
        const history = await HistoryLog.open(null, () => {});
        return new Monitor({
          target: { id: `e${i}`, name: `e${i}`, url: 'http://127.0.0.1/', isDemo: false },
          client,
          failureThreshold: 2,
          recoveryTimeoutMs: 10_000,
          intervalMs: 1_000,
          countedCategories: new Set(FAILURE_CATEGORIES),
          logger,
          history,
        });
      }),
    );
    monitors.forEach((m) => m.start());

    const heap: number[] = [];
    for (let hour = 0; hour < HOURS; hour += 1) {
      await vi.advanceTimersByTimeAsync(3_600_000);
      if (hour === 1 || hour === HOURS - 1) {
        globalThis.gc?.();
        heap.push(process.memoryUsage().heapUsed);
      }
    }
    const snapshot = monitors[0]!.snapshot;
    expect(snapshot.heartbeat.length).toBe(60);
    expect(snapshot.metrics.lastCalls.calls).toBe(100);
    expect(snapshot.metrics.recent.calls).toBeLessThanOrEqual(6_000);
    expect(monitors[0]!.history!.recent(10_000).length).toBeLessThanOrEqual(2_500);
    expect(calls).toBeGreaterThan(ENDPOINTS * HOURS * 3_600 * 0.8); // short-circuits send nothing
    const growthMiB = (heap[1]! - heap[0]!) / 1024 / 1024;
    console.log(
      `soak: ${calls} requests, heap ${(heap[0]! / 1048576).toFixed(1)} → ${(heap[1]! / 1048576).toFixed(1)} MiB (${growthMiB.toFixed(1)} MiB from hour 1 to hour ${HOURS})`,
    );
    expect(growthMiB).toBeLessThan(64);

    monitors.forEach((m) => m.stop());
    expect(vi.getTimerCount()).toBe(0);
  }, 300_000);
});
