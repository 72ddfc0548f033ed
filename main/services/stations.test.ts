import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceDraft } from '../contract';
import type { Core } from '../core';
import { topicOf } from '../site-link/interface/topics';
import { testCore, waitFor } from '../testing/harness';
import { startMosquitto, type Broker } from '../testing/mosquitto';

/**
 * Two stations of one site on a real broker keep one catalogue: edits made
 * while the broker is down wait in each outbox and, once it is back, the
 * later edit wins at both. A resident's app gets the same recommendations
 * from either.
 */
const SITE = 'park';
let broker: Broker;
let a: Core;
let b: Core;

const draft = (id: string, zh: string, extra: Partial<ServiceDraft> = {}): ServiceDraft => ({
  id, name: { zh }, category: 'housekeeping', tags: [], description: '', phone: '0513-1', where: { building: 'C栋', distance: 300 }, hours: [], suits: ['elderly'], active: true, ...extra,
});
const catalogueOf = (core: Core) => core.services.catalogue.list().map(({ id, name, active }) => `${id}:${name.zh}:${active}`).join('|');

beforeAll(async () => {
  broker = await startMosquitto({ autosaveOnChanges: true, autosaveInterval: 1 });
  a = testCore({ station: 'desk-a', site: { id: SITE, name: SITE, brokers: [broker.url], demo: false } });
  b = testCore({ station: 'desk-b', site: { id: SITE, name: SITE, brokers: [broker.url], demo: false } });
  await waitFor(() => !!a.link?.connected && !!b.link?.connected, 'both stations to connect');
}, 30_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  await broker?.close();
});

describe('two stations', () => {
  it('converge on the catalogue after editing it offline, the later edit winning', async () => {
    a.services.catalogue.save(draft('aunt-li', '李阿姨家政'), 'property');
    await expect.poll(() => catalogueOf(b), { timeout: 10_000 }).toBe('aunt-li:李阿姨家政:true');

    await broker.stop();
    await waitFor(() => !a.link!.connected && !b.link!.connected, 'both stations to lose the broker');
    a.services.catalogue.save(draft('aunt-li', '李阿姨家政（A 改）'), 'property');
    a.services.catalogue.save(draft('day-care', '日间照料'), 'property');
    await new Promise((resolve) => setTimeout(resolve, 20));
    b.services.catalogue.save(draft('aunt-li', '李阿姨家政（B 后改）', { active: false }), 'property');
    b.services.catalogue.save(draft('laundry', '洗衣', { category: 'laundry', suits: [], where: { distance: 900 } }), 'property');
    b.services.catalogue.delete('aunt-li', 'property');
    expect(catalogueOf(a)).not.toBe(catalogueOf(b));

    await broker.restart();
    const expected = 'day-care:日间照料:true|laundry:洗衣:true';
    await expect.poll(() => catalogueOf(a), { timeout: 20_000 }).toBe(expected);
    await expect.poll(() => catalogueOf(b), { timeout: 20_000 }).toBe(expected);
    expect(a.services.catalogue.version()).toBe(b.services.catalogue.version());
  }, 60_000);

  it('send a resident the same recommendations, with reasons, from either station', async () => {
    const app = await mqtt.connectAsync(broker.url, { protocolVersion: 5, clientId: 'resident-app' });
    const received: string[] = [];
    app.on('message', (_topic, payload) => received.push(payload.toString()));
    const recommendations = topicOf('residentRecommendations', { site: SITE, resident: 'app-c0302' });
    await app.subscribeAsync(recommendations, { qos: 1 });
    await app.publishAsync(topicOf('residentProfile', { site: SITE, resident: 'app-c0302' }), JSON.stringify({ name: '王秀英', phone: '13912345678', building: 'C栋', household: 'elderly', interests: ['housekeeping'], consent: true, ts: Date.now() }), { qos: 1, retain: true });
    await expect.poll(() => received.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    const first = JSON.parse(received.at(-1)!) as { items: { service: string; reasons: unknown[] }[] };
    expect(first.items.map((item) => item.service)).toEqual(['day-care']);
    expect(first.items[0]!.reasons).toEqual([{ code: 'interest', category: 'housekeeping' }, { code: 'household', household: 'elderly' }, { code: 'same_building', building: 'C栋' }]);
    // Both stations publish; what they publish is the same bytes.
    await expect.poll(() => new Set(received).size === 1 && received.length >= 2, { timeout: 10_000 }).toBe(true);
    expect(a.services.publisher.message('app-c0302')).toEqual(b.services.publisher.message('app-c0302'));
    await app.endAsync();
  }, 30_000);
});
