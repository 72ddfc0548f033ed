import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../alarms/hlc';
import type { OrderEvent, OrderRecord } from '../contract/orders';
import { foldOrder, mergeOrder } from './fold';

const ID = 'wo-test-0001';
const T0 = Date.parse('2026-12-01T08:00:00+08:00');
const MIN = 60_000;
const hlc = (millis: number, node = 'desk-1', counter = 0) => formatHlc({ millis, counter, node });

const create: OrderEvent = {
  id: 'wo-test-0001-create',
  hlc: hlc(T0, 'site'),
  by: 'resident:app-1',
  via: 'app',
  action: 'create',
  title: '厨房漏水',
  description: '',
  category: 'plumbing',
  priority: 'urgent',
  place: { building: 'A栋', unit: '302' },
  source: 'resident',
  resident: 'app-1',
  photos: [],
};
const at = (minutes: number, node = 'desk-1') => ({ id: hlc(T0 + minutes * MIN, node), hlc: hlc(T0 + minutes * MIN, node) });
const order = (...events: OrderEvent[]): OrderRecord => ({ id: ID, events: [create, ...events] });

describe('a repair order read from its events', () => {
  it('goes from report to rating, with who and when at every step', () => {
    const folded = foldOrder(
      order(
        { ...at(2), by: 'liufang', via: 'station', action: 'assign', technician: 'zhaolei' },
        { ...at(5, 'app'), by: 'zhaolei', via: 'app', action: 'accept' },
        { ...at(20, 'app'), by: 'zhaolei', via: 'app', action: 'start' },
        { ...at(70, 'app'), by: 'zhaolei', via: 'app', action: 'complete', text: '换了角阀', photos: ['a'.repeat(64)] },
        { ...at(90, 'app'), by: 'resident:app-1', via: 'app', action: 'confirm', rating: 5, text: '' },
      ),
    )!;
    expect(folded).toMatchObject({ state: 'closed', assignee: 'zhaolei', acceptedAt: T0 + 5 * MIN, completedAt: T0 + 70 * MIN, closedAt: T0 + 90 * MIN, rating: 5, escalated: [], photosAfter: ['a'.repeat(64)] });
    expect(folded.respondBy).toBe(T0 + 30 * MIN);
    expect(folded.completeBy).toBe(T0 + 240 * MIN);
    expect(folded.timeline.map((line) => [line.action, line.by, line.applied])).toEqual([
      ['create', 'resident:app-1', true],
      ['assign', 'liufang', true],
      ['accept', 'zhaolei', true],
      ['start', 'zhaolei', true],
      ['complete', 'zhaolei', true],
      ['confirm', 'resident:app-1', true],
    ]);
  });

  it('keeps but does not apply what does not fit: another technician, another resident, a step out of turn', () => {
    const folded = foldOrder(
      order(
        { ...at(1), by: 'duty', via: 'station', action: 'accept' },
        { ...at(2), by: 'liufang', via: 'station', action: 'assign', technician: 'zhaolei' },
        { ...at(3, 'app'), by: 'wangwu', via: 'app', action: 'accept' },
        { ...at(4, 'app'), by: 'zhaolei', via: 'app', action: 'complete', text: '', photos: [] },
        { ...at(5, 'app'), by: 'resident:app-2', via: 'app', action: 'confirm', rating: 1, text: '' },
      ),
    )!;
    expect(folded.timeline.map((line) => line.applied)).toEqual([true, false, true, false, false, false]);
    expect(folded).toMatchObject({ state: 'assigned', assignee: 'zhaolei', rating: null });
  });

  it('escalates at a deadline missed, and takes it back when an earlier acceptance arrives late (a technician offline)', () => {
    const late: OrderEvent = { id: `${ID}-late-respond`, hlc: hlc(T0 + 30 * MIN, 'sla'), by: 'Vigil', via: 'system', action: 'escalate', stage: 'respond', deadline: T0 + 30 * MIN };
    const assign: OrderEvent = { ...at(2), by: 'liufang', via: 'station', action: 'assign', technician: 'zhaolei' };
    expect(foldOrder(order(assign, late))!.escalated).toEqual(['respond']);
    const accepted: OrderEvent = { ...at(25, 'app'), by: 'zhaolei', via: 'app', action: 'accept' };
    expect(foldOrder(order(assign, late, accepted))!.escalated).toEqual([]);
    // A deadline the order no longer has (its priority was lowered first) escalates nothing.
    const lowered: OrderEvent = { ...at(10), by: 'liufang', via: 'station', action: 'priority', priority: 'normal' };
    expect(foldOrder(order(assign, lowered, late))).toMatchObject({ escalated: [], respondBy: T0 + 8 * 60 * MIN });
  });

  it('is nothing until its creation arrives', () => {
    expect(foldOrder({ id: ID, events: [{ ...at(2), by: 'liufang', via: 'station', action: 'assign', technician: 'zhaolei' }] })).toBeNull();
  });
});

