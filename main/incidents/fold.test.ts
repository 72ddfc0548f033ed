import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../alarms/hlc';
import type { IncidentEvent, IncidentRecord } from '../contract/incidents';
import { foldIncident, mergeIncident, nextDeadline, overdueEvent, stepsOverdue } from './fold';

const ID = 'w-fire-a-3f-0001';
const T0 = Date.parse('2026-12-01T20:00:00+08:00');
const MIN = 60_000;
const hlc = (millis: number, node = 'desk-1', counter = 0) => formatHlc({ millis, counter, node });

const open: IncidentEvent = {
  id: `${ID}-open`,
  hlc: hlc(T0, 'site'),
  by: 'Vigil',
  via: 'system',
  kind: 'open',
  type: 'fire',
  title: 'A栋3F 烟感与温升',
  level: 3,
  drill: false,
  place: { building: 'A栋', floor: '3F' },
  source: { kind: 'warning', warning: 'fire-a-3f-0001' },
  links: [{ kind: 'warning', ref: 'fire-a-3f-0001' }],
  plan: [
    { id: 'confirm', title: '确认火情', owner: '安保巡逻一队', minutes: 3, startLevel: 4 },
    { id: 'call-119', title: '通知119', owner: 'emergency_commander', minutes: 5, startLevel: 3 },
    { id: 'cut-power', title: '切断非消防电源', owner: '工程抢修组', minutes: 10, startLevel: 2 },
  ],
};
const at = (minutes: number, node = 'desk-1') => ({ id: hlc(T0 + minutes * MIN, node), hlc: hlc(T0 + minutes * MIN, node) });
const incident = (...events: IncidentEvent[]): IncidentRecord => ({ id: ID, events: [open, ...events] });
const dispatch = (minutes: number, id = 'd-0001'): IncidentEvent => ({ ...at(minutes), by: 'commander', via: 'station', kind: 'dispatch', dispatch: id, resource: 'fire-team', name: '消防应急队', members: ['zhougang', 'wuhao'], task: '到A栋3F' });
const reply = (minutes: number, status: 'acknowledged' | 'arrived' | 'released', by = 'zhougang', id = 'd-0001'): IncidentEvent => ({ ...at(minutes, 'handheld'), id: `hh-${minutes}-${status}-${by}`, by, via: 'handheld', kind: 'reply', dispatch: id, status });

