import mqtt from 'mqtt';
import { describe, expect, it } from 'vitest';
import { PROCEDURES, type CoreClient } from '../contract';
import { topicOf } from '../site-link/interface/topics';
import { stationsOnBroker } from '../testing/stations';

/**
 * Two stations of one site, as two cores on a real broker: both work the
 * same alarms, one of them offline for a while, and they end in agreement.
 */
const SITE = 'park';
const SENSOR = '32061201011340000002';
const ADMIN = { username: 'admin', password: 'Two-Stations-2026', displayName: 'Admin' };
const ALARMS = 12;


const { station, brokerUrl } = stationsOnBroker(SITE, ['a', 'b', 'c', 'd'], ADMIN);

/** Every step of an intrusion's procedure, as an officer ticks them off before resolving. */
const workProcedure = (client: CoreClient, id: string) => Promise.all(PROCEDURES.intrusion.map((_, step) => client.call('alarms.step', { id, step })));

const states = async (client: CoreClient) =>
  Object.fromEntries((await client.call('alarms.list', { limit: 500 })).map((alarm) => [alarm.id, `${alarm.state}/${alarm.by}/${alarm.note ?? ''}`]));

describe('two stations', () => {
  it('agree on every alarm after working them at once, one of them offline for a while', async () => {
    const a = await station('a');
    let b = await station('b');
    const gateway = await mqtt.connectAsync(brokerUrl(), { protocolVersion: 5, clientId: 'gateway' });
    await gateway.publishAsync(topicOf('deviceInfo', { site: SITE, code: SENSOR }), JSON.stringify({ name: 'Fence', area: 'N', building: 'A', floor: '1F', ts: 1 }), { qos: 1, retain: true });
    const ids = Array.from({ length: ALARMS }, (_, i) => `intrusion-${String(i).padStart(6, '0')}`);
    // More than a fold window apart: twelve alarms, not one that counts twelve.
    for (const [i, id] of ids.entries()) {
      await gateway.publishAsync(topicOf('deviceEvent', { site: SITE, code: SENSOR }), JSON.stringify({ id, type: 'intrusion', ts: Date.now() - (ALARMS - i) * 61_000 }), { qos: 1 });
    }
    await expect.poll(async () => (await a.client.call('alarms.list', { limit: 500 })).length, { timeout: 10_000 }).toBe(ALARMS);
    await expect.poll(async () => (await b.client.call('alarms.list', { limit: 500 })).length, { timeout: 10_000 }).toBe(ALARMS);

    // Both acknowledge the first half at once; only one of each pair of acknowledgements can stand.
    // When one station's acknowledgement reaches the other before its own call, that call is refused as already done.
    const pairs = await Promise.allSettled(ids.slice(0, 6).flatMap((id) => [a.client.call('alarms.act', { id, action: 'acknowledge' }), b.client.call('alarms.act', { id, action: 'acknowledge' })]));
    for (const refused of pairs.filter((outcome) => outcome.status === 'rejected')) expect(String(refused.reason)).toMatch(/is already acknowledged/);
    expect(pairs.filter((outcome) => outcome.status === 'fulfilled').length).toBeGreaterThanOrEqual(6);

    // b goes off line (its core dies); a resolves some alarms meanwhile, and more events arrive.
    await b.process.kill('SIGKILL');
    for (const id of ids.slice(0, 3)) {
      await workProcedure(a.client, id);
      await a.client.call('alarms.act', { id, action: 'resolve', note: 'checked on camera' });
    }
    const late = 'intrusion-late-000001';
    await gateway.publishAsync(topicOf('deviceEvent', { site: SITE, code: SENSOR }), JSON.stringify({ id: late, type: 'intrusion', ts: Date.now() }), { qos: 1 });

    // b comes back and works what it saw before it went away: handling one a resolved, closing another.
    b = await station('b');
    await b.client.call('alarms.act', { id: ids[6]!, action: 'handle' });
    await b.client.call('alarms.act', { id: ids[1]!, action: 'close', note: 'closed by b' });
    await workProcedure(a.client, ids[6]!);
    await a.client.call('alarms.act', { id: ids[6]!, action: 'resolve', note: 'a resolved it' });

    const agreement = async () => {
      const [atA, atB] = await Promise.all([states(a.client), states(b.client)]);
      return JSON.stringify(atA) === JSON.stringify(atB) && atA[ids[1]!]?.startsWith('closed');
    };
    await expect.poll(agreement, { timeout: 15_000 }).toBe(true);
    const final = await states(a.client);
    expect(Object.keys(final)).toHaveLength(ALARMS + 1);
    expect(final[late]).toMatch(/^new\//);
    expect(final[ids[1]!]).toBe('closed/admin/closed by b');
    expect(final[ids[0]!]).toBe('resolved/admin/checked on camera');
    expect(final[ids[6]!]).toMatch(/^resolved\//);
    await gateway.endAsync();
    a.client.close();
    b.client.close();
  }, 90_000);

  it('share an alarm rule, and raise one alarm between them when it fires', async () => {
    const c = await station('c');
    const d = await station('d');
    const meter = '32061201011510000009';
    const gateway = await mqtt.connectAsync(brokerUrl(), { protocolVersion: 5, clientId: 'meter-gateway' });
    await gateway.publishAsync(topicOf('deviceInfo', { site: SITE, code: meter }), JSON.stringify({ name: 'A 栋水表', area: 'N', building: 'A', floor: 'B1', ts: 1 }), { qos: 1, retain: true });
    await c.client.call('rules.save', {
      id: 'water-high',
      name: '用水过高',
      enabled: true,
      severity: 'major',
      condition: { kind: 'threshold', metric: 'm3h', op: 'above', value: 2, forSeconds: 20 },
      scope: { kinds: ['water_meter'], area: '', devices: [] },
      schedule: null,
    });
    await expect.poll(async () => (await d.client.call('rules.list', {})).map((rule) => `${rule.name}/${rule.updatedBy}`), { timeout: 10_000 }).toEqual(['用水过高/admin']);
    // A sample every 10 s of device time; the third completes the 20 s.
    const start = Date.now() - 60_000;
    for (const [i, m3h] of [3, 3.5, 4, 4.5].entries()) {
      await gateway.publishAsync(topicOf('telemetry', { site: SITE, code: meter }), JSON.stringify({ ts: start + i * 10_000, values: { m3h } }), { qos: 0 });
    }
    const ruleAlarms = async (client: CoreClient) => (await client.call('alarms.list', { types: ['rule'], limit: 10 })).map((alarm) => `${alarm.id}/${alarm.raisedAt - start}/${alarm.rule?.value}`);
    await expect.poll(() => ruleAlarms(c.client), { timeout: 10_000 }).toHaveLength(1);
    await expect.poll(() => ruleAlarms(d.client), { timeout: 10_000 }).toEqual(await ruleAlarms(c.client));
    expect((await ruleAlarms(c.client))[0]).toMatch(/^rule-[0-9a-f]{32}\/20000\/4$/);
    // Deleting it at d ends it at c.
    await d.client.call('rules.delete', { id: 'water-high' });
    await expect.poll(async () => (await c.client.call('rules.list', {})).length, { timeout: 10_000 }).toBe(0);
    await gateway.endAsync();
    c.client.close();
    d.client.close();
  }, 60_000);
});
