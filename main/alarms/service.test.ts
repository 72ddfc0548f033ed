import { describe, expect, it } from 'vitest';
import { ContractError } from '../contract';
import { silentLogger } from '../logging/logger';
import { Outbox } from '../outbox/outbox';
import { openDatabase } from '../store/database';
import { HybridClock } from './hlc';
import { AlarmService } from './service';

const SOURCE = '32061201011340000016';
const intrusion = { id: 'sim-abc-00000001', type: 'intrusion', ts: 1_795_000_000_000 };

function station(name: string) {
  const db = openDatabase(':memory:');
  const outbox = new Outbox(db, silentLogger());
  const alarms = new AlarmService(db, new HybridClock(name), outbox, 'park');
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
    a.alarms.act(intrusion.id, 'resolve', { user: 'duty', station: 'desk-a@host' }, 'false alarm: cat');
    expect(() => a.alarms.act(intrusion.id, 'acknowledge', { user: 'duty', station: 'desk-a@host' })).toThrow(ContractError);
    const rows = a.published();
    expect(rows.map((row) => [row.topic, row.retain])).toEqual([
      [`vigil/v1/park/alarms/${intrusion.id}`, 1],
      [`vigil/v1/park/alarms/${intrusion.id}`, 1],
    ]);
    expect(JSON.parse(rows[1]!.payload)).toMatchObject({ state: 'resolved', note: 'false alarm: cat', by: 'duty' });
  });

  it('merges another station’s state so both agree, whichever arrives first', () => {
    const a = station('desk-a');
    const b = station('desk-b');
    for (const s of [a, b]) s.alarms.raiseFromEvent(SOURCE, intrusion);
    a.alarms.act(intrusion.id, 'acknowledge', { user: 'duty', station: 'desk-a' });
    b.alarms.act(intrusion.id, 'handle', { user: 'supervisor', station: 'desk-b' });
    const fromA = JSON.parse(a.published()[0]!.payload);
    const fromB = JSON.parse(b.published()[0]!.payload);
    expect(a.alarms.receive(fromB)).toBe(intrusion.id);
    // b already holds a later state; a's acknowledgement changes nothing there.
    expect(b.alarms.receive(fromA)).toBeNull();
    expect(a.alarms.get(intrusion.id)).toMatchObject({ state: 'handling', by: 'supervisor' });
    expect(b.alarms.get(intrusion.id)).toMatchObject({ state: 'handling', by: 'supervisor' });
  });
});