/** Events as stations and apps might make them, most of them not fitting where the order stands: the merge must not care. */
const anyEvent: fc.Arbitrary<OrderEvent> = fc
  .record({
    minute: fc.integer({ min: 0, max: 600 }),
    node: fc.constantFrom('desk-1', 'desk-2', 'app', 'sla'),
    counter: fc.integer({ min: 0, max: 3 }),
    by: fc.constantFrom('liufang', 'zhaolei', 'wangwu', 'resident:app-1', 'Vigil'),
    via: fc.constantFrom('station', 'app', 'system') as fc.Arbitrary<OrderEvent['via']>,
    kind: fc.integer({ min: 0, max: 9 }),
    pick: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ minute, node, counter, by, via, kind, pick }): OrderEvent => {
    const stamp = hlc(T0 + minute * MIN, node, counter);
    const base = { id: `${stamp}-${kind}`, hlc: stamp, by, via };
    const technicians = ['zhaolei', 'wangwu'];
    const priorities = ['urgent', 'high', 'normal', 'low'] as const;
    switch (kind) {
      case 0:
        return { ...base, action: 'assign', technician: technicians[pick % 2]! };
      case 1:
        return { ...base, action: 'accept' };
      case 2:
        return { ...base, action: 'start' };
      case 3:
        return { ...base, action: 'complete', text: '', photos: [] };
      case 4:
        return { ...base, action: 'confirm', rating: pick + 1, text: '' };
      case 5:
        return { ...base, action: 'reopen', text: 'still dripping' };
      case 6:
        return { ...base, action: pick % 2 ? 'close' : 'cancel', text: 'by phone' };
      case 7:
        return { ...base, action: 'priority', priority: priorities[pick]! };
      case 8: {
        const deadline = T0 + [30, 120, 240, 480][pick]! * MIN;
        return { ...base, id: `late-${pick}`, hlc: hlc(deadline, 'sla'), action: 'escalate', stage: pick % 2 ? 'complete' : 'respond', deadline };
      }
      default:
        return { ...base, action: 'note', text: `note ${pick}`, photos: [] };
    }
  });

/** Copies of the record as stations hold them: some events each, repeated, in any order. */
const copies = fc.array(anyEvent, { minLength: 1, maxLength: 30 }).chain((events) =>
  fc.tuple(
    fc.constant(events),
    fc.array(fc.subarray(events), { minLength: 1, maxLength: 4 }),
    fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 12 }),
  ),
);

describe('copies of an order at several stations', () => {
  it('merge to the same order whatever arrives where, in what order, how often', () => {
    fc.assert(
      fc.property(copies, fc.integer(), ([events, parts, redeliveries], seed) => {
        const whole = order(...events);
        // Each station starts with its own part, then receives every part (and some again) in its own order.
        const stations = [0, 1, 2].map((station) => {
          const inbox = [...parts, ...redeliveries.map((index) => parts[index % parts.length]!), events];
          const shuffled = inbox.map((part, i) => ({ part, key: (i * 7919 + station * 104729 + seed) % 1000003 })).sort((a, b) => a.key - b.key);
          return shuffled.reduce((held, { part }) => mergeOrder(held, order(...part)), order(...parts[station % parts.length]!));
        });
        const reference = mergeOrder(undefined, whole);
        for (const held of stations) {
          expect(held).toEqual(reference);
          expect(foldOrder(held)).toEqual(foldOrder(reference));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('merge as a join: commutative, associative, idempotent', () => {
    const record = fc.array(anyEvent, { maxLength: 12 }).map((events) => order(...events));
    fc.assert(
      fc.property(record, record, record, (a, b, c) => {
        expect(mergeOrder(a, b)).toEqual(mergeOrder(b, a));
        expect(mergeOrder(mergeOrder(a, b), c)).toEqual(mergeOrder(a, mergeOrder(b, c)));
        expect(mergeOrder(a, a)).toEqual(mergeOrder(undefined, a));
      }),
      { numRuns: 300 },
    );
  });
});
