import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from './migrations';

describe('migrations', () => {
  it('migrate an empty database version by version, keeping rows', () => {
    const db = new BetterSqlite3(':memory:');
    expect(migrate(db, 1)).toBe(1);
    db.prepare(`INSERT INTO devices (code, name, kind, area, building, floor) VALUES ('32061201011320000001', 'cam', 'ipc', 'N', 'A', '1F')`).run();
    expect(migrate(db)).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT name FROM devices').get()).toEqual({ name: 'cam' });
  });

  it('refuse a database from a newer Vigil', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    expect(() => migrate(db)).toThrow(/newer than this Vigil/);
  });

  it('serve the hot queries from indexes', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join(' | ');
    expect(plan(`SELECT * FROM devices WHERE area = 'a' AND building = 'b' AND floor = 'c'`)).toContain('USING INDEX devices_place');
    expect(plan(`SELECT * FROM audit WHERE actor = 'x' ORDER BY id DESC LIMIT 10`)).toContain('USING INDEX audit_actor');
    expect(plan(`SELECT id FROM device_history WHERE at < 5 LIMIT 10`)).toContain('device_history_at');
    // The alarm list reads one state at a time (see AlarmService.list): an ordered scan that stops at a page, no sort.
    const openPage = plan(`SELECT * FROM alarms a WHERE a.state = 'new' ORDER BY a.raised_at DESC, a.id DESC LIMIT 100`);
    expect(openPage).toContain('USING INDEX alarms_state');
    expect(openPage).not.toContain('TEMP B-TREE');
    const openInArea = plan(`SELECT * FROM alarms a WHERE a.state = 'new' AND a.area = 'x' ORDER BY a.raised_at DESC, a.id DESC LIMIT 100`);
    expect(openInArea).toContain('USING INDEX alarms_area_state');
    expect(openInArea).not.toContain('TEMP B-TREE');
  });
});