describe('an incident read from its events', () => {
  it('starts the steps of its level, starts more when raised (with the time), and ends closed with who did what', () => {
    const folded = foldIncident(
      incident(
        dispatch(1),
        reply(2, 'acknowledged'),
        { ...at(3), by: 'commander', via: 'station', kind: 'step', step: 'confirm', outcome: 'done', text: '' },
        reply(6, 'arrived'),
        { ...at(8), by: 'commander', via: 'station', kind: 'level', level: 2, text: '火势蔓延' },
        { ...at(20), by: 'commander', via: 'station', kind: 'state', state: 'contained', text: '' },
        reply(25, 'released'),
        { ...at(30), by: 'commander', via: 'station', kind: 'state', state: 'closed', text: '' },
      ),
    )!;
    expect(folded).toMatchObject({ state: 'closed', level: 2, closedAt: T0 + 30 * MIN, active: 0 });
    expect(folded.steps.map((step) => [step.id, step.status, step.startedAt, step.dueAt])).toEqual([
      ['confirm', 'done', T0, T0 + 3 * MIN],
      ['call-119', 'active', T0, T0 + 5 * MIN],
      ['cut-power', 'active', T0 + 8 * MIN, T0 + 18 * MIN],
    ]);
    expect(folded.dispatches[0]).toMatchObject({ status: 'released', acknowledgedAt: T0 + 2 * MIN, acknowledgedBy: 'zhougang', arrivedAt: T0 + 6 * MIN, releasedAt: T0 + 25 * MIN });
    expect(folded.timeline.every((line) => line.applied)).toBe(true);
    expect(folded.timeline.map((line) => line.kind)).toEqual(['open', 'dispatch', 'reply', 'step', 'reply', 'level', 'state', 'reply', 'state']);
  });

  it('keeps but does not apply what does not fit: a stranger, a second acknowledgement, an arrival before it, acts after closing', () => {
    const folded = foldIncident(
      incident(
        dispatch(1),
        reply(2, 'arrived'),
        reply(3, 'acknowledged', 'stranger'),
        reply(4, 'acknowledged'),
        reply(5, 'acknowledged', 'wuhao'),
        reply(6, 'acknowledged', 'zhougang', 'd-unknown'),
        { ...at(7), by: 'commander', via: 'station', kind: 'step', step: 'cut-power', outcome: 'done', text: '' },
        { ...at(9), by: 'commander', via: 'station', kind: 'state', state: 'cancelled', text: '误报' },
        { ...at(10), by: 'commander', via: 'station', kind: 'level', level: 1, text: '' },
      ),
    )!;
    expect(folded.timeline.map((line) => line.applied)).toEqual([true, true, false, false, true, false, false, false, true, false]);
    expect(folded).toMatchObject({ state: 'cancelled', level: 3, drill: false });
  });

  it('escalates a step still active at its deadline once: a second copy of the escalation merges into the one entry', () => {
    // confirm (3 min) and call-119 (5 min) start at the opening, level III.
    const late = overdueEvent('confirm', T0 + 3 * MIN);
    expect(late).toMatchObject({ id: `overdue-confirm-${T0 + 3 * MIN}`, hlc: hlc(T0 + 3 * MIN, 'plan'), by: 'Vigil', via: 'system', kind: 'overdue' });
    const atStationA = incident(dispatch(1), late);
    const atStationB = incident(dispatch(1), overdueEvent('confirm', T0 + 3 * MIN));
    const merged = mergeIncident(atStationA, atStationB);
    expect(merged.events.filter((event) => event.kind === 'overdue')).toHaveLength(1);
    const folded = foldIncident(merged)!;
    expect(folded.steps.map((step) => [step.id, step.escalatedAt])).toEqual([['confirm', T0 + 3 * MIN], ['call-119', null], ['cut-power', null]]);
    expect(folded.timeline.at(-1)).toMatchObject({ kind: 'overdue', by: 'Vigil', via: 'system', at: T0 + 3 * MIN, applied: true, data: { step: 'confirm', dueAt: T0 + 3 * MIN } });
    // The sweep then looks only at call-119, due at 5 min; at 4 min nothing is due.
    expect(stepsOverdue(folded, T0 + 4 * MIN)).toEqual([]);
    expect(stepsOverdue(folded, T0 + 6 * MIN).map((step) => step.id)).toEqual(['call-119']);
    expect(nextDeadline(folded)).toBe(T0 + 5 * MIN);
  });

  it('does not escalate a step done in time, a deadline the step does not have, or an incident that ended', () => {
    const doneInTime = foldIncident(incident({ ...at(2), by: 'commander', via: 'station', kind: 'step', step: 'confirm', outcome: 'done', text: '' }, overdueEvent('confirm', T0 + 3 * MIN)))!;
    expect(doneInTime.timeline.at(-1)).toMatchObject({ kind: 'overdue', applied: false });
    expect(doneInTime.steps[0]).toMatchObject({ status: 'done', escalatedAt: null });
    // cut-power waits for level II: no deadline, so nothing to escalate; a wrong deadline neither.
    const notThatDeadline = foldIncident(incident(overdueEvent('cut-power', T0 + 10 * MIN), overdueEvent('call-119', T0 + 4 * MIN)))!;
    expect(notThatDeadline.timeline.slice(1).map((line) => line.applied)).toEqual([false, false]);
    const closed = foldIncident(incident({ ...at(1), by: 'commander', via: 'station', kind: 'state', state: 'closed', text: '' }, overdueEvent('confirm', T0 + 3 * MIN)))!;
    expect(closed.timeline.at(-1)).toMatchObject({ kind: 'overdue', applied: false });
    expect(closed.steps.every((step) => step.escalatedAt === null)).toBe(true);
    expect(stepsOverdue(closed, T0 + 60 * MIN)).toEqual([]);
    expect(nextDeadline(closed)).toBeNull();
    // Done after the deadline: the escalation at the deadline stands, and the step is done.
    const doneLate = foldIncident(incident(overdueEvent('confirm', T0 + 3 * MIN), { ...at(4), by: 'commander', via: 'station', kind: 'step', step: 'confirm', outcome: 'done', text: '' }))!;
    expect(doneLate.steps[0]).toMatchObject({ status: 'done', escalatedAt: T0 + 3 * MIN });
  });

  it('is nothing until its opening arrives', () => {
    expect(foldIncident({ id: ID, events: [dispatch(1)] })).toBeNull();
  });
});

