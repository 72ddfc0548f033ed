import { describe, expect, it } from 'vitest';
import { ContractError, type RuleDraft } from '../contract';
import { HybridClock } from '../alarms/hlc';
import { AlarmService } from '../alarms/service';
import { silentLogger } from '../logging/logger';
import { Outbox } from '../outbox/outbox';
import { openDatabase } from '../store/database';
import { RuleEngine } from './engine';
import { RuleStore } from './store';

const WATER_METER = '32061201011510000001';
const OTHER_METER = '32061201011510000002';
const DOOR = '32061201011400000003';
const T0 = Date.parse('2026-11-27T01:00:00+08:00'); // a Friday night in the park

const nightWater: RuleDraft = {
  id: 'night-water',
  name: '夜间用水异常',
  enabled: true,
  severity: 'major',
  condition: { kind: 'threshold', metric: 'm3h', op: 'above', value: 2, forSeconds: 60 },
  scope: { kinds: ['water_meter'], area: '北区', devices: [] },
  schedule: { days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '05:00', timeZone: 'Asia/Shanghai' },
};

function station(name: string, areas: Record<string, string> = { [WATER_METER]: '北区', [OTHER_METER]: '南区' }) {
  const db = openDatabase(':memory:');
  const outbox = new Outbox(db, silentLogger());
  const clock = new HybridClock(name);
  const alarms = new AlarmService(db, clock, outbox, 'park');
  const rules = new RuleStore(db, clock, outbox, 'park');
  /** Devices off line, and since when (the registry's status_since). */
  const offline = new Map<string, number>();
  const devices = {
    areaOf: (code: string) => areas[code] ?? '',
    inStatusSince: (_statuses: readonly string[], before: number) => [...offline].filter(([, since]) => since <= before).map(([code, since]) => ({ code, since })),
  };
  const engine = new RuleEngine(rules, devices, (raising) => alarms.raise(raising));
  const published = () => db.prepare('SELECT topic, payload FROM outbox ORDER BY seq').all() as { topic: string; payload: string }[];
  /** Samples of one meter every 10 s from T0 (null: the sample was lost). */
  const feed = (code: string, values: (number | null)[], from = T0) =>
    values.flatMap((value, index) => (value === null ? [] : engine.onTelemetry(code, { ts: from + index * 10_000, values: { m3h: value } })));
  return { db, alarms, rules, engine, published, feed, offline };
}

