import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient, Role } from '../contract';
import type { Core } from '../core';
import { connectClient, testCore, signedIn } from '../testing/harness';
import { startMosquitto, type Broker } from '../testing/mosquitto';
import { TerminalFleet, type SimulatedTerminal } from '../demo/terminals';

/**
 * Two stations of one site and a fleet of residents' apps and signage
 * screens, all on a real mosquitto: a notice drafted at one station is
 * approved at the other, reaches exactly its audience, is counted alike at
 * both stations and is removed from the terminals when revoked; drafts made
 * while the broker is down converge when it returns.
 */
const SITE = 'park';
const PASSWORD = 'Notice-Board-2026';

let broker: Broker;
let fleet: TerminalFleet | null = null;
const cores: Core[] = [];

beforeAll(async () => {
  broker = await startMosquitto({ autosaveOnChanges: true, autosaveInterval: 1 });
}, 30_000);

afterAll(async () => {
  await fleet?.stop();
  for (const core of cores) await core.close();
  await broker?.close();
});

function station(name: string): Core {
  const core = testCore({ site: { id: SITE, name: SITE, brokers: [broker.url], demo: false }, station: name });
  cores.push(core);
  return core;
}

const as = (core: Core, username: string, role: Role) => signedIn(core, role, { username, password: PASSWORD });

const TERMINALS: SimulatedTerminal[] = [
  ...Array.from({ length: 6 }, (_, i) => ({ id: `app-3-${i}`, kind: 'resident-app' as const, building: '3号楼', unit: `${1 + (i % 2)}-${101 + i}` })),
  ...Array.from({ length: 3 }, (_, i) => ({ id: `app-5-${i}`, kind: 'resident-app' as const, building: '5号楼', unit: `1-${201 + i}` })),
  { id: 'screen-3', kind: 'signage', building: '3号楼', name: '3号楼大堂' },
  { id: 'screen-gate', kind: 'signage', building: '北门', name: '北门' },
];

describe('announcements across two stations and the terminals', () => {
  it('drafted at one, approved at the other, received and counted alike, revoked from the terminals', async () => {
    const [a, b] = [station('desk-a'), station('desk-b')];
    const duty = await as(a, 'duty', 'duty_officer');
    const propertyA = await as(a, 'property', 'property_manager');
    const propertyB = await as(b, 'property', 'property_manager');
    fleet = await TerminalFleet.start({ broker: broker.url, site: SITE, terminals: TERMINALS, perConnection: 4, readAfterMs: 100 });
    await expect.poll(() => b.db.prepare('SELECT COUNT(*) FROM terminals').pluck().get(), { timeout: 10_000 }).toBe(TERMINALS.length);

    await duty.call('notices.save', {
      id: 'lift-b3',
      title: { zh: '3号楼电梯检修', en: 'Building 3 lift maintenance' },
      body: { zh: '<p>今天<strong>电梯停运</strong>。</p>' },
      audience: { kind: 'buildings', buildings: ['3号楼'] },
      publishAt: null,
      expiresAt: null,
    });
    await duty.call('notices.submit', { id: 'lift-b3' });
    await expect.poll(async () => (await propertyB.call('notices.list', { state: 'submitted' })).map((n) => n.id), { timeout: 10_000 }).toEqual(['lift-b3']);
    await propertyB.call('notices.approve', { id: 'lift-b3', publishAt: null });

    // The six apps and the lobby screen of building 3 get it; building 5 and the gate do not.
    await expect.poll(() => fleet!.holding('lift-b3'), { timeout: 10_000 }).toBe(7);
    const all = { notice: 'lift-b3', groups: [{ group: '3号楼', terminals: 6, received: 6, read: 6 }, { group: 'signage', terminals: 1, received: 1, read: 1 }], terminals: 7, received: 7, read: 7 };
    await expect.poll(() => propertyA.call('notices.receipts', { id: 'lift-b3' }), { timeout: 10_000 }).toEqual(all);
    await expect.poll(() => propertyB.call('notices.receipts', { id: 'lift-b3' }), { timeout: 10_000 }).toEqual(all);
    expect((await propertyA.call('notices.get', { id: 'lift-b3' })).history.map((step) => `${step.action}:${step.by}`)).toEqual(['saved:duty', 'submitted:duty', 'approved:property']);

    await propertyA.call('notices.revoke', { id: 'lift-b3' });
    await expect.poll(() => fleet!.holding('lift-b3'), { timeout: 10_000 }).toBe(0);
    await expect.poll(async () => (await propertyB.call('notices.get', { id: 'lift-b3' })).state, { timeout: 10_000 }).toBe('revoked');
    // Nothing the terminals sent was refused.
    expect(a.db.prepare('SELECT COUNT(*) FROM quarantine').pluck().get()).toBe(0);
  }, 60_000);

  it('converges on drafts made at both stations while the broker was down', async () => {
    const [a, b] = cores as [Core, Core];
    const [dutyA, dutyB] = [connectClient(a), connectClient(b)];
    await dutyA.call('auth.signIn', { username: 'duty', password: PASSWORD, station: 'desk' });
    await b.auth.createUser({ username: 'duty', displayName: 'duty', role: 'duty_officer', password: PASSWORD });
    await dutyB.call('auth.signIn', { username: 'duty', password: PASSWORD, station: 'desk' });
    await broker.stop();
    const note = (id: string, zh: string) => ({ id, title: { zh }, body: { zh: `<p>${zh}</p>` }, audience: { kind: 'site' as const }, publishAt: null, expiresAt: null });
    await dutyA.call('notices.save', note('water-cut', '停水通知'));
    await dutyB.call('notices.save', note('parking', '停车场维护'));
    // Both edit the same draft offline; the later edit wins at both.
    await dutyA.call('notices.save', note('fire-drill', '消防演练 A'));
    await dutyB.call('notices.save', note('fire-drill', '消防演练 B'));
    await broker.restart();
    const view = async (client: CoreClient) => (await client.call('notices.list', {})).map((n) => `${n.id}:${n.title.zh}:${n.state}`).sort();
    await expect.poll(() => view(dutyA), { timeout: 15_000 }).toContain('parking:停车场维护:draft');
    await expect.poll(() => view(dutyB), { timeout: 15_000 }).toContain('water-cut:停水通知:draft');
    await expect.poll(async () => JSON.stringify(await view(dutyA)) === JSON.stringify(await view(dutyB)), { timeout: 15_000 }).toBe(true);
    expect(await view(dutyA)).toContain('fire-drill:消防演练 B:draft');
  }, 60_000);
});
