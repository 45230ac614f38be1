import { describe, expect, it } from 'vitest';
import { CountedValues, latencySummary, percentileOfSorted } from '../../src/main/core/percentile';

/** Reference by definition: the smallest value v with #{x <= v} >= p% of n. */
function reference(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  for (const candidate of sorted) {
    const atOrBelow = sorted.filter((x) => x <= candidate).length;
    if (atOrBelow >= (p / 100) * sorted.length) return candidate;
  }
  return sorted[sorted.length - 1]!;
}

/** A small deterministic generator, so a failure can be replayed. */
function lcg(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('nearest-rank percentiles', () => {
  it('matches known values', () => {
    const sorted = [15, 20, 35, 40, 50];
    expect(percentileOfSorted(sorted, 30)).toBe(20);
    expect(percentileOfSorted(sorted, 40)).toBe(20);
    expect(percentileOfSorted(sorted, 50)).toBe(35);
    expect(percentileOfSorted(sorted, 100)).toBe(50);
    expect(percentileOfSorted([], 50)).toBeNull();
    expect(latencySummary([7])).toEqual({ p50: 7, p90: 7, p99: 7, max: 7 });
  });

  it('agrees with the definition on 500 random samples of many sizes', () => {
    const random = lcg(42);
    for (let round = 0; round < 500; round += 1) {
      const size = 1 + Math.floor(random() * 120);
      const values = Array.from(
        { length: size },
        () => Math.round(random() * 1000) / (random() < 0.3 ? 1 : 10),
      );
      const summary = latencySummary(values);
      expect(summary.p50, `round ${round}`).toBe(reference(values, 50));
      expect(summary.p90, `round ${round}`).toBe(reference(values, 90));
      expect(summary.p99, `round ${round}`).toBe(reference(values, 99));
      expect(summary.max).toBe(Math.max(...values));
    }
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    latencySummary(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('CountedValues', () => {
  it('gives the same summary as sorting, through random adds and removes', () => {
    const random = lcg(7);
    const counted = new CountedValues();
    const present: number[] = [];
    for (let step = 0; step < 20_000; step += 1) {
      if (present.length > 0 && random() < 0.45) {
        const [value] = present.splice(Math.floor(random() * present.length), 1);
        counted.remove(value!);
      } else {
        // Whole milliseconds that repeat, and now and then a fraction.
        const value = random() < 0.9 ? Math.floor(random() * 300) : Math.round(random() * 3000) / 10;
        present.push(value);
        counted.add(value);
      }
      if (step % 97 === 0) {
        expect(counted.size, `step ${step}`).toBe(present.length);
        expect(counted.summary(), `step ${step}`).toEqual(
          present.length === 0 ? { p50: null, p90: null, p99: null, max: null } : latencySummary(present),
        );
      }
    }
  });

  it('ignores removing a value it does not hold', () => {
    const counted = new CountedValues();
    counted.add(5);
    counted.remove(6);
    expect(counted.size).toBe(1);
    expect(counted.summary()).toEqual({ p50: 5, p90: 5, p99: 5, max: 5 });
  });
});
