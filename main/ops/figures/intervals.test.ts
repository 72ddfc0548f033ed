import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inTimeOrder, percent, upTime, type Change } from './intervals';
import { durations, histogram, percentile } from './percentiles';

/** The state at each millisecond, read the slow way: the last change at or before it, else the state before. */
function reference(before: boolean | null, changes: readonly Change[], bounds: readonly number[]) {
  const ordered = inTimeOrder(changes);
  const up: number[] = [];
  const known: number[] = [];
  for (let bucket = 0; bucket < bounds.length - 1; bucket++) {
    let u = 0;
    let k = 0;
    for (let t = bounds[bucket]!; t < bounds[bucket + 1]!; t++) {
      const state = ordered.filter((change) => change.at <= t).at(-1)?.up ?? (ordered.some((change) => change.at <= t) ? null : before);
      if (state !== null) k++;
      if (state === true) u++;
    }
    up.push(u);
    known.push(k);
  }
  return { up, known };
}

const state = fc.constantFrom(true, false, null);
const change = fc.record({ at: fc.integer({ min: -20, max: 140 }), up: state });
const bounds = fc.uniqueArray(fc.integer({ min: 0, max: 120 }), { minLength: 2, maxLength: 6 }).map((values) => values.sort((a, b) => a - b));

describe('up time from status changes', () => {
  it('a day with changes exactly at its edges counts only what lies inside', () => {
    // Down before midnight, up exactly at the start, down at 18:00, up again exactly at the end (ignored).
    const hour = 3_600_000;
    const result = upTime(false, [{ at: 0, up: true }, { at: 18 * hour, up: false }, { at: 24 * hour, up: true }], [0, 24 * hour]);
    expect(result).toEqual({ up: [18 * hour], known: [24 * hour], outages: 1 });
    expect(percent(result.up[0]!, result.known[0]!)).toBe(75);
  });

  it('a unit with no change in the period keeps the state it had before it', () => {
    expect(upTime(true, [], [0, 10, 20])).toEqual({ up: [10, 10], known: [10, 10], outages: 0 });
    expect(upTime(null, [], [0, 10])).toEqual({ up: [0], known: [0], outages: 0 });
    expect(percent(0, 0)).toBeNull();
  });

  it('matches the millisecond-by-millisecond reading for any changes, out of order, duplicated or at the edges', () => {
    fc.assert(
      fc.property(state, fc.array(change, { maxLength: 12 }), bounds, (before, changes, edges) => {
        const result = upTime(before, inTimeOrder(changes), edges);
        expect({ up: result.up, known: result.known }).toEqual(reference(before, changes, edges));
      }),
    );
  });

  it('a repeated status changes nothing, and shuffling arrivals of distinct moments changes nothing', () => {
    fc.assert(
      fc.property(state, fc.uniqueArray(change, { selector: (c) => c.at, maxLength: 10 }), bounds, fc.nat(), (before, changes, edges, seed) => {
        const ordered = inTimeOrder(changes);
        const doubled = inTimeOrder(changes.flatMap((c) => [c, { ...c }]));
        const shuffled = inTimeOrder([...changes].sort((a, b) => ((a.at * 7919 + seed) % 13) - ((b.at * 7919 + seed) % 13)));
        expect(upTime(before, doubled, edges)).toEqual(upTime(before, ordered, edges));
        expect(upTime(before, shuffled, edges)).toEqual(upTime(before, ordered, edges));
      }),
    );
  });

  it('up time never exceeds known time, nor known time the span', () => {
    fc.assert(
      fc.property(state, fc.array(change, { maxLength: 12 }), bounds, (before, changes, edges) => {
        const result = upTime(before, inTimeOrder(changes), edges);
        result.up.forEach((up, i) => {
          expect(up).toBeLessThanOrEqual(result.known[i]!);
          expect(result.known[i]).toBeLessThanOrEqual(edges[i + 1]! - edges[i]!);
        });
      }),
    );
  });
});

describe('percentiles', () => {
  it('are nearest-rank: always a value seen', () => {
    expect(percentile([], 90)).toBeNull();
    expect(percentile([5], 90)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
  });

  it('lie between the least and the greatest, at least p % at or below, and grow with p', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 200 }), fc.integer({ min: 1, max: 100 }), (values, p) => {
        const sorted = [...values].sort((a, b) => a - b);
        const value = percentile(sorted, p)!;
        expect(values).toContain(value);
        expect(sorted.filter((v) => v <= value).length / sorted.length).toBeGreaterThanOrEqual(p / 100);
        expect(sorted.filter((v) => v < value).length / sorted.length).toBeLessThan(p / 100);
        expect(percentile(sorted, Math.min(100, p + 10))!).toBeGreaterThanOrEqual(value);
      }),
    );
  });

  it('durations count what started and summarise what ended', () => {
    expect(durations(3, [30, 10])).toEqual({ count: 3, done: 2, p50: 10, p90: 30, max: 30, mean: 20 });
    expect(durations(0, [])).toEqual({ count: 0, done: 0, p50: null, p90: null, max: null, mean: null });
  });

  it('a histogram puts a value on a bound into that bound’s bucket, and above every bound into the last', () => {
    const result = histogram([0, 100, 101, 60_001], [100, 1000]);
    expect(result).toEqual({ bounds: [100, 1000], counts: [2, 1, 1], count: 4, p50: 100, p90: 60_001 });
  });
});
