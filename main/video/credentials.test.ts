import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { connectClient, tempDir, testCore } from '../testing/harness';

const PASSWORD = 'Admin-Sealed-2026';
const CAMERA_PASSWORD = 'Cam3ra-Secret-Pw!';
const CAMERA = '32061201011310000031';

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

/** Every byte the station keeps on disk: the database, its write-ahead log, and whatever else is in the folder but the key. */
function onDisk(dir: string): Buffer {
  return Buffer.concat(fs.readdirSync(dir).filter((name) => name !== 'secrets.key' && fs.statSync(path.join(dir, name)).isFile()).map((name) => fs.readFileSync(path.join(dir, name))));
}

describe('camera credentials at rest', () => {
  it('are stored sealed: no byte on disk holds the password, the user name is sealed with it, and the stream still gets them', async () => {
    const dataDir = tempDir();
    core = testCore({ dataDir });
    const admin = connectClient(core);
    await core.auth.createUser({ username: 'it', displayName: 'IT', role: 'it_admin', password: PASSWORD });
    await admin.call('auth.signIn', { username: 'it', password: PASSWORD, station: 'desk' });
    await admin.call('video.credentials', { scope: '*', username: 'camera-operator', password: CAMERA_PASSWORD });
    expect(core.cameras.credentialsFor(CAMERA)).toEqual({ username: 'camera-operator', password: CAMERA_PASSWORD });
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = onDisk(dataDir);
    expect(bytes.includes(CAMERA_PASSWORD)).toBe(false);
    expect(bytes.includes(Buffer.from(CAMERA_PASSWORD).toString('base64'))).toBe(false);
    // The user name is sealed with the password, and kept out of the audit trail, which says which camera's sign-in changed.
    const stored = core.db.prepare('SELECT username, password FROM camera_credentials').get() as { username: string; password: string };
    expect([stored.username.includes('camera-operator'), stored.password.startsWith('sealed:v1:')]).toEqual([false, true]);
    const entry = core.audit.list({ limit: 5 }).find((candidate) => candidate.action === 'video.credentials');
    expect(entry).toMatchObject({ target: '*', outcome: 'ok', detail: { scope: '*' } });
    expect(JSON.stringify(entry)).not.toContain('camera-operator');
  });

  it('left in the clear by an earlier version are sealed when the station starts, and read with another station’s key are refused in words', async () => {
    const dataDir = tempDir();
    core = testCore({ dataDir });
    await core.close();
    const db = new BetterSqlite3(path.join(dataDir, 'vigil.db'));
    db.prepare('INSERT INTO camera_credentials (scope, username, password, updated_at) VALUES (?, ?, ?, ?)').run(CAMERA, 'admin', CAMERA_PASSWORD, 1);
    db.close();

    core = testCore({ dataDir });
    const stored = core.db.prepare('SELECT username, password FROM camera_credentials').get() as { username: string; password: string };
    expect(stored.password.startsWith('sealed:v1:') && stored.username.startsWith('sealed:v1:')).toBe(true);
    expect(core.cameras.credentialsFor(CAMERA)).toEqual({ username: 'admin', password: CAMERA_PASSWORD });
    await core.close();

    // The database copied to a station with another key: the credentials are useless there, and it says so.
    fs.rmSync(path.join(dataDir, 'secrets.key'));
    core = testCore({ dataDir });
    expect(() => core!.cameras.credentialsFor(CAMERA)).toThrow(/does not open with this station’s data key/);
  });
});
