import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { topicOf } from '../site-link/interface/topics';
import { connectClient, testCore, waitFor } from '../testing/harness';
import { startMosquitto, type Broker } from '../testing/mosquitto';

/** A command's round trip over a real broker, MQTT 5 request/response as the interface specifies. */
const SITE = 'park';
const DOOR = '32061201011400000001';
let broker: Broker;
let core: Core;

beforeAll(async () => {
  broker = await startMosquitto();
  core = testCore({ site: { id: SITE, name: SITE, brokers: [broker.url], demo: false } });
  const station = core;
  await waitFor(() => !!station.link?.connected, 'the station to connect');
}, 30_000);

afterAll(async () => {
  await core?.close();
  await broker?.close();
});

describe('a command to a door', () => {
  it('reaches the device with its response topic, correlation data and expiry, and its answers come back', async () => {
    const door = await mqtt.connectAsync(broker.url, { protocolVersion: 5, clientId: 'door-controller' });
    await door.publishAsync(topicOf('deviceInfo', { site: SITE, code: DOOR }), JSON.stringify({ name: 'Main gate', area: 'N', building: 'A', floor: '1F', ts: 1 }), { qos: 1, retain: true });
    await door.publishAsync(topicOf('deviceState', { site: SITE, code: DOOR }), JSON.stringify({ status: 'online', door: 'closed', ts: Date.now() }), { qos: 1, retain: true });
    const received: { payload: { id: string; expiresAt: number }; responseTopic?: string; correlation?: string; expiry?: number }[] = [];
    door.on('message', (_topic, payload, packet) => {
      const request = { payload: JSON.parse(payload.toString()) as { id: string; expiresAt: number }, responseTopic: packet.properties?.responseTopic, correlation: packet.properties?.correlationData?.toString(), expiry: packet.properties?.messageExpiryInterval };
      received.push(request);
      for (const status of ['accepted', 'done']) {
        door.publish(request.responseTopic!, JSON.stringify({ id: request.payload.id, status, ts: Date.now() }), { qos: 1, properties: { correlationData: packet.properties?.correlationData } });
      }
    });
    await door.subscribeAsync(topicOf('command', { site: SITE, code: DOOR }), { qos: 1 });
    await waitFor(() => core.registry.has(DOOR) && core.registry.get(DOOR).status === 'online', 'the door to be registered and online');
    expect(core.registry.get(DOOR)).toMatchObject({ door: 'closed', zone: null });

    const officer = connectClient(core);
    await core.auth.createUser({ username: 'duty', displayName: 'Duty', role: 'duty_officer', password: 'Gate-Keeper-2026' });
    await officer.call('auth.signIn', { username: 'duty', password: 'Gate-Keeper-2026', station: 'desk' });
    // A door opens from the control room only with a reason.
    await expect(officer.call('devices.command', { code: DOOR, command: 'door.open', params: { seconds: 5 } })).rejects.toMatchObject({ code: 'invalid_input', message: 'door.open needs a reason' });
    await expect(officer.call('devices.command', { code: DOOR, command: 'zone.arm' })).rejects.toMatchObject({ code: 'invalid_input' });
    const command = await officer.call('devices.command', { code: DOOR, command: 'door.open', params: { seconds: 5, reason: 'delivery at the gate' }, ttlSeconds: 20 });

    await expect.poll(async () => (await officer.call('devices.commands', { code: DOOR, limit: 1 }))[0]!.status, { timeout: 5_000 }).toBe('done');
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      payload: { id: command.id, expiresAt: command.expiresAt },
      responseTopic: topicOf('commandAck', { site: SITE, code: DOOR }),
      correlation: command.id,
    });
    expect(received[0]!.expiry).toBeGreaterThan(15);
    expect(received[0]!.expiry).toBeLessThanOrEqual(20);
    expect(core.audit.list({ limit: 1, action: 'devices.command' })[0]).toMatchObject({ actor: 'duty', target: DOOR, outcome: 'ok' });

    // The controller reports the door open, then goes offline: a remote open is refused, saying why.
    await door.publishAsync(topicOf('deviceState', { site: SITE, code: DOOR }), JSON.stringify({ status: 'online', door: 'open', ts: Date.now() }), { qos: 1, retain: true });
    await waitFor(() => core.registry.get(DOOR).door === 'open', 'the door open');
    await door.publishAsync(topicOf('deviceState', { site: SITE, code: DOOR }), JSON.stringify({ status: 'offline', ts: Date.now() + 1 }), { qos: 1, retain: true });
    await waitFor(() => core.registry.get(DOOR).status === 'offline', 'the door offline');
    await expect(officer.call('devices.command', { code: DOOR, command: 'door.open', params: { reason: 'again' } })).rejects.toMatchObject({
      code: 'device_offline',
      message: 'Main gate is offline: the command cannot reach it; send someone instead',
    });
    expect(received).toHaveLength(1);
    await door.endAsync();
  });
});
