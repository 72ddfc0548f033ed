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
});
