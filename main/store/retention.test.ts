import { describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { purgeHistory } from './retention';

describe('history retention', () => {
  it('removes only history older than the window, in slices', () => {
    const db = openDatabase(':memory:');
    const now = Date.UTC(2026, 10, 25);
    const day = 86_400_000;
    const insert = db.prepare('INSERT INTO device_history (code, at, status) VALUES (?, ?, ?)');
    for (let i = 0; i < 120; i++) insert.run('32061201011320000001', now - i * day, 'online');
    expect(purgeHistory(db, 30, now, 7)).toBe(89);
    const { oldest } = db.prepare('SELECT min(at) AS oldest FROM device_history').get() as { oldest: number };
    expect(now - oldest).toBe(30 * day);
  });

  it('purges old events and finished outbox rows, and keeps what still waits', () => {
    const db = openDatabase(':memory:');
    const now = Date.UTC(2026, 10, 25);
    const old = now - 40 * 86_400_000;
    db.prepare(`INSERT INTO device_events (id, code, type, severity, at, received_at) VALUES ('evt-old-00001', 'c', 'tamper', 'major', ?, ?), ('evt-new-00001', 'c', 'tamper', 'major', ?, ?)`).run(old, old, now, now);
    const outbox = db.prepare(`INSERT INTO outbox (id, topic, payload, qos, retain, created_at, state, settled_at) VALUES (?, 't', 'p', 1, 0, ?, ?, ?)`);
    outbox.run('sent-long-ago', old, 'delivered', old);
    outbox.run('still-waiting', old, 'pending', null);
    expect(purgeHistory(db, 30, now)).toBe(2);
    expect(db.prepare('SELECT id FROM device_events').pluck().all()).toEqual(['evt-new-00001']);
    expect(db.prepare('SELECT id FROM outbox').pluck().all()).toEqual(['still-waiting']);
  });

  it("purges meters' old raw readings and keeps what they used in the rollups", () => {
    const db = openDatabase(':memory:');
    const now = Date.UTC(2026, 10, 25);
    const code = '32061201011510000001';
    db.prepare('INSERT INTO meter_state (code, last_at, last_value) VALUES (?, ?, ?)').run(code, now, 9);
    const reading = db.prepare('INSERT INTO meter_readings (code, at, value) VALUES (?, ?, ?)');
    for (let day = 0; day < 10; day++) reading.run(code, now - day * 86_400_000, 10 - day);
    db.prepare('INSERT INTO energy_rollups (code, step, start, amount) VALUES (?, 2, ?, 1)').run(code, now - 9 * 86_400_000);
    expect(purgeHistory(db, 5, now)).toBe(4);
    expect(db.prepare('SELECT count(*) FROM meter_readings').pluck().get()).toBe(6);
    expect(db.prepare('SELECT count(*) FROM energy_rollups').pluck().get()).toBe(1);
  });
});
