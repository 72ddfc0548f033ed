import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { connectClient, testCore } from '../testing/harness';

const ADMIN = { username: 'admin', password: 'Plan-Placer-2026', displayName: 'Admin' };
const SENSOR = '32061201011340000001';
let core: Core;

beforeAll(async () => {
  core = testCore();
  core.registry.applyInfo({ code: SENSOR, name: 'Fence', area: 'N', building: 'A', floor: '1F', vendor: 'T', model: 'T', streams: [], at: 1 });
  await connectClient(core).call('auth.setup', { ...ADMIN, station: 'desk' });
});
afterAll(async () => {
  await core?.close();
});

describe('placing a device', () => {
  it('saves the position, audits it, and tells every window', async () => {
    const [placer, watcher] = [connectClient(core), connectClient(core)];
    for (const client of [placer, watcher]) await client.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password, station: 'desk' });
    const heard: string[][] = [];
    watcher.on('devices.changed', ({ codes }) => heard.push(codes));
    await placer.call('devices.place', { code: SENSOR, x: 0.25, y: 0.75 });
    expect(await watcher.call('devices.get', { code: SENSOR })).toMatchObject({ x: 0.25, y: 0.75 });
    await expect.poll(() => heard.flat()).toContain(SENSOR);
    expect(core.audit.list({ limit: 1, action: 'devices.place' })[0]).toMatchObject({ actor: 'admin', outcome: 'ok' });
    await expect(placer.call('devices.place', { code: SENSOR, x: 1.5, y: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