/** Events as stations and handhelds might make them, most of them not fitting where the incident stands: the merge must not care. */
const anyEvent: fc.Arbitrary<IncidentEvent> = fc
  .record({
    minute: fc.integer({ min: 0, max: 120 }),
    node: fc.constantFrom('desk-1', 'desk-2', 'desk-3', 'handheld'),
    counter: fc.integer({ min: 0, max: 3 }),
    by: fc.constantFrom('commander', 'supervisor', 'zhougang', 'wuhao', 'stranger'),
    via: fc.constantFrom('station', 'handheld') as fc.Arbitrary<IncidentEvent['via']>,
    kind: fc.integer({ min: 0, max: 9 }),
    pick: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ minute, node, counter, by, via, kind, pick }): IncidentEvent => {
    const stamp = hlc(T0 + minute * MIN, node, counter);
    const base = { id: `${stamp}-${kind}`, hlc: stamp, by, via };
    const dispatchId = `d-000${pick % 2}`;
    switch (kind) {
      case 0:
        return { ...base, kind: 'level', level: ([1, 2, 3, 4] as const)[pick]!, text: '' };
      case 1:
        return { ...base, kind: 'state', state: (['responding', 'contained', 'closed', 'cancelled'] as const)[pick]!, text: '' };
      case 2:
        return { ...base, kind: pick % 2 ? 'link' : 'unlink', link: { kind: 'camera', ref: `3206120101131000003${pick}` } };
      case 3:
        return { ...base, kind: 'step', step: ['confirm', 'call-119', 'cut-power', 'nothing'][pick]!, outcome: pick % 2 ? 'done' : 'skipped', text: '' };
      case 4:
        return { ...base, kind: 'commander', commander: ['commander', 'supervisor'][pick % 2]! };
      case 5:
        return { ...base, kind: 'dispatch', dispatch: dispatchId, resource: 'fire-team', name: '消防应急队', members: ['zhougang', 'wuhao'], task: `task ${pick}` };
      case 8:
        return overdueEvent(['confirm', 'call-119', 'cut-power', 'nothing'][pick]!, T0 + [3, 5, 18, 13][pick]! * MIN);
      case 6:
      case 7:
        return { ...base, kind: 'reply', dispatch: dispatchId, status: (['acknowledged', 'arrived', 'released', 'acknowledged'] as const)[pick]! };
      default:
        return { ...base, kind: 'note', text: `note ${pick}` };
    }
  });

/** Copies of the record as three stations hold them: some events each (the opening among them or not), repeated, in any order. */
const copies = fc.array(anyEvent, { minLength: 1, maxLength: 30 }).chain((events) =>
  fc.tuple(fc.constant([open, ...events]), fc.array(fc.subarray([open, ...events], { minLength: 1 }), { minLength: 1, maxLength: 4 }), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 12 })),
);
const record = (events: readonly IncidentEvent[]): IncidentRecord => ({ id: ID, events: [...events] });

describe('copies of an incident at three stations', () => {
  it('merge to the same incident whatever arrives where, in what order, how often', () => {
    fc.assert(
      fc.property(copies, fc.integer(), ([events, parts, redeliveries], seed) => {
        const stations = [0, 1, 2].map((station) => {
          const inbox = [...parts, ...redeliveries.map((index) => parts[index % parts.length]!), events];
          const shuffled = inbox.map((part, i) => ({ part, key: (i * 7919 + station * 104729 + seed) % 1000003 })).sort((a, b) => a.key - b.key);
          return shuffled.reduce<IncidentRecord | undefined>((held, { part }) => mergeIncident(held, record(part)), undefined)!;
        });
        const reference = mergeIncident(undefined, record(events));
        for (const held of stations) {
          expect(held).toEqual(reference);
          expect(foldIncident(held)).toEqual(foldIncident(reference));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('merge as a join: commutative, associative, idempotent', () => {
    const some = fc.array(anyEvent, { minLength: 1, maxLength: 12 }).map((events) => record([open, ...events]));
    fc.assert(
      fc.property(some, some, some, (a, b, c) => {
        expect(mergeIncident(a, b)).toEqual(mergeIncident(b, a));
        expect(mergeIncident(mergeIncident(a, b), c)).toEqual(mergeIncident(a, mergeIncident(b, c)));
        expect(mergeIncident(a, a)).toEqual(mergeIncident(undefined, a));
      }),
      { numRuns: 300 },
    );
  });
});
