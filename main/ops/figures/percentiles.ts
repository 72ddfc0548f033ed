import type { Durations, Histogram } from '../../contract/ops-figures';

/**
 * Nearest-rank percentile (the smallest value with at least p % of the values
 * at or below it): always a value that was seen, so a figure can be checked
 * against the history by hand. `sorted` ascending.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

const ascending = (a: number, b: number) => a - b;

/** count: how many started; `values`: the durations of those that ended. */
export function durations(count: number, values: readonly number[]): Durations {
  const sorted = [...values].sort(ascending);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    count,
    done: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    max: sorted.length ? sorted[sorted.length - 1]! : null,
    mean: sorted.length ? sum / sorted.length : null,
  };
}

/** Latency buckets in milliseconds: from a LAN's tenth of a second to a backlog's minute. */
export const LATENCY_BOUNDS = [100, 250, 500, 1_000, 2_000, 5_000, 10_000, 30_000, 60_000];

export function histogram(values: readonly number[], bounds: readonly number[] = LATENCY_BOUNDS): Histogram {
  const counts = new Array<number>(bounds.length + 1).fill(0);
  for (const value of values) {
    let bucket = bounds.findIndex((bound) => value <= bound);
    if (bucket < 0) bucket = bounds.length;
    counts[bucket]!++;
  }
  const sorted = [...values].sort(ascending);
  return { bounds: [...bounds], counts, count: values.length, p50: percentile(sorted, 50), p90: percentile(sorted, 90) };
}
