import mqtt from 'mqtt';
import { describe, expect, it } from 'vitest';
import type { CoreClient } from '../contract';
import { floorDetectors, playFire } from '../demo/fire';
import { DEMO_WARNING_RULES } from '../demo/warning-rules';
import { topicOf } from '../site-link/interface/topics';
import { stationsOnBroker } from '../testing/stations';

/**
 * Two stations of one site on a real broker see the demo's scripted fire on
 * a floor — one of them killed for part of it — and end holding the same
 * one warning, level for level, whichever derived which event.
 */
const SITE = 'park';
const [BUILDING, FLOOR] = ['A栋 研发楼', '3F'];
const ADMIN = { username: 'admin', password: 'Two-Stations-2026', displayName: 'Admin' };


const { station, brokerUrl } = stationsOnBroker(SITE, ['a', 'b'], ADMIN);

/** What a station holds of the site's warnings: each with its level and every event. */
const held = async (client: CoreClient) => JSON.stringify((await client.call('warnings.list', {})).map(({ id, level, active, history }) => ({ id, level, active, history })));

describe('a warning at two stations', () => {
  it('is raised once, with the same id and levels at both, and a station away catches up', async () => {
    const a = await station('a');
    let b = await station('b');
    for (const rule of DEMO_WARNING_RULES) await a.client.call('warningRules.save', rule);
    await expect.poll(async () => (await b.client.call('warningRules.list', {})).length, { timeout: 10_000 }).toBe(DEMO_WARNING_RULES.length);

    const site = await mqtt.connectAsync(brokerUrl(), { protocolVersion: 5, clientId: 'site-devices' });
    for (const detector of floorDetectors(BUILDING, FLOOR)) {
      await site.publishAsync(topicOf('deviceInfo', { site: SITE, code: detector.code }), JSON.stringify({ ...detector.info, ts: 1 }), { qos: 1, retain: true });
    }
    await new Promise((resolve) => setTimeout(resolve, 500));

    // The fire, on its own clock (two minutes ago, a reading every 5 s) so the test need not wait for it.
    let clock = Date.now() - 120_000;
    const publish = (topic: string, payload: string) => site.publishAsync(topic, payload, { qos: 1 });
    await playFire(publish, { site: SITE, building: BUILDING, floor: FLOOR, now: () => clock, sleep: async (ms) => void (clock += ms) });
    await expect.poll(async () => (await a.client.call('warnings.list', {})).map((warning) => warning.level), { timeout: 10_000 }).toEqual([2]);
    await expect.poll(async () => (await held(a.client)) === (await held(b.client)), { timeout: 10_000 }).toBe(true);
    const [warning] = await a.client.call('warnings.list', {});
    expect(warning!.history.map((event) => [event.type, event.type === 'cleared' || event.type === 'acknowledged' ? null : event.level])).toEqual([
      ['raised', 4],
      ['level', 2],
    ]);

    // b is away while a officer acknowledges the warning; back, b holds the acknowledgement too.
    await b.process.kill('SIGKILL');
    await a.client.call('warnings.acknowledge', { id: warning!.id, note: '消防控制室已确认' });
    b = await station('b');
    await expect.poll(async () => (await b.client.call('warnings.get', { id: warning!.id })).acknowledged.map(({ note }) => note), { timeout: 15_000 }).toEqual(['消防控制室已确认']);
    await expect.poll(async () => (await held(a.client)) === (await held(b.client)), { timeout: 10_000 }).toBe(true);
    expect(await b.client.call('warnings.list', {})).toHaveLength(1);
    await site.endAsync();
    a.client.close();
    b.client.close();
  }, 90_000);
});
