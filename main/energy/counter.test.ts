import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CounterTracker, spread, type Reading, type Register, type Span } from './counter';

const QUARTER = 900_000;
const T0 = Date.UTC(2026, 0, 1);
const WATER: Register = { rolloverAt: 1_000_000, maxPerHour: 40 };

/** Feeds readings in the order given; the spans accepted and the refusals' reasons. */
function track(readings: Reading[], register = WATER, last: Reading | null = null) {
  const tracker = new CounterTracker(register, last);
  const spans: Span[] = [];
  const refused: string[] = [];
  for (const reading of readings) {
    const outcome = tracker.accept(reading);
    if ('span' in outcome) spans.push(outcome.span);
    if ('refused' in outcome) refused.push(outcome.refused.reason);
  }
  return { spans, refused, baseline: tracker.baseline };
}

const total = (spans: Span[]) => spans.reduce((sum, span) => sum + span.amount, 0);

describe('a meter register', () => {
  it('counts the difference between readings, and a rollover as use, not as a fall', () => {
    const { spans, refused } = track([
      { at: T0, value: 999_990 },
      { at: T0 + QUARTER, value: 999_998 },
      { at: T0 + 2 * QUARTER, value: 3 },
    ]);
    expect(refused).toEqual([]);
    expect(spans.map((span) => span.amount)).toEqual([8, 5]);
  });

  it('refuses a reading that goes backwards or jumps, and keeps counting from the last good one', () => {
    const { spans, refused } = track([
      { at: T0, value: 500 },
      { at: T0 + QUARTER, value: 480 },
      { at: T0 + 2 * QUARTER, value: 505 },
      { at: T0 + 3 * QUARTER, value: 90_000 },
      { at: T0 + 4 * QUARTER, value: 512 },
    ]);
    expect(refused).toEqual(['backwards', 'jump']);
    expect(spans.map((span) => [span.from, span.amount])).toEqual([
      [T0, 5],
      [T0 + 2 * QUARTER, 7],
    ]);
  });

  it('takes a register reset to 0 as use since the reset, marked', () => {
    const { spans } = track([
      { at: T0, value: 7_000 },
      { at: T0 + QUARTER, value: 2 },
    ]);
    expect(spans).toEqual([{ from: T0, to: T0 + QUARTER, amount: 2, reset: true }]);
  });

  it('follows a meter exchanged for one reading differently once two readings agree, counting only what they vouch for', () => {
    const { spans, refused, baseline } = track([
      { at: T0, value: 7_000 },
      { at: T0 + QUARTER, value: 300 },
      { at: T0 + 2 * QUARTER, value: 306 },
      { at: T0 + 3 * QUARTER, value: 310 },
    ]);
    expect(refused).toEqual(['backwards']);
    expect(spans).toEqual([
      { from: T0 + QUARTER, to: T0 + 2 * QUARTER, amount: 6, reset: true },
      { from: T0 + 2 * QUARTER, to: T0 + 3 * QUARTER, amount: 4 },
    ]);
    expect(baseline).toEqual({ at: T0 + 3 * QUARTER, value: 310 });
  });

  it('refuses what is not a reading', () => {
    const { refused } = track([{ at: T0, value: 1 }, { at: Number.NaN, value: 2 }, { at: T0 + QUARTER, value: -1 }, { at: T0 + QUARTER, value: Number.POSITIVE_INFINITY }], { maxPerHour: 10 });
    expect(refused).toEqual(['invalid', 'invalid', 'invalid']);
  });
});

describe('spreading a span over 15-minute buckets', () => {
  it('shares it by time covered, the total kept exactly', () => {
    const buckets = new Map<number, number>();
    spread({ from: T0 + QUARTER / 2, to: T0 + 2 * QUARTER, amount: 3 }, QUARTER, buckets);
    expect([...buckets]).toEqual([
      [T0, 1],
      [T0 + QUARTER, 2],
    ]);
  });
});

/**
 * A true use per quarter hour, the register (wrapping at 1 000 000) read at
 * the end of each, then the link's damage: readings lost, sent twice, and
 * neighbours swapped.
 */
const damagedSeries = fc
  .record({
    start: fc.integer({ min: 0, max: 999_999 }),
    use: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 2, maxLength: 300 }),
    lost: fc.array(fc.boolean(), { maxLength: 300 }),
    twice: fc.array(fc.boolean(), { maxLength: 300 }),
    swapped: fc.array(fc.boolean(), { maxLength: 300 }),
  })
  .map(({ start, use, lost, twice, swapped }) => {
    const truth: Reading[] = [{ at: T0, value: start }];
    for (const [i, amount] of use.entries()) truth.push({ at: T0 + (i + 1) * QUARTER, value: (truth[i]!.value + amount) % WATER.rolloverAt! });
    // Never lose the first and last: the property compares the two.
    const kept = truth.filter((_, i) => i === 0 || i === truth.length - 1 || !lost[i]);
    const sent = kept.flatMap((reading, i) => (twice[i] ? [reading, { ...reading }] : [reading]));
    for (let i = 1; i + 1 < sent.length - 1; i++) if (swapped[i]) [sent[i], sent[i + 1]] = [sent[i + 1]!, sent[i]!];
    return { truth, sent, use };
  });

describe('consumption from a damaged series (property)', () => {
  it('never makes or loses use: the buckets add up to the true use from the first reading to the last', () => {
    fc.assert(
      fc.property(damagedSeries, ({ sent, use }) => {
        const { spans } = track(sent);
        const buckets = new Map<number, number>();
        for (const span of spans) spread(span, QUARTER, buckets);
        const trueUse = use.reduce((sum, amount) => sum + amount, 0);
        // The last reading may have arrived before a swapped neighbour: use up to the baseline the tracker ended on.
        expect(total(spans)).toBe(trueUse);
        for (const amount of buckets.values()) expect(amount).toBeGreaterThanOrEqual(0);
        expect([...buckets.values()].reduce((sum, amount) => sum + amount, 0)).toBeCloseTo(trueUse, 6);
      }),
    );
  });

  it('with nothing lost, every quarter hour shows exactly its own use', () => {
    fc.assert(
      fc.property(damagedSeries, ({ truth, use }) => {
        const buckets = new Map<number, number>();
        for (const span of track(truth).spans) spread(span, QUARTER, buckets);
        use.forEach((amount, i) => expect(buckets.get(T0 + i * QUARTER) ?? 0).toBeCloseTo(amount, 9));
      }),
    );
  });
});
