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
import { latencySummary } from './percentile';

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

export class RollingMetrics {
  private outcomes: CallOutcome[] = [];
  private buckets: Bucket[] = [];

  record(outcome: CallOutcome): void {
    this.outcomes.push(outcome);
    if (this.outcomes.length > MAX_KEPT * 1.25) this.outcomes = this.outcomes.slice(-MAX_KEPT);
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

  /** The last `count` outcomes, oldest first. */
  heartbeat(count = HEARTBEATS): CallOutcome[] {
    return this.outcomes.slice(-count);
  }

  summary(now: number): MetricsSummary {
    const since = now - RECENT_WINDOW_MS;
    let start = this.outcomes.length;
    while (start > 0 && this.outcomes[start - 1]!.at >= since) start -= 1;
    return {
      recent: windowMetrics(this.outcomes.slice(start)),
      lastCalls: windowMetrics(this.outcomes.slice(-LAST_CALLS)),
      uptime1h: this.uptime(now, 60),
      uptime24h: this.uptime(now, DAY_MINUTES),
    };
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

export function windowMetrics(outcomes: readonly CallOutcome[]): WindowMetrics {
  const failures = Object.fromEntries(FAILURE_CATEGORIES.map((c) => [c, 0])) as Record<
    FailureCategory,
    number
  >;
  let successes = 0;
  let unexpected = 0;
  let shortCircuited = 0;
  const latencies: number[] = [];
  for (const outcome of outcomes) {
    if (outcome.latencyMs !== null) latencies.push(outcome.latencyMs);
    if (outcome.kind === 'success') successes += 1;
    else if (outcome.kind === 'short-circuit') shortCircuited += 1;
    else if (outcome.category) failures[outcome.category] += 1;
    else unexpected += 1;
  }
  const calls = outcomes.length;
  return {
    calls,
    successes,
    failures,
    unexpected,
    shortCircuited,
    errorPercent: calls === 0 ? null : ((calls - successes) / calls) * 100,
    latency: latencySummary(latencies),
  };
}
