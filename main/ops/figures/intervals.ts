/**
 * Up time from status changes: the arithmetic behind every availability
 * figure. A state holds from its change until the next one; the state before
 * the period holds from the period's start until the first change in it.
 * `null` is an unknown state (the station was off, the device not yet heard
 * from): its time counts neither up nor down.
 */

export type Change = { at: number; up: boolean | null };

export type UpTime = {
  /** Per bucket: milliseconds up, and milliseconds in a known state. */
  up: number[];
  known: number[];
  /** Changes from up to down inside the span (not to unknown: a station shut down is no outage). */
  outages: number;
};

/** The bucket holding `at`: the last bound ≤ at (bounds ascending, the last one the span's end). */
function bucketOf(bounds: readonly number[], at: number): number {
  let low = 0;
  let high = bounds.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (bounds[middle]! <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Up and known time in each bucket [bounds[i], bounds[i+1]), given the state
 * before bounds[0] and the changes in time order (changes at or before the
 * start only set the starting state; changes at or after the end are ignored).
 */
export function upTime(before: boolean | null, changes: readonly Change[], bounds: readonly number[]): UpTime {
  const buckets = Math.max(bounds.length - 1, 0);
  const result: UpTime = { up: new Array<number>(buckets).fill(0), known: new Array<number>(buckets).fill(0), outages: 0 };
  if (!buckets) return result;
  const from = bounds[0]!;
  const to = bounds[buckets]!;
  const add = (start: number, end: number, up: boolean | null) => {
    if (up === null || end <= start) return;
    for (let bucket = bucketOf(bounds, start); start < end; bucket++) {
      const stop = Math.min(end, bounds[bucket + 1]!);
      result.known[bucket]! += stop - start;
      if (up) result.up[bucket]! += stop - start;
      start = stop;
    }
  };
  let state = before;
  let cursor = from;
  for (const change of changes) {
    if (change.at >= to) break;
    if (change.at > cursor) {
      add(cursor, change.at, state);
      cursor = change.at;
    }
    if (change.at > from && state === true && change.up === false) result.outages++;
    state = change.up;
  }
  add(cursor, to, state);
  return result;
}

/** Changes in time order; of changes at the same moment the one recorded last wins (a stable sort keeps arrival order). */
export function inTimeOrder<T extends { at: number }>(changes: readonly T[]): T[] {
  return [...changes].sort((a, b) => a.at - b.at);
}

/** The share of known time that was up, as a percentage; null when nothing was known. */
export const percent = (up: number, known: number): number | null => (known > 0 ? (up * 100) / known : null);
