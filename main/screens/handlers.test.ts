import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_DESK } from '../contract/screens';
import type { Core } from '../core';
import BetterSqlite3 from 'better-sqlite3';
import { migrate } from '../store/migrations';
import { connectClient, pushSite, rejection, tempDir, testCore } from '../testing/harness';

const ADMIN = { username: 'admin', password: 'Command-Desk-2026', displayName: 'Admin' };
const COMMANDER = { username: 'chief', displayName: '指挥长', role: 'emergency_commander' as const, password: 'Incident-Desk-2026' };
let core: Core;

beforeAll(async () => {
  core = testCore({ dataDir: tempDir() });
  const admin = connectClient(core);
  await admin.call('auth.setup', { ...ADMIN, station: 'desk' });
  await admin.call('users.create', COMMANDER);
  await admin.call('users.create', { username: 'duty', displayName: 'Duty', role: 'duty_officer', password: 'Watch-Floor-2026' });
});
afterAll(async () => {
  await core?.close();
});

const signedIn = async (at: Core, username: string, password: string) => {
  const client = connectClient(at);
  await client.call('auth.signIn', { username, password, station: 'desk' });
  return client;
};
const layout = {
  name: '指挥三屏',
  screens: [
    { screen: 0, page: 'wall', wall: 'Night shift', view: null, focus: false },
    { screen: 1, page: 'devices', wall: null, view: null, focus: false },
    { screen: 2, page: 'ops', wall: null, view: null, focus: false },
  ],
};

describe('screen layouts', () => {
  it('keeps each officer’s layouts apart, replaces by name, refuses two windows on one monitor and says when there is none to delete', async () => {
    const admin = await signedIn(core, ADMIN.username, ADMIN.password);
    await admin.call('screens.save', layout);
    await admin.call('screens.save', { ...layout, screens: layout.screens.slice(0, 2) });
    expect(await admin.call('screens.list', {})).toEqual({ layouts: [{ ...layout, screens: layout.screens.slice(0, 2), builtin: false }], openOnSignIn: null });

    expect((await rejection(admin.call('screens.save', { ...layout, screens: [layout.screens[0]!, { ...layout.screens[1]!, screen: 0 }] }))).code).toBe('invalid_input');
    expect((await rejection(admin.call('screens.save', { ...layout, screens: [{ screen: 8, page: 'wall', wall: null }] }))).code).toBe('invalid_input');
    expect((await rejection(admin.call('screens.save', { ...layout, screens: [{ screen: 0, page: 'https://evil', wall: null }] }))).code).toBe('invalid_input');
    expect((await rejection(admin.call('screens.save', { ...layout, screens: [] }))).code).toBe('invalid_input');

    const duty = await signedIn(core, 'duty', 'Watch-Floor-2026');
    expect((await duty.call('screens.list', {})).layouts.map((held) => [held.name, held.builtin])).toEqual([['值班席 Duty desk', true]]);
    expect((await rejection(duty.call('screens.delete', { name: layout.name }))).code).toBe('not_found');
    expect((await rejection(duty.call('screens.delete', { name: '值班席 Duty desk' }))).code).toBe('conflict');

    expect((await rejection(connectClient(core).call('screens.list', {}))).code).toBe('unauthenticated');

    await admin.call('screens.delete', { name: layout.name });
    expect(await admin.call('screens.list', {})).toEqual({ layouts: [], openOnSignIn: null });
  });

  it('give commanders the command desk at sign-in, follow them to another station, and let them choose another or none', async () => {
    const chief = await signedIn(core, COMMANDER.username, COMMANDER.password);
    expect(await chief.call('screens.list', {})).toEqual({ layouts: [{ ...COMMAND_DESK, builtin: true }], openOnSignIn: COMMAND_DESK.name });
    await chief.call('screens.save', { ...layout, name: '两屏' });
    expect((await chief.call('screens.list', {})).openOnSignIn).toBe(COMMAND_DESK.name);
    await chief.call('screens.openOnSignIn', { name: '两屏' });
    expect((await rejection(chief.call('screens.openOnSignIn', { name: '没有这个' }))).message).toMatch(/no screen layout named 没有这个/);

    // The other station gets the officer's record over the site link, as published here.
    const [published] = core.db.prepare("SELECT topic, payload FROM outbox WHERE topic LIKE '%/workspaces/chief' ORDER BY seq DESC LIMIT 1").all() as { topic: string; payload: string }[];
    const other = testCore({ dataDir: tempDir() });
    try {
      const admin = connectClient(other);
      await admin.call('auth.setup', { ...ADMIN, station: 'desk-2' });
      await admin.call('users.create', COMMANDER);
      pushSite(other, published!.topic.split('/').slice(3).join('/'), JSON.parse(published!.payload));
      other.ingest.flush();
      const there = await signedIn(other, COMMANDER.username, COMMANDER.password);
      expect(await there.call('screens.list', {})).toEqual({ layouts: [{ ...layout, name: '两屏', builtin: false }, { ...COMMAND_DESK, builtin: true }], openOnSignIn: '两屏' });
      // A record under another officer's topic is refused, not applied.
      pushSite(other, 'workspaces/duty', JSON.parse(published!.payload));
      other.ingest.flush();
      expect(other.db.prepare("SELECT reason FROM quarantine WHERE topic LIKE '%/workspaces/duty'").pluck().get()).toMatch(/the record is chief's, the topic names duty/);
    } finally {
      await other.close();
    }
    await chief.call('screens.openOnSignIn', { name: null });
    expect((await chief.call('screens.list', {})).openOnSignIn).toBeNull();
  });
});

describe('screen layouts saved before they were shared', () => {
  it('move into the officer’s shared workspace, in name order', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, 19);
    const insert = db.prepare('INSERT INTO screen_layouts (username, name, body, updated_at) VALUES (?, ?, ?, ?)');
    insert.run('chief', 'b', JSON.stringify({ name: 'b', screens: [{ screen: 0, page: 'wall', wall: null }] }), 2);
    insert.run('chief', 'a', JSON.stringify({ name: 'a', screens: [{ screen: 0, page: 'map', wall: null }] }), 1);
    migrate(db);
    const row = db.prepare("SELECT body, updated_at FROM workspaces WHERE id = 'chief'").get() as { body: string; updated_at: number };
    expect(JSON.parse(row.body)).toEqual({ id: 'chief', layouts: [{ name: 'a', screens: [{ screen: 0, page: 'map', wall: null }] }, { name: 'b', screens: [{ screen: 0, page: 'wall', wall: null }] }], openOnSignIn: null });
    expect(row.updated_at).toBe(2);
    db.close();
  });
});
