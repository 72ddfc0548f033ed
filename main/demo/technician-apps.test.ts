import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { connectClient, testCore } from '../testing/harness';
import { startMosquitto, type Broker } from '../testing/mosquitto';
import { DemoTechnicianApps } from './technician-apps';

const SITE = 'demo-park';
let broker: Broker | null = null;
let core: Core | null = null;
let apps: DemoTechnicianApps | null = null;
afterEach(async () => {
  await apps?.stop();
  await core?.close();
  await broker?.close();
  [apps, core, broker] = [null, null, null];
});

describe("the demo's technicians on their phones", () => {
  it('accept, start and complete the orders given to them over the site interface, and leave the others alone', async () => {
    broker = await startMosquitto();
    core = testCore({ site: { id: SITE, name: SITE, brokers: [broker.url], demo: false } });
    apps = new DemoTechnicianApps(broker.url, SITE, ['wangwu'], 0.005);
    await apps.start();
    await core.auth.createUser({ username: 'manager', displayName: 'Manager', role: 'property_manager', password: 'Hand-It-Over-2026' });
    const manager = connectClient(core);
    await manager.call('auth.signIn', { username: 'manager', password: 'Hand-It-Over-2026', station: 'desk' });
    const place = { building: 'B栋 办公楼', floor: '3F' };
    const theirs = await manager.call('orders.create', { title: '会议室空调不制热', category: 'hvac', priority: 'normal', place });
    const mine = await manager.call('orders.create', { title: '走廊灯不亮', category: 'electrical', priority: 'low', place });
    await manager.call('orders.assign', { id: theirs.id, technician: 'wangwu' });
    await manager.call('orders.assign', { id: mine.id, technician: 'tech' });
    await expect.poll(async () => (await manager.call('orders.get', { id: theirs.id })).state, { timeout: 10_000 }).toBe('completed');
    const done = await manager.call('orders.get', { id: theirs.id });
    expect(done.timeline.map((line) => `${line.action}:${line.by}:${line.via}`)).toEqual(['create:manager:station', 'assign:manager:station', 'accept:wangwu:app', 'start:wangwu:app', 'complete:wangwu:app']);
    expect((await manager.call('orders.get', { id: mine.id })).state).toBe('assigned');
  }, 30_000);
});
