/**
 * Nearest-rank percentiles: the smallest value such that at least p % of the
 * values are less than or equal to it. No interpolation, so every reported
 * latency is one that was measured.
 */

/** `sorted` must be ascending; p in (0, 100]. */
export function percentileOfSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function latencySummary(values: readonly number[]) {
  return summaryOfSorted([...values].sort((a, b) => a - b));
}

/** p50, p90, p99 and max of values already in ascending order. */
export function summaryOfSorted(sorted: readonly number[]) {
  return {
    p50: percentileOfSorted(sorted, 50),
    p90: percentileOfSorted(sorted, 90),
    p99: percentileOfSorted(sorted, 99),
    max: sorted.length > 0 ? sorted[sorted.length - 1]! : null,
  };
}
