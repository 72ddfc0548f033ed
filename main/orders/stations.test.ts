import mqtt from 'mqtt';
import { describe, expect, it } from 'vitest';
import type { CoreClient } from '../contract';
import { topicOf } from '../site-link/interface/topics';
import { stationsOnBroker } from '../testing/stations';

/**
 * Two stations of one site on a real broker work the same repair order —
 * one of them killed for a while, a technician's app acting meanwhile — and
 * end holding the same order, step for step.
 */
const SITE = 'park';
const LEAK_SENSOR = '32061201011340000011';
const ADMIN = { username: 'admin', password: 'Two-Stations-2026', displayName: 'Admin' };


const { station, brokerUrl } = stationsOnBroker(SITE, ['a', 'b'], ADMIN);

/** What a station holds of an order: every step with who, when, and whether it counted. */
const held = async (client: CoreClient, id: string) => {
  const order = await client.call('orders.get', { id }).catch(() => null);
  return order && JSON.stringify({ state: order.state, assignee: order.assignee, rating: order.rating, escalated: order.escalated, timeline: order.timeline });
};

describe('a repair order at two stations', () => {
  it('ends the same at both after concurrent assignments, an outage and a technician working from the app', async () => {
    const a = await station('a');
    let b = await station('b');
    const site = await mqtt.connectAsync(brokerUrl(), { protocolVersion: 5, clientId: 'site-apps' });
    await site.publishAsync(topicOf('deviceInfo', { site: SITE, code: LEAK_SENSOR }), JSON.stringify({ name: 'B1 水泵房水浸', area: 'N', building: 'A栋', floor: 'B1', ts: 1 }), { qos: 1, retain: true });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await site.publishAsync(topicOf('deviceEvent', { site: SITE, code: LEAK_SENSOR }), JSON.stringify({ id: 'leak-pump-room-0001', type: 'water_leak', ts: Date.now() }), { qos: 1 });
    const id = 'a-leak-pump-room-0001';
    // Both stations raise the alarm and open the same order from it.
    await expect.poll(() => held(a.client, id), { timeout: 10_000 }).not.toBeNull();
    await expect.poll(() => held(b.client, id), { timeout: 10_000 }).not.toBeNull();

    // Both assign at once, to different technicians: the later clock stands at both.
    await Promise.all([a.client.call('orders.assign', { id, technician: 'zhaolei' }), b.client.call('orders.assign', { id, technician: 'wangwu' })]);
    await expect.poll(async () => (await held(a.client, id)) === (await held(b.client, id)), { timeout: 10_000 }).toBe(true);
    await a.client.call('orders.assign', { id, technician: 'zhaolei' });

    // b dies; the technician works the order from his app, and a notes it.
    await b.process.kill('SIGKILL');
    const update = (n: number, body: Record<string, unknown>) =>
      site.publishAsync(topicOf('orderUpdate', { site: SITE, order: id }), JSON.stringify({ id: `tech-app-${String(n).padStart(4, '0')}`, by: 'zhaolei', ts: Date.now(), ...body }), { qos: 1 });
    await expect.poll(async () => JSON.parse((await held(a.client, id))!).assignee, { timeout: 10_000 }).toBe('zhaolei');
    await update(1, { action: 'accept' });
    await update(2, { action: 'start' });
    await a.client.call('orders.note', { id, text: '已关闭总阀，等待维修' });
    await update(3, { action: 'complete', text: '更换破裂的水管' });
    await expect.poll(async () => JSON.parse((await held(a.client, id))!).state, { timeout: 10_000 }).toBe('completed');

    // b comes back, learns all of it, and records the resident's confirmation.
    b = await station('b');
    await expect.poll(async () => JSON.parse((await held(b.client, id)) ?? '{}').state, { timeout: 15_000 }).toBe('completed');
    await b.client.call('orders.resident', { id, action: 'confirm', rating: 4, text: '电话回访' });
    await expect.poll(async () => (await held(a.client, id)) === (await held(b.client, id)), { timeout: 10_000 }).toBe(true);
    const final = JSON.parse((await held(a.client, id))!);
    expect(final).toMatchObject({ state: 'closed', assignee: 'zhaolei', rating: 4 });
    expect(final.timeline.filter((line: { applied: boolean }) => line.applied).map((line: { action: string }) => line.action)).toEqual(['create', 'assign', 'assign', 'assign', 'accept', 'start', 'note', 'complete', 'confirm']);
    await site.endAsync();
    a.client.close();
    b.client.close();
  }, 90_000);
});
