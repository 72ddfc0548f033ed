import mqtt from 'mqtt';
import { afterAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../contract';
import { DEMO_PLANS } from '../demo/incident-plans';
import { DemoHandhelds } from '../demo/handhelds';
import { topicOf } from '../site-link/interface/topics';
import { stationsOnBroker } from '../testing/stations';

/**
 * Two stations of one site on a real broker command the same incident — one
 * of them killed while the other dispatches a team whose handheld answers
 * over the broker — and end holding the same incident, line for line.
 */
const SITE = 'park';
const ADMIN = { username: 'admin', password: 'Two-Stations-2026', displayName: 'Admin' };
const FIRE_TEAM = { id: 'fire-team', name: '消防应急队', kind: 'team' as const, members: ['zhougang', 'wuhao'] };

let handhelds: DemoHandhelds | null = null;

const { station, brokerUrl } = stationsOnBroker(SITE, ['a', 'b'], ADMIN);

/** What a station holds of an incident: everything it shows, every line of the timeline. */
const held = async (client: CoreClient, id: string) => {
  const incident = await client.call('incidents.get', { id }).catch(() => null);
  return incident && JSON.stringify(incident);
};
const same = async (a: CoreClient, b: CoreClient, id: string) => (await held(a, id)) !== null && (await held(a, id)) === (await held(b, id));

afterAll(async () => {
  await handhelds?.stop();
});

describe('an incident at two stations', () => {
  it('ends the same at both after concurrent commands, an outage, and a dispatch answered by a handheld', async () => {
    const a = await station('a');
    let b = await station('b');
    await a.client.call('resources.save', FIRE_TEAM);
    await a.client.call('plans.save', DEMO_PLANS[0]!);
    await expect.poll(async () => (await b.client.call('resources.list', {})).map((resource) => resource.id), { timeout: 10_000 }).toEqual(['fire-team']);
    await expect.poll(async () => (await b.client.call('plans.list', {})).length, { timeout: 10_000 }).toBe(1);
    handhelds = new DemoHandhelds(brokerUrl(), SITE, [FIRE_TEAM], { acknowledgeMs: 300, arriveMs: 600 });
    await handhelds.start();

    const { id } = await a.client.call('incidents.open', { type: 'fire', title: 'A栋3F 冒烟', level: 3, place: { building: 'A栋', floor: '3F' } });
    await expect.poll(() => held(b.client, id), { timeout: 10_000 }).not.toBeNull();

    // Both act at once: a raises the level, b notes and links a camera.
    await Promise.all([
      a.client.call('incidents.act', { id, action: 'level', level: 2, text: '明火' }),
      b.client.call('incidents.act', { id, action: 'note', text: '监控确认3F走廊有烟' }).then(() => b.client.call('incidents.act', { id, action: 'link', link: { kind: 'camera', ref: '32061201011310000031' } })),
    ]);
    await expect.poll(() => same(a.client, b.client, id), { timeout: 10_000 }).toBe(true);

    // b dies; a dispatches the fire team, whose handheld acknowledges and arrives over the broker.
    await b.process.kill('SIGKILL');
    const sent = await a.client.call('incidents.dispatch', { id, resource: 'fire-team', task: '携灭火器到A栋3F' });
    const dispatch = sent.dispatches[0]!.id;
    await expect.poll(async () => JSON.parse((await held(a.client, id))!).dispatches[0].status, { timeout: 10_000 }).toBe('arrived');
    // Someone not of the team answers as well: refused, and the incident keeps what did apply.
    const site = await mqtt.connectAsync(brokerUrl(), { protocolVersion: 5, clientId: 'stray-handheld' });
    await site.publishAsync(topicOf('resourceReply', { site: SITE, resource: 'fire-team' }), JSON.stringify({ id: 'stray-0000001', incident: id, dispatch, status: 'released', by: 'linfeng', ts: Date.now() }), { qos: 1 });
    await a.client.call('incidents.act', { id, action: 'step', step: 'confirm', outcome: 'done' });
    await expect
      .poll(async () => (await a.client.call('ops.quarantine', { limit: 10 })).map((entry) => entry.reason), { timeout: 10_000 })
      .toContain('resourceReply: linfeng does not answer for 消防应急队 (fire-team)');

    // b comes back, learns all of it, and releases the team and closes the incident.
    b = await station('b');
    await expect.poll(async () => JSON.parse((await held(b.client, id)) ?? '{"dispatches":[]}').dispatches[0]?.status, { timeout: 15_000 }).toBe('arrived');
    await b.client.call('incidents.release', { id, dispatch });
    await b.client.call('incidents.act', { id, action: 'state', state: 'closed', text: '明火扑灭' });
    await expect.poll(() => same(a.client, b.client, id), { timeout: 10_000 }).toBe(true);
    const final = JSON.parse((await held(a.client, id))!);
    expect(final).toMatchObject({ state: 'closed', level: 2, active: 0, links: [{ kind: 'camera', ref: '32061201011310000031' }] });
    expect(final.dispatches[0]).toMatchObject({ status: 'released', acknowledgedBy: 'zhougang', arrivedBy: 'zhougang', releasedBy: 'admin' });
    expect(final.timeline.map((line: { kind: string }) => line.kind).sort()).toEqual(['dispatch', 'level', 'link', 'note', 'open', 'reply', 'reply', 'reply', 'state', 'step'].sort());
    expect(final.timeline.every((line: { applied: boolean }) => line.applied)).toBe(true);
    await site.endAsync();
    a.client.close();
    b.client.close();
  }, 90_000);
});
