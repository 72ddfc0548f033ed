import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { connectClient, testCore } from '../testing/harness';

const ADMIN = { username: 'admin', password: 'Event-Log-2026', displayName: 'Admin' };
const NORTH_DOOR = '32061201011400000001';
const SOUTH_DOOR = '32061201011400000002';
const T0 = 1_795_000_000_000;
let core: Core;

beforeAll(async () => {
  core = testCore();
  const place = (name: string, area: string) => ({ name, area, building: 'A', floor: '1F', vendor: 'ZKTeco', model: 'inBio', streams: [], at: 1 });
  core.registry.applyInfo({ code: NORTH_DOOR, ...place('North door', 'North') });
  core.registry.applyInfo({ code: SOUTH_DOOR, ...place('South door', 'South') });
  const insert = core.db.prepare('INSERT INTO device_events (id, code, type, severity, at, received_at, zone, person, data) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, NULL)');
  for (let n = 0; n < 30; n++) {
    const denied = n % 3 === 0;
    // Pairs share a millisecond: paging must neither skip nor repeat them.
    insert.run(`evt-log-${String(n).padStart(8, '0')}`, n % 2 ? NORTH_DOOR : SOUTH_DOOR, denied ? 'access_denied' : 'access_granted', denied ? 'minor' : 'info', T0 + Math.floor(n / 2) * 1000, T0, `张伟 · 卡号 ${10_000_000 + n}`);
  }
  await connectClient(core).call('auth.setup', { ...ADMIN, station: 'desk' });
  for (const [username, role] of [['duty', 'duty_officer'], ['chief', 'shift_supervisor']] as const) {
    await core.auth.createUser({ username, displayName: username, role, password: 'Access-Log-2026' });
  }
});
afterAll(async () => {
  await core?.close();
});

const signedIn = async (username: string) => {
  const client = connectClient(core);
  await client.call('auth.signIn', { username, password: 'Access-Log-2026', station: 'desk' });
  return client;
};

describe('the event log', () => {
  it('lists events newest first with where they happened, persons masked, filtered and paged', async () => {
    const duty = await signedIn('duty');
    const [newest] = await duty.call('events.list', { limit: 1 });
    expect(newest).toMatchObject({ id: 'evt-log-00000029', deviceName: 'North door', area: 'North', type: 'access_granted', person: '张* · 卡号 ****0029' });
    const seen: string[] = [];
    let before: { at: number; id: string } | undefined;
    for (let page = 0; page < 10; page++) {
      const items = await duty.call('events.list', { limit: 4, ...(before ? { before } : {}) });
      if (!items.length) break;
      seen.push(...items.map((item) => item.id));
      before = { at: items.at(-1)!.at, id: items.at(-1)!.id };
    }
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
    expect(await duty.call('events.list', { types: ['access_denied'], area: 'South', limit: 100 })).toHaveLength(5);
    expect(await duty.call('events.list', { code: NORTH_DOOR, from: T0 + 10_000, to: T0 + 12_000, limit: 100 })).toHaveLength(2);
    expect(JSON.stringify(await duty.call('events.list', { limit: 100 }))).not.toMatch(/伟|100000\d\d/);
  });

  it('gives a person in full only to roles allowed to, and the audit trail says who looked', async () => {
    const duty = await signedIn('duty');
    await expect(duty.call('events.person', { id: 'evt-log-00000007' })).rejects.toMatchObject({ code: 'forbidden' });
    const chief = await signedIn('chief');
    expect(await chief.call('events.person', { id: 'evt-log-00000007' })).toEqual({ person: '张伟 · 卡号 10000007' });
    expect(core.audit.list({ limit: 1, action: 'events.person' })[0]).toMatchObject({ actor: 'chief', outcome: 'ok' });
    await expect(chief.call('events.person', { id: 'no-such-event' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
