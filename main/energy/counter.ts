import type { ReadingRefusal } from '../contract';

/**
 * Consumption from a meter's cumulative register. Meters send what their
 * register reads, not what was used: consumption is the difference between
 * two accepted readings, so a lost sample only widens a span (nothing is
 * lost), a duplicate or late sample adds nothing (nothing is counted twice),
 * and a register that rolls over or is reset is told apart from one that
 * goes backwards or jumps, which is refused with its reason.
 */

export type Reading = { at: number; value: number };

export type Register = {
  /** The register wraps to 0 here (a 6-digit water register: 1 000 000); none if it never wraps. */
  rolloverAt?: number;
  /** The most the meter can measure in an hour: anything faster is a fault, not use. */
  maxPerHour: number;
};

/** Consumption between two accepted readings; `reset` marks a span after the register was reset or replaced. */
export type Span = { from: number; to: number; amount: number; reset?: true };

export type Refusal = { reading: Reading; reason: ReadingRefusal };

export type Outcome = { span: Span } | { refused: Refusal } | { first: true };

const HOUR_MS = 3_600_000;
/** A reading after a reset is plausible as use since 0 only this close to it, as a share of the hour's maximum. */
const RESET_WINDOW_HOURS = 1;

/**
 * One meter's register, reading by reading in the order they arrive. A
 * refused reading leaves the last accepted one as the baseline, but two
 * refused readings in a row that agree with each other (a meter exchanged
 * for one that reads differently) become the new baseline, the span between
 * marked `reset` with the amount only they can vouch for.
 */
export class CounterTracker {
  constructor(
    /** The meter may say how its register wraps with any message, so this can change. */
    public register: Register,
    private last: Reading | null = null,
    private suspect: Reading | null = null,
  ) {}

  get baseline(): Reading | null {
    return this.last;
  }

  /** A refused reading that a next one agreeing with it would make the new baseline. */
  get pendingSuspect(): Reading | null {
    return this.suspect;
  }

  accept(reading: Reading): Outcome {
    if (!Number.isFinite(reading.at) || !Number.isFinite(reading.value) || reading.value < 0) return this.refuse(reading, 'invalid');
    const last = this.last;
    if (!last) {
      this.last = reading;
      return { first: true };
    }
    if (reading.at === last.at) return this.refuse(reading, 'duplicate');
    // Its span is already counted from the readings either side of it.
    if (reading.at < last.at) return this.refuse(reading, 'out_of_order');

    const limit = this.limit(last.at, reading.at);
    const delta = reading.value - last.value;
    if (delta >= 0 && delta <= limit) return this.take({ from: last.at, to: reading.at, amount: delta }, reading);
    const { rolloverAt } = this.register;
    if (delta < 0 && rolloverAt !== undefined && delta + rolloverAt <= limit) return this.take({ from: last.at, to: reading.at, amount: delta + rolloverAt }, reading);
    if (delta < 0 && reading.value <= Math.min(limit, this.register.maxPerHour * RESET_WINDOW_HOURS)) {
      // Reset to 0 (or a new meter): what it reads now was used since.
      return this.take({ from: last.at, to: reading.at, amount: reading.value, reset: true }, reading);
    }
    const suspect = this.suspect;
    if (suspect && reading.at > suspect.at && reading.value >= suspect.value && reading.value - suspect.value <= this.limit(suspect.at, reading.at)) {
      // Two readings agree against the old baseline: the register changed under it. Only their own difference is known use.
      return this.take({ from: suspect.at, to: reading.at, amount: reading.value - suspect.value, reset: true }, reading);
    }
    this.suspect = reading;
    return this.refuse(reading, delta < 0 ? 'backwards' : 'jump');
  }

  private limit(from: number, to: number): number {
    return (this.register.maxPerHour * (to - from)) / HOUR_MS;
  }

  private take(span: Span, reading: Reading): Outcome {
    this.last = reading;
    this.suspect = null;
    return { span };
  }

  private refuse(reading: Reading, reason: ReadingRefusal): Outcome {
    return { refused: { reading, reason } };
  }
}

/**
 * Spreads a span's amount over fixed buckets (15 minutes: 900 000 ms) in
 * proportion to the time it covers in each, adding to `buckets` (bucket
 * start → amount). Across a gap the use is assumed even; the total is kept
 * exactly, so the sum over any rollup equals the register's difference.
 */
export function spread(span: Span, bucketMs: number, buckets: Map<number, number>): void {
  const length = span.to - span.from;
  if (length <= 0 || span.amount === 0) return;
  let given = 0;
  for (let start = Math.floor(span.from / bucketMs) * bucketMs; start < span.to; start += bucketMs) {
    const end = Math.min(span.to, start + bucketMs);
    // The last bucket takes what rounding left, so nothing is made or lost.
    const share = end === span.to ? span.amount - given : (span.amount * (end - Math.max(span.from, start))) / length;
    given += share;
    buckets.set(start, (buckets.get(start) ?? 0) + share);
  }
}
