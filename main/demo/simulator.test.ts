import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { connectClient, testCore, waitFor } from '../testing/harness';
import { seedDemoCameraCredentials, startDemoSite, type DemoSite } from './site';
import { dayCurve } from './simulator';

let demo: DemoSite;
let core: Core;

beforeAll(async () => {
  // No random outages: the command tests need their door and zone online.
  demo = await startDemoSite({ statusChangesPerSecond: 0 });
  core = testCore({ site: { ...demo.site, brokers: [demo.brokerUrl], demo: true, protocolVersion: 4 } });
  await waitFor(() => core.registry.tree('x').total === demo.simulator.devices.length, 'the park to be registered');
}, 30_000);

afterAll(async () => {
  await core.close();
  await demo.stop();
});

describe('demo park simulator', () => {
  it('follows a day/night curve: busy at mid-morning, quiet at 3 a.m.', () => {
    expect(dayCurve(new Date(2026, 10, 25, 10, 30))).toBeGreaterThan(0.9);
    expect(dayCurve(new Date(2026, 10, 25, 3, 0))).toBeLessThan(0.25);
  });

  it('raises alarm-worthy events that the station stores once', async () => {
    const raised = await demo.simulator.raiseAlarm('intrusion');
    await expect
      .poll(() => core.db.prepare('SELECT code, type, severity FROM device_events WHERE id = ?').get(raised.id), { timeout: 5_000 })
      .toEqual({ code: raised.code, type: 'intrusion', severity: 'critical' });
  });

  it('answers a command to a door: accepted, then done', async () => {
    await core.auth.createUser({ username: 'duty', displayName: 'Duty', role: 'duty_officer', password: 'Gate-Keeper-2026' });
    const officer = connectClient(core);
    await officer.call('auth.signIn', { username: 'duty', password: 'Gate-Keeper-2026', station: 'desk' });
    const door = demo.simulator.devices.find((device) => device.kind === 'door')!;
    expect((await officer.call('devices.get', { code: door.code })).door).toBe('closed');
    const command = await officer.call('devices.command', { code: door.code, command: 'door.open', params: { seconds: 1, reason: 'visitor at reception' } });
    await expect.poll(async () => (await officer.call('devices.commands', { code: door.code, limit: 1 }))[0], { timeout: 5_000 }).toMatchObject({ id: command.id, status: 'done' });
    // The controller reports the door open, and closed again after the seconds asked for.
    await expect.poll(async () => (await officer.call('devices.get', { code: door.code })).door, { timeout: 5_000 }).toBe('open');
    await expect.poll(async () => (await officer.call('devices.get', { code: door.code })).door, { timeout: 5_000 }).toBe('closed');
  });

  it('arms, disarms and bypasses intrusion zones as a panel does', async () => {
    await core.auth.createUser({ username: 'zones', displayName: 'Zones', role: 'duty_officer', password: 'Zone-Keeper-2026' });
    const officer = connectClient(core);
    await officer.call('auth.signIn', { username: 'zones', password: 'Zone-Keeper-2026', station: 'desk' });
    const zone = demo.simulator.devices.find((device) => device.kind === 'alarm_input')!;
    expect((await officer.call('devices.get', { code: zone.code })).zone).toBe('armed');
    await officer.call('devices.command', { code: zone.code, command: 'zone.bypass', params: { reason: 'detector under repair' } });
    await expect.poll(async () => (await officer.call('devices.get', { code: zone.code })).zone, { timeout: 5_000 }).toBe('bypassed');
    await officer.call('devices.command', { code: zone.code, command: 'zone.disarm', params: { reason: 'cleaning crew' } });
    await expect.poll(async () => (await officer.call('devices.get', { code: zone.code })).zone, { timeout: 5_000 }).toBe('disarmed');
  });

  it('steers the perimeter cameras out of the box, with credentials that never leave the core', async () => {
    seedDemoCameraCredentials(core.cameras, demo.ptz);
    await core.auth.createUser({ username: 'ptz', displayName: 'PTZ', role: 'duty_officer', password: 'Pan-And-Tilt-2026' });
    const officer = connectClient(core);
    await officer.call('auth.signIn', { username: 'ptz', password: 'Pan-And-Tilt-2026', station: 'wall' });
    const perimeter = demo.simulator.devices.filter((device) => device.kind === 'camera').map((device) => device.code);
    expect(demo.ptz.cameras).toEqual(perimeter);
    expect(perimeter).toHaveLength(4);
    const camera = await officer.call('devices.get', { code: perimeter[0]! });
    expect(camera.onvif).toBe(demo.ptz.url);
    expect(JSON.stringify(camera)).not.toContain(demo.ptz.password);
    const presets = await officer.call('ptz.presets', { camera: camera.code });
    expect(presets.length).toBeGreaterThan(1);
    await officer.call('ptz.goto', { camera: camera.code, preset: presets[1]!.token });
    const ipc = demo.simulator.devices.find((device) => device.kind === 'ipc')!;
    expect((await officer.call('devices.get', { code: ipc.code })).onvif).toBeNull();
  });

  it("takes a building's devices offline with its gateway's last will, and back when it returns", async () => {
    const gateway = demo.simulator.devices.find((device) => device.kind === 'gateway')!;
    const behind = demo.simulator.devices.filter((device) => device.info.gateway === gateway.code).map((device) => device.code);
    expect(behind.length).toBeGreaterThan(10);
    await demo.simulator.dropGateway(gateway.code, 500);
    const statuses = () => core.db.prepare(`SELECT DISTINCT status FROM devices WHERE gateway = ? OR code = ?`).pluck().all(gateway.code, gateway.code);
    await expect.poll(statuses, { timeout: 5_000 }).toEqual(['offline']);
    await expect.poll(() => core.registry.get(gateway.code).status, { timeout: 5_000 }).toBe('online');
    await expect.poll(() => core.registry.get(behind[0]!).status, { timeout: 5_000 }).not.toBe('offline');
  });

  it('injects each fault, and the station quarantines each with its reason', async () => {
    const before = core.ingest.stats().totals.quarantined;
    for (const fault of ['garbage', 'bad-json', 'unknown-device', 'oversized', 'replay', 'bad-code'] as const) await demo.simulator.inject(fault);
    await expect.poll(() => core.ingest.stats().totals.quarantined - before, { timeout: 5_000 }).toBe(6);
    const kinds = core.ingest.stats().quarantineByKind.map((entry) => entry.kind);
    expect(kinds.sort()).toEqual(['device-code', 'json', 'oversized', 'replay', 'unknown-device']);
  });
});
