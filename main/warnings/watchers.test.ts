import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WarningPart } from '../contract/warnings';
import { MetricWatchers, Readings, type Watcher } from './watchers';

type Part = WarningPart & { kind: 'threshold' | 'rate' };

const part = fc.oneof(
  fc.record({ kind: fc.constant('threshold' as const), metric: fc.constant('t'), op: fc.constantFrom('above' as const, 'below' as const), value: fc.integer({ min: -5, max: 5 }), forSeconds: fc.constant(0) }),
  fc.record({
    kind: fc.constant('rate' as const),
    metric: fc.constant('t'),
    direction: fc.constantFrom('rising' as const, 'falling' as const),
    perMinute: fc.integer({ min: 0, max: 6 }),
    windowSeconds: fc.constantFrom(20, 60),
  }),
);
/** Samples of two devices, each a few seconds after its last. */
const samples = fc.array(fc.record({ device: fc.constantFrom('a', 'b'), gap: fc.integer({ min: 1, max: 15 }), value: fc.integer({ min: -6, max: 6 }) }), { maxLength: 60 });

/** Whether a part is met by what it sees (the value, or the rate over its window). */
const meets = (condition: Part, seen: number | null) =>
  seen !== null && (condition.kind === 'threshold' ? (condition.op === 'above' ? seen > condition.value : seen < condition.value) : condition.direction === 'rising' ? seen >= condition.perMinute : -seen >= condition.perMinute);

describe('a metric’s watchers', () => {
  it('reach every part a sample meets or its device’s last sample met, and no part either way met nothing', () => {
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 12 }), samples, (parts, stream) => {
        const watchers = new MetricWatchers<number>('t');
        parts.forEach((condition, index) => watchers.add({ target: index, part: 0, condition }));
        // The rate a part sees is read back from the readings the watchers keep; whether it is met is worked out here.
        const readings = new Readings();
        const lastMet = new Map<string, boolean>();
        const clock = { a: 0, b: 0 };
        for (const { device, gap, value } of stream) {
          const ts = (clock[device] += gap * 1000);
          const reached = new Map<number, number | null>();
          watchers.sample(readings, device, ts, value, (watcher: Watcher<number>, seen) => reached.set(watcher.target, seen));
          parts.forEach((condition, index) => {
            const seen = condition.kind === 'threshold' ? value : (readings.of(device, 't').windows.get(condition.windowSeconds)?.rate ?? null);
            const met = meets(condition, seen);
            const before = lastMet.get(`${device}${index}`) ?? false;
            lastMet.set(`${device}${index}`, met);
            if (met || before) expect(reached.has(index), `part ${index} (${JSON.stringify(condition)}) at ${ts}`).toBe(true);
            if (reached.has(index)) expect(reached.get(index)).toBe(seen);
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reach nothing with a late or repeated sample, and nothing with readings within every limit', () => {
    const watchers = new MetricWatchers<string>('t');
    watchers.add({ target: 'hot', part: 0, condition: { kind: 'threshold', metric: 't', op: 'above', value: 60, forSeconds: 0 } });
    watchers.add({ target: 'cold', part: 0, condition: { kind: 'threshold', metric: 't', op: 'below', value: 0, forSeconds: 0 } });
    watchers.add({ target: 'rising', part: 0, condition: { kind: 'rate', metric: 't', direction: 'rising', perMinute: 5, windowSeconds: 60 } });
    const readings = new Readings();
    const reached: string[] = [];
    const sample = (ts: number, value: number) => watchers.sample(readings, 'a', ts, value, ({ target }) => reached.push(target));
    for (let s = 0; s <= 120; s += 10) sample(s * 1000, 20 + (s % 20) / 10);
    expect(reached).toEqual([]);
    sample(130_000, 70);
    expect(reached).toEqual(['hot', 'rising']);
    reached.length = 0;
    sample(130_000, 10);
    sample(125_000, -10);
    expect(reached).toEqual([]);
    sample(140_000, 20);
    expect(reached).toEqual(['hot', 'rising']);
  });
});
