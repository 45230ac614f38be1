/**
 * Nearest-rank percentiles: the smallest value such that at least p % of the
 * values are less than or equal to it. No interpolation, so every reported
 * latency is one that was measured.
 */

/** The 1-based rank of the p-th percentile among `count` values (count ≥ 1). */
function nearestRank(p: number, count: number): number {
  return Math.min(count, Math.max(1, Math.ceil((p / 100) * count)));
}

/** `sorted` must be ascending; p in (0, 100]. */
export function percentileOfSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[nearestRank(p, sorted.length) - 1]!;
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

export type LatencySummary = ReturnType<typeof summaryOfSorted>;

/** Index of the first element >= value in an ascending array. */
function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * A multiset of values with the same nearest-rank summary. Latencies are
 * whole milliseconds and repeat a lot, so each distinct value is kept once
 * with a count: adding or removing a value already present is O(1), and a
 * summary walks the distinct values once (tens, not thousands, in a window).
 */
export class CountedValues {
  private readonly counts = new Map<number, number>();
  /** Distinct values, ascending. */
  private readonly distinct: number[] = [];
  private total = 0;

  get size(): number {
    return this.total;
  }

  add(value: number): void {
    const count = this.counts.get(value);
    if (count === undefined) this.distinct.splice(lowerBound(this.distinct, value), 0, value);
    this.counts.set(value, (count ?? 0) + 1);
    this.total += 1;
  }

  /** Removes one occurrence; a value not present is ignored. */
  remove(value: number): void {
    const count = this.counts.get(value);
    if (count === undefined) return;
    if (count === 1) {
      this.counts.delete(value);
      this.distinct.splice(lowerBound(this.distinct, value), 1);
    } else {
      this.counts.set(value, count - 1);
    }
    this.total -= 1;
  }

  summary(): LatencySummary {
    if (this.total === 0) return { p50: null, p90: null, p99: null, max: null };
    const wanted = [50, 90, 99].map((p) => nearestRank(p, this.total));
    const found: number[] = [];
    let seen = 0;
    for (const value of this.distinct) {
      seen += this.counts.get(value)!;
      while (found.length < wanted.length && seen >= wanted[found.length]!) found.push(value);
      if (found.length === wanted.length) break;
    }
    return { p50: found[0]!, p90: found[1]!, p99: found[2]!, max: this.distinct.at(-1)! };
  }
}
