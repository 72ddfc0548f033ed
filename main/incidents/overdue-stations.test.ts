import mqtt from 'mqtt';
import { describe, expect, it } from 'vitest';
import type { CoreClient, EventPayload } from '../contract';
import { DEMO_PLANS } from '../demo/incident-plans';
import { topicOf } from '../site-link/interface/topics';
import { stationsOnBroker } from '../testing/stations';

/**
 * Two stations of one site on a real broker hold an incident whose first
 * plan step is past its deadline: whichever station sweeps first escalates
 * it, and both end with the one escalation, each telling its own windows once.
 */
const SITE = 'park';
const SMOKE = '32061201011410000021';
const ADMIN = { username: 'admin', password: 'Two-Stations-2026', displayName: 'Admin' };
const MIN = 60_000;

const { station, brokerUrl } = stationsOnBroker(SITE, ['a', 'b'], ADMIN);

const held = async (client: CoreClient, id: string) => {
  const incident = await client.call('incidents.get', { id }).catch(() => null);
  return incident && JSON.stringify(incident);
};
const overdueLines = async (client: CoreClient, id: string) => {
  const incident = await client.call('incidents.get', { id }).catch(() => null);
  return incident?.timeline.filter((line) => line.kind === 'overdue') ?? [];
};
function listen(client: CoreClient): EventPayload<'incidents.escalated'>[] {
  const heard: EventPayload<'incidents.escalated'>[] = [];
  client.on('incidents.escalated', (payload) => heard.push(payload));
  return heard;
}

describe('a plan step overdue at two stations', () => {
  it('is escalated once: one entry at both, and each station tells its windows once', async () => {
    const [a, b] = [await station('a'), await station('b')];
    const [heardAtA, heardAtB] = [listen(a.client), listen(b.client)];
    await a.client.call('plans.save', DEMO_PLANS[0]!);
    await expect.poll(async () => (await b.client.call('plans.list', {})).length, { timeout: 10_000 }).toBe(1);
    // The gateway buffered the smoke alarm while its uplink was down: it went off 10 minutes ago.
    const site = await mqtt.connectAsync(brokerUrl(), { protocolVersion: 5, clientId: 'site-gateway' });
    await site.publishAsync(topicOf('deviceInfo', { site: SITE, code: SMOKE }), JSON.stringify({ name: 'A栋3F 烟感', area: '北区', building: 'A栋', floor: '3F', ts: 1 }), { qos: 1, retain: true });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const raisedAt = Date.now() - 10 * MIN;
    await site.publishAsync(topicOf('deviceEvent', { site: SITE, code: SMOKE }), JSON.stringify({ id: 'smoke-overdue-0001', type: 'smoke', ts: raisedAt }), { qos: 1 });
    await expect.poll(async () => (await a.client.call('alarms.get', { ids: ['smoke-overdue-0001'] })).map((alarm) => alarm.raisedAt), { timeout: 10_000 }).toEqual([raisedAt]);

    // Opened at level IV from the alarm, at its time: only "confirm" (3 min) starts, and its deadline passed 7 minutes ago.
    const { id } = await a.client.call('incidents.open', { type: 'fire', title: 'A栋3F 冒烟', level: 4, from: { alarm: 'smoke-overdue-0001' } });
    const step = [{ incident: id, step: 'confirm' }];
    await expect.poll(() => heardAtA, { timeout: 15_000 }).toEqual([{ ids: [id], steps: step }]);
    await expect.poll(() => heardAtB, { timeout: 15_000 }).toEqual([{ ids: [id], steps: step }]);
    await expect.poll(async () => (await held(a.client, id)) === (await held(b.client, id)), { timeout: 10_000 }).toBe(true);
    for (const client of [a.client, b.client]) {
      expect(await overdueLines(client, id)).toMatchObject([{ id: `overdue-confirm-${raisedAt + 3 * MIN}`, by: 'Vigil', via: 'system', at: raisedAt + 3 * MIN, applied: true, data: { step: 'confirm' } }]);
      expect((await client.call('incidents.get', { id })).steps[0]).toMatchObject({ id: 'confirm', status: 'active', escalatedAt: raisedAt + 3 * MIN });
    }
    // More sweeps (every 5 s) and the copies going back and forth tell nobody again.
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    expect([heardAtA.length, heardAtB.length]).toEqual([1, 1]);
    expect((await overdueLines(b.client, id)).length).toBe(1);
    await site.endAsync();
    a.client.close();
    b.client.close();
  }, 90_000);
});
