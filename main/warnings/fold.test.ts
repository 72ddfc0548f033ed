import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WarningEvent, WarningRecord } from '../contract/warnings';
import { foldWarning, mergeWarning, warningIdOf } from './fold';

const T0 = Date.parse('2026-12-01T02:00:00Z');
const ID = warningIdOf('fire', 'floor|A栋/3F', T0);
const raised: WarningEvent = { id: `raised-${T0}`, at: T0, type: 'raised', hazard: 'fire', place: { groupBy: 'floor', key: 'A栋/3F', label: 'A栋 3F' }, level: 4, rules: ['smoke'] };

describe('a warning read from its events', () => {
  it('follows its levels, keeps who acknowledged it, and ends cleared', () => {
    const view = foldWarning({
      id: ID,
      events: [
        { id: 'cleared-9', at: T0 + 9_000, type: 'cleared' },
        raised,
        { id: 'level-3', at: T0 + 3_000, type: 'level', level: 2, rules: ['smoke', 'smoke-and-rise'] },
        { id: 'ack-4', at: T0 + 4_000, type: 'acknowledged', by: 'zhang', note: '已派人核实' },
        { id: 'level-5', at: T0 + 5_000, type: 'level', level: 3, rules: ['rising'] },
      ],
    })!;
    expect(view).toMatchObject({ level: 3, active: false, raisedAt: T0, clearedAt: T0 + 9_000, rules: ['rising'], acknowledged: [{ by: 'zhang', at: T0 + 4_000, note: '已派人核实' }] });
    expect(view.history.map((event) => event.type)).toEqual(['raised', 'level', 'acknowledged', 'level', 'cleared']);
  });

  it('is nothing until its raising arrives', () => {
    expect(foldWarning({ id: ID, events: [{ id: 'ack-1', at: T0, type: 'acknowledged', by: 'zhang', note: '' }] })).toBeNull();
  });
});

const event: fc.Arbitrary<WarningEvent> = fc.oneof(
  fc.record({ id: fc.constantFrom('e1', 'e2', 'e3', 'e4', 'e5', 'e6'), at: fc.integer({ min: T0, max: T0 + 60_000 }), type: fc.constant('level' as const), level: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const), rules: fc.constant<string[]>(['r']) }),
  fc.record({ id: fc.constantFrom('c1', 'c2'), at: fc.integer({ min: T0, max: T0 + 60_000 }), type: fc.constant('cleared' as const) }),
  fc.record({ id: fc.constantFrom('a1', 'a2', 'a3'), at: fc.integer({ min: T0, max: T0 + 60_000 }), type: fc.constant('acknowledged' as const), by: fc.constantFrom('zhang', 'li'), note: fc.string({ maxLength: 4 }) }),
);
const copy: fc.Arbitrary<WarningRecord> = fc.array(event, { maxLength: 8 }).map((events) => ({ id: ID, events: [raised, ...events] }));

describe('merging copies of a warning', () => {
  it('is commutative, associative and idempotent, so stations holding the same events read the same warning', () => {
    fc.assert(
      fc.property(copy, copy, copy, (a, b, c) => {
        const read = (record: WarningRecord) => foldWarning(record);
        expect(mergeWarning(a, b)).toEqual(mergeWarning(b, a));
        expect(mergeWarning(mergeWarning(a, b), c)).toEqual(mergeWarning(a, mergeWarning(b, c)));
        expect(mergeWarning(mergeWarning(a, b), b)).toEqual(mergeWarning(a, b));
        expect(read(mergeWarning(a, b))).toEqual(read(mergeWarning(b, a)));
      }),
      { numRuns: 500 },
    );
  });

  it('loses no event: every event of either copy is in the union', () => {
    fc.assert(
      fc.property(copy, copy, (a, b) => {
        const ids = new Set(mergeWarning(a, b).events.map((held) => held.id));
        for (const held of [...a.events, ...b.events]) expect(ids.has(held.id)).toBe(true);
      }),
    );
  });

  it('refuses to merge two different warnings', () => {
    expect(() => mergeWarning({ id: ID, events: [raised] }, { id: warningIdOf('fire', 'floor|A栋/4F', T0), events: [raised] })).toThrow(RangeError);
  });
});
