import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { AuditTrail, hashOf, type AuditRow } from './trail';

function trailWith(rows: number) {
  const db = openDatabase(':memory:');
  const trail = new AuditTrail(db);
  for (let i = 0; i < rows; i++) {
    trail.append({ actor: `user${i % 3}`, role: 'duty_officer', station: 'desk-1', action: 'devices.place', target: `dev${i}`, outcome: 'ok', detail: { i } });
  }
  return { db, trail };
}

describe('audit trail', () => {
  it('verifies an untouched chain', () => {
    const { trail } = trailWith(50);
    expect(trail.verify()).toEqual({ ok: true, checked: 50, firstBadId: null, reason: null });
  });

  it('locates a row whose content was changed', () => {
    const { db, trail } = trailWith(50);
    db.prepare(`UPDATE audit SET detail = '{"i":999}' WHERE id = 23`).run();
    expect(trail.verify()).toMatchObject({ ok: false, firstBadId: 23, checked: 22, reason: expect.stringContaining('changed') });
  });

  it('locates an edit whose row hash was recomputed to hide it, at the next row', () => {
    const { db, trail } = trailWith(10);
    const row = db.prepare('SELECT * FROM audit WHERE id = 4').get() as AuditRow;
    const { hash: _old, ...forged } = { ...row, actor: 'someone' };
    db.prepare('UPDATE audit SET actor = ?, hash = ? WHERE id = 4').run(forged.actor, hashOf(forged));
    expect(trail.verify()).toMatchObject({ ok: false, firstBadId: 5, reason: expect.stringContaining('previous row') });
  });

  it('locates a removed row', () => {
    const { db, trail } = trailWith(10);
    db.prepare('DELETE FROM audit WHERE id = 6').run();
    expect(trail.verify()).toMatchObject({ ok: false, firstBadId: 7, reason: 'row 6 is missing' });
  });

  it('pages newest first and filters by actor and action', () => {
    const { trail } = trailWith(30);
    const page = trail.list({ limit: 5 });
    expect(page.map((entry) => entry.id)).toEqual([30, 29, 28, 27, 26]);
    expect(trail.list({ limit: 5, beforeId: 26 })[0]!.id).toBe(25);
    expect(trail.list({ limit: 100, actor: 'user1' }).every((entry) => entry.actor === 'user1')).toBe(true);
    expect(trail.list({ limit: 100, action: 'auth.signIn' })).toEqual([]);
  });
});