describe('alarm rules', () => {
  it('raises a threshold alarm once the value has held for the rule’s time, with the reading', () => {
    const s = station('desk-a');
    s.rules.save(nightWater, 'admin');
    // 6 samples above (50 s) is not yet 60 s; the 7th is.
    expect(s.feed(WATER_METER, [2.5, 2.6, 2.7, 2.8, 2.9, 3.0])).toEqual([]);
    const [id] = s.feed(WATER_METER, [3.1], T0 + 60_000);
    const alarm = s.alarms.get(id!)!;
    expect(alarm).toMatchObject({ type: 'rule', severity: 'major', state: 'new', source: WATER_METER, raisedAt: T0 + 60_000, rule: { id: 'night-water', name: '夜间用水异常', metric: 'm3h', value: 3.1 } });
    // Still above: the same episode, no second alarm.
    expect(s.feed(WATER_METER, [3.2, 3.3], T0 + 70_000)).toEqual([]);
  });

  it('starts over when a sample misses, and folds a new crossing within a minute into the last alarm', () => {
    const s = station('desk-a');
    s.rules.save({ ...nightWater, condition: { ...nightWater.condition, forSeconds: 0 } as RuleDraft['condition'] }, 'admin');
    const [first] = s.feed(WATER_METER, [2.5]);
    expect(s.feed(WATER_METER, [1.0, 2.5], T0 + 10_000)).toEqual([first]);
    expect(s.alarms.get(first!)).toMatchObject({ count: 2 });
  });

  it('keeps to its scope and its schedule', () => {
    const s = station('desk-a');
    s.rules.save(nightWater, 'admin');
    expect(s.feed(OTHER_METER, Array(10).fill(5))).toEqual([]); // 南区, not 北区
    expect(s.feed(WATER_METER, Array(10).fill(5), Date.parse('2026-11-27T12:00:00+08:00'))).toEqual([]); // midday
    // Crossing into the schedule: the episode starts at 00:00, not before.
    const beforeMidnight = Date.parse('2026-11-26T23:59:00+08:00');
    const raised = s.feed(WATER_METER, Array(14).fill(5), beforeMidnight);
    expect(raised).toHaveLength(1);
    expect(s.alarms.get(raised[0]!)!.raisedAt).toBe(Date.parse('2026-11-27T00:01:00+08:00'));
  });

  it('raises the same alarm at two stations that lost different samples', () => {
    const a = station('desk-a');
    const b = station('desk-b');
    for (const s of [a, b]) s.rules.save(nightWater, 'admin');
    const atA = a.feed(WATER_METER, [3, 3, null, 3, 3, 3, 3, 3, 3]);
    const atB = b.feed(WATER_METER, [3, 3, 3, 3, null, 3, 3, null, 3]);
    expect(atA).toHaveLength(1);
    expect(atB).toEqual(atA);
    const { updatedAt: _a, ...alarmA } = a.alarms.get(atA[0]!)!;
    const { updatedAt: _b, ...alarmB } = b.alarms.get(atB[0]!)!;
    expect({ ...alarmA, rule: { ...alarmA.rule, value: 0 } }).toEqual({ ...alarmB, rule: { ...alarmB.rule, value: 0 } });
  });

  it('raises on an event in the schedule, and on a door entering a watched state only', () => {
    const s = station('desk-a', {});
    s.rules.save({ ...nightWater, id: 'night-access', name: '深夜门禁通行', condition: { kind: 'event', eventType: 'access_granted' }, scope: { kinds: ['door'], area: '', devices: [] } }, 'admin');
    s.rules.save({ ...nightWater, id: 'door-open', name: '夜间门开', severity: 'critical', schedule: null, condition: { kind: 'door', states: ['open', 'held_open'] }, scope: { kinds: [], area: '', devices: [DOOR] } }, 'admin');
    const [access] = s.engine.onEvent(DOOR, { id: 'evt-00000001', type: 'access_granted', ts: T0, person: '张三' });
    expect(s.alarms.get(access!)).toMatchObject({ type: 'rule', rule: { id: 'night-access' }, severity: 'major' });
    expect(s.engine.onEvent(DOOR, { id: 'evt-00000002', type: 'access_granted', ts: Date.parse('2026-11-27T10:00:00+08:00') })).toEqual([]);
    expect(s.engine.onDoor(DOOR, 'open', T0)).toHaveLength(1);
    expect(s.engine.onDoor(DOOR, 'held_open', T0 + 30_000)).toEqual([]); // still in a watched state
    expect(s.engine.onDoor(DOOR, 'closed', T0 + 40_000)).toEqual([]);
    expect(s.engine.onDoor(DOOR, 'open', T0 + 120_000)).toHaveLength(1);
  });

  it('raises a device off line past the rule’s time once, and again only after it has been back', () => {
    const s = station('desk-a');
    s.rules.save({ ...nightWater, id: 'meter-down', name: '水表离线', schedule: null, condition: { kind: 'status', statuses: ['offline'], forSeconds: 300 } }, 'admin');
    s.offline.set(WATER_METER, T0);
    expect(s.engine.sweep(T0 + 299_000)).toEqual([]);
    const [id] = s.engine.sweep(T0 + 301_000);
    expect(s.alarms.get(id!)).toMatchObject({ raisedAt: T0 + 300_000, type: 'rule', rule: { id: 'meter-down' }, count: 1 });
    expect(s.engine.sweep(T0 + 306_000)).toEqual([]); // still down: the same alarm, not counted again
    expect(s.alarms.get(id!)!.count).toBe(1);
    s.offline.set(WATER_METER, T0 + 400_000); // back, and down again
    expect(s.engine.sweep(T0 + 710_000)).toHaveLength(1);
  });

  it('takes the later edit from another station, keeps deletions, and leaves switched-off rules silent', () => {
    const a = station('desk-a');
    const b = station('desk-b');
    a.rules.save(nightWater, 'admin');
    const shared = () => a.published().map((row) => JSON.parse(row.payload) as Parameters<RuleStore['receive']>[0]);
    for (const record of shared()) expect(b.rules.receive(record)).toBe(true);
    expect(b.rules.list()).toMatchObject([{ id: 'night-water', updatedBy: 'admin' }]);
    b.rules.save({ ...nightWater, enabled: false }, 'supervisor');
    expect(b.feed(WATER_METER, Array(10).fill(5))).toEqual([]);
    // An old copy arriving late changes nothing.
    expect(b.rules.receive(shared()[0]!)).toBe(false);
    // a hears of b's edit, then deletes the rule: the deletion is the later change, whatever the clocks read.
    const edit = JSON.parse(b.published().at(-1)!.payload) as Parameters<RuleStore['receive']>[0];
    expect(a.rules.receive(edit)).toBe(true);
    a.rules.delete('night-water', 'admin');
    const deletion = shared().at(-1)!;
    expect(deletion).toMatchObject({ deleted: true, updatedBy: 'admin' });
    expect(a.published().at(-1)!.topic).toBe('vigil/v1/park/rules/night-water');
    expect(b.rules.receive(deletion)).toBe(true);
    expect(b.rules.list()).toEqual([]);
    expect(() => a.rules.delete('night-water', 'admin')).toThrow(ContractError);
  });

  it('lets the later of two concurrent changes win at both stations, a deletion included', () => {
    const a = station('desk-a');
    const b = station('desk-b');
    a.rules.save(nightWater, 'admin');
    b.rules.receive(JSON.parse(a.published().at(-1)!.payload) as Parameters<RuleStore['receive']>[0]);
    // Neither has heard of the other's change.
    b.rules.save({ ...nightWater, enabled: false }, 'supervisor');
    a.rules.delete('night-water', 'admin');
    const last = (s: typeof a) => JSON.parse(s.published().at(-1)!.payload) as Parameters<RuleStore['receive']>[0];
    const [fromA, fromB] = [last(a), last(b)];
    a.rules.receive(fromB);
    b.rules.receive(fromA);
    expect(a.rules.list()).toEqual(b.rules.list());
    const rows = (s: typeof a) => s.db.prepare('SELECT id, hlc, deleted FROM rules').all();
    expect(rows(a)).toEqual(rows(b));
  });

  it('refuses two rules of one name, and seeds only where no version exists', () => {
    const s = station('desk-a');
    s.rules.save(nightWater, 'admin');
    expect(() => s.rules.save({ ...nightWater, id: 'other' }, 'admin')).toThrow(/already called/);
    s.rules.seed([{ ...nightWater, name: 'seeded' }, { ...nightWater, id: 'seeded-only', name: 'seeded only' }]);
    expect(s.rules.list().map((rule) => rule.name).sort()).toEqual(['seeded only', '夜间用水异常']);
  });
});
