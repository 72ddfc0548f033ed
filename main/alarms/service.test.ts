import { describe, expect, it } from 'vitest';
import { ContractError, FOLD_WINDOW_MS, PROCEDURES } from '../contract';
import { silentLogger } from '../logging/logger';
import { Outbox } from '../outbox/outbox';
import { openDatabase } from '../store/database';
import { HybridClock } from './hlc';
import { AlarmService } from './service';

const SOURCE = '32061201011340000016';
const intrusion = { id: 'sim-abc-00000001', type: 'intrusion', ts: 1_795_000_000_000 };

function station(name: string, now: () => number = Date.now) {
  const db = openDatabase(':memory:');
  const outbox = new Outbox(db, silentLogger());
  const alarms = new AlarmService(db, new HybridClock(name), outbox, 'park', now);
  const published = () => (db.prepare(`SELECT topic, payload, retain FROM outbox ORDER BY seq`).all() as { topic: string; payload: string; retain: number }[]);
  return { db, alarms, published };
}

describe('alarm service', () => {
  it('raises the same alarm at every station from the same event, and none from routine events', () => {
    const a = station('desk-a');
    const b = station('desk-b');
    expect(a.alarms.raiseFromEvent(SOURCE, intrusion)).toBe(intrusion.id);
    expect(b.alarms.raiseFromEvent(SOURCE, intrusion)).toBe(intrusion.id);
    expect(a.alarms.raiseFromEvent(SOURCE, intrusion)).toBeNull();
    expect(a.alarms.raiseFromEvent(SOURCE, { id: 'sim-abc-00000002', type: 'access_granted', ts: 1 })).toBeNull();
    const { updatedAt: _a, ...atA } = a.alarms.get(intrusion.id)!;
    const { updatedAt: _b, ...atB } = b.alarms.get(intrusion.id)!;
    expect(atA).toEqual(atB);
    expect(atA).toMatchObject({ state: 'new', severity: 'critical', source: SOURCE, count: 1 });
  });

  it('moves an alarm forward only, publishing each step as the retained alarm state', () => {
    const a = station('desk-a');
    a.alarms.raiseFromEvent(SOURCE, intrusion);
    const acked = a.alarms.act(intrusion.id, 'acknowledge', { user: 'duty', station: 'desk-a@host' });
    expect(acked).toMatchObject({ state: 'acknowledged', by: 'duty', station: 'desk-a@host' });
    // Not before the procedure is worked through: every step, each shared as it is done.
    expect(() => a.alarms.act(intrusion.id, 'resolve', { user: 'duty', station: 'desk-a@host' })).toThrow(/procedure first: 0 of 5 steps/);
    expect(() => a.alarms.act(intrusion.id, 'close', { user: 'duty', station: 'desk-a@host' })).toThrow(/procedure first/);
    expect(() => a.alarms.step(intrusion.id, PROCEDURES.intrusion.length)).toThrow(/has 5 steps/);
    for (const step of PROCEDURES.intrusion.keys()) expect(a.alarms.step(intrusion.id, step).steps).toBe((2 << step) - 1);
    a.alarms.step(intrusion.id, 0); // already done: nothing to share
    a.alarms.act(intrusion.id, 'resolve', { user: 'duty', station: 'desk-a@host' }, 'false alarm: cat');
    expect(() => a.alarms.act(intrusion.id, 'acknowledge', { user: 'duty', station: 'desk-a@host' })).toThrow(ContractError);
    const rows = a.published();
    expect(rows.map((row) => [row.topic, row.retain])).toEqual(Array.from({ length: 7 }, () => [`vigil/v1/park/alarms/${intrusion.id}`, 1]));
    expect(JSON.parse(rows[6]!.payload)).toMatchObject({ state: 'resolved', note: 'false alarm: cat', by: 'duty', steps: 31 });
  });

  it('folds repeats from the same device within the window into one alarm that counts them, at every station alike', () => {
    const [a, b] = [station('desk-a'), station('desk-b')];
    const at = (seconds: number, n: number, type = 'intrusion') => ({ id: `sim-fold-${String(n).padStart(8, '0')}`, type, ts: intrusion.ts + seconds * 1000 });
    // Within the window of the first; a smoke alarm of the same device stands apart; then one past the window.
    const events = [at(0, 1), at(10, 2), at(50, 3), at(20, 4, 'smoke'), at(FOLD_WINDOW_MS / 1000 + 1, 5)];
    for (const s of [a, b]) {
      // The first folded alarm already acknowledged at b: folding does not depend on what an officer did.
      s.alarms.raiseFromEvent(SOURCE, events[0]!);
      if (s === b) b.alarms.act(events[0]!.id, 'acknowledge', { user: 'duty', station: 'desk-b' });
      for (const event of events.slice(1)) s.alarms.raiseFromEvent(SOURCE, event);
    }
    const summary = (s: typeof a) => s.alarms.list({ limit: 10 }).map(({ id, type, count, raisedAt, lastAt }) => ({ id, type, count, raisedAt, lastAt })).sort((x, y) => x.id.localeCompare(y.id));
    expect(summary(a)).toEqual([
      { id: events[0]!.id, type: 'intrusion', count: 3, raisedAt: events[0]!.ts, lastAt: events[2]!.ts },
      { id: events[3]!.id, type: 'smoke', count: 1, raisedAt: events[3]!.ts, lastAt: events[3]!.ts },
      { id: events[4]!.id, type: 'intrusion', count: 1, raisedAt: events[4]!.ts, lastAt: events[4]!.ts },
    ]);
    expect(summary(b)).toEqual(summary(a));
  });

  it('filters by severity, type and time, and pages newest first without skipping alarms raised at the same moment', () => {
    const a = station('desk-a');
    const types = ['intrusion', 'water_leak', 'door_forced', 'smoke'];
    // Pairs of alarms raised at the same millisecond, from different devices so none fold.
    for (let n = 0; n < 40; n++) {
      a.alarms.raiseFromEvent(`3206120101134000${String(n).padStart(4, '0')}`, { id: `sim-page-${String(n).padStart(8, '0')}`, type: types[n % 4]!, ts: intrusion.ts + Math.floor(n / 2) * 1000 });
    }
    const seen: string[] = [];
    let before: { raisedAt: number; id: string } | undefined;
    for (;;) {
      const page = a.alarms.list({ limit: 7, ...(before ? { before } : {}) });
      if (!page.length) break;
      seen.push(...page.map((alarm) => alarm.id));
      const last = page[page.length - 1]!;
      before = { raisedAt: last.raisedAt, id: last.id };
    }
    expect(seen).toHaveLength(40);
    expect(new Set(seen).size).toBe(40);
    expect(a.alarms.list({ limit: 100, severities: ['critical'] }).map((alarm) => alarm.type).sort()).toEqual([...Array(10).fill('intrusion'), ...Array(10).fill('smoke')]);
    expect(a.alarms.list({ limit: 100, types: ['water_leak'], from: intrusion.ts + 10_000, to: intrusion.ts + 15_000 })).toHaveLength(3);
    // Several types are read type by type and merged: the same pages, in the same order, as one list filtered.
    const everything = a.alarms.list({ limit: 100 });
    const two = new Set(types.slice(0, 2));
    for (const [limit, before] of [[100, undefined], [5, undefined], [5, { raisedAt: intrusion.ts + 12_000, id: 'sim-page-00000024' }]] as const) {
      const merged = a.alarms.list({ limit, types: [...two], ...(before ? { before } : {}) });
      const expected = everything.filter((alarm) => two.has(alarm.type) && (!before || alarm.raisedAt < before.raisedAt || (alarm.raisedAt === before.raisedAt && alarm.id < before.id)));
      expect(merged.map((alarm) => alarm.id)).toEqual(expected.slice(0, limit).map((alarm) => alarm.id));
    }
    // So are several states: the open ones, wherever they are in time, as one list filtered.
    for (const n of [3, 8, 30]) a.alarms.act(`sim-page-${String(n).padStart(8, '0')}`, n % 2 ? 'acknowledge' : 'handle', { user: 'duty', station: 'desk-a' });
    a.alarms.act('sim-page-00000011', 'acknowledge', { user: 'duty', station: 'desk-a' });
    const open = new Set(['acknowledged', 'handling']);
    const byState = a.alarms.list({ limit: 3, states: ['acknowledged', 'handling'] });
    expect(byState.map((alarm) => alarm.id)).toEqual(a.alarms.list({ limit: 100 }).filter((alarm) => open.has(alarm.state)).slice(0, 3).map((alarm) => alarm.id));
  });

  it('merges another station’s state so both agree, whichever arrives first', () => {
    const a = station('desk-a', () => intrusion.ts + 30_000);
    const b = station('desk-b', () => intrusion.ts + 45_000);
    for (const s of [a, b]) s.alarms.raiseFromEvent(SOURCE, intrusion);
    a.alarms.act(intrusion.id, 'acknowledge', { user: 'duty', station: 'desk-a' });
    b.alarms.act(intrusion.id, 'handle', { user: 'supervisor', station: 'desk-b' });
    const fromA = JSON.parse(a.published()[0]!.payload);
    const fromB = JSON.parse(b.published()[0]!.payload);
    expect(a.alarms.receive(fromB)).toBe(intrusion.id);
    // b already holds a later state; a's acknowledgement only tells it the alarm was first acknowledged earlier, at a.
    expect(b.alarms.receive(fromA)).toBe(intrusion.id);
    expect(b.alarms.receive(fromA)).toBeNull();
    expect(a.alarms.get(intrusion.id)).toMatchObject({ state: 'handling', by: 'supervisor' });
    expect(b.alarms.get(intrusion.id)).toMatchObject({ state: 'handling', by: 'supervisor' });
    // Both keep the first acknowledgement's own time: the response time is the same at every station.
    const firstAck = (s: ReturnType<typeof station>) => s.db.prepare('SELECT acknowledged_at FROM alarms WHERE id = ?').pluck().get(intrusion.id);
    expect(firstAck(a)).toBe(intrusion.ts + 30_000);
    expect(firstAck(b)).toBe(intrusion.ts + 30_000);
  });
});
