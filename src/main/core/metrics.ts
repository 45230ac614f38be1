/**
 * Rolling metrics of one endpoint: Hystrix-style counts and latency
 * percentiles over the last 10 minutes and the last 100 calls, uptime over
 * 1 h and 24 h from per-minute buckets, and the last 60 outcomes for the
 * heartbeat bar. Memory is bounded whatever the call rate.
 */
import {
  FAILURE_CATEGORIES,
  type CallOutcome,
  type FailureCategory,
  type MetricsSummary,
  type WindowMetrics,
} from '../../shared/model';
import { CountedValues } from './percentile';

export const RECENT_WINDOW_MS = 10 * 60_000;
export const LAST_CALLS = 100;
export const HEARTBEATS = 60;
/** Outcomes kept for the windows: enough for 10 minutes at 10 calls/s. */
const MAX_KEPT = 6_000;
const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

interface Bucket {
  minute: number;
  ok: number;
  failed: number;
}

/**
 * Running counts and counted latencies of a window of outcomes: adding or
 * removing one outcome is O(1) for a latency already seen, and a summary
 * walks the distinct latencies once, whether the window holds 10 or 10 000
 * outcomes.
 */
class WindowCounter {
  private readonly queue: CallOutcome[] = [];
  private head = 0;
  private readonly latencies = new CountedValues();
  private successes = 0;
  private unexpected = 0;
  private shortCircuited = 0;
  private readonly failures = Object.fromEntries(FAILURE_CATEGORIES.map((c) => [c, 0])) as Record<
    FailureCategory,
    number
  >;

  get size(): number {
    return this.queue.length - this.head;
  }

  oldest(): CallOutcome | undefined {
    return this.queue[this.head];
  }

  add(outcome: CallOutcome): void {
    this.queue.push(outcome);
    this.count(outcome, 1);
    if (outcome.latencyMs !== null) this.latencies.add(outcome.latencyMs);
  }

  removeOldest(): void {
    const outcome = this.queue[this.head];
    if (!outcome) return;
    this.head += 1;
    this.count(outcome, -1);
    if (outcome.latencyMs !== null) this.latencies.remove(outcome.latencyMs);
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }

  metrics(): WindowMetrics {
    const calls = this.size;
    return {
      calls,
      successes: this.successes,
      failures: { ...this.failures },
      unexpected: this.unexpected,
      shortCircuited: this.shortCircuited,
      errorPercent: calls === 0 ? null : ((calls - this.successes) / calls) * 100,
      latency: this.latencies.summary(),
    };
  }

  private count(outcome: CallOutcome, delta: 1 | -1): void {
    if (outcome.kind === 'success') this.successes += delta;
    else if (outcome.kind === 'short-circuit') this.shortCircuited += delta;
    else if (outcome.category) this.failures[outcome.category] += delta;
    else this.unexpected += delta;
  }
}

export class RollingMetrics {
  private outcomes: CallOutcome[] = [];
  private buckets: Bucket[] = [];
  private readonly recent = new WindowCounter();
  private readonly last = new WindowCounter();
  /** Bumped by every record; summaries are reused until it (or the second) changes. */
  private version = 0;
  private cached: { version: number; second: number; value: MetricsSummary } | null = null;
  private beats: { version: number; value: readonly CallOutcome[] } | null = null;

  record(outcome: CallOutcome): void {
    this.version += 1;
    this.outcomes.push(outcome);
    if (this.outcomes.length > HEARTBEATS * 20) this.outcomes = this.outcomes.slice(-HEARTBEATS);
    this.recent.add(outcome);
    if (this.recent.size > MAX_KEPT) this.recent.removeOldest();
    this.last.add(outcome);
    if (this.last.size > LAST_CALLS) this.last.removeOldest();
    if (outcome.kind === 'short-circuit') return; // no request: says nothing about uptime
    const minute = Math.floor(outcome.at / MINUTE);
    let bucket = this.buckets.at(-1);
    if (!bucket || bucket.minute !== minute) {
      bucket = { minute, ok: 0, failed: 0 };
      this.buckets.push(bucket);
      const oldest = minute - DAY_MINUTES;
      while (this.buckets.length > 0 && this.buckets[0]!.minute <= oldest) this.buckets.shift();
    }
    if (outcome.kind === 'success') bucket.ok += 1;
    else bucket.failed += 1;
  }

  /**
   * The last 60 outcomes, oldest first. The same frozen array until the next
   * record, so publishing a snapshot does not copy it again.
   */
  heartbeat(): readonly CallOutcome[] {
    if (this.beats?.version !== this.version)
      this.beats = { version: this.version, value: Object.freeze(this.outcomes.slice(-HEARTBEATS)) };
    return this.beats.value;
  }

  /** The metrics at `now`; cheap to call often (snapshots are published on every change). */
  summary(now: number): MetricsSummary {
    const second = Math.floor(now / 1000);
    if (this.cached && this.cached.version === this.version && this.cached.second === second)
      return this.cached.value;
    const since = now - RECENT_WINDOW_MS;
    while (this.recent.size > 0 && this.recent.oldest()!.at < since) this.recent.removeOldest();
    const value: MetricsSummary = {
      recent: this.recent.metrics(),
      lastCalls: this.last.metrics(),
      uptime1h: this.uptime(now, 60),
      uptime24h: this.uptime(now, DAY_MINUTES),
    };
    this.cached = { version: this.version, second, value };
    return value;
  }

  private uptime(now: number, minutes: number): number | null {
    const first = Math.floor(now / MINUTE) - minutes + 1;
    let ok = 0;
    let total = 0;
    for (const bucket of this.buckets) {
      if (bucket.minute < first) continue;
      ok += bucket.ok;
      total += bucket.ok + bucket.failed;
    }
    return total === 0 ? null : (ok / total) * 100;
  }
}

/** Counts of a list of outcomes from scratch (the reference the running counters are tested against). */
export function windowMetrics(outcomes: readonly CallOutcome[]): WindowMetrics {
  const counter = new WindowCounter();
  for (const outcome of outcomes) counter.add(outcome);
  return counter.metrics();
}
