import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../contract';
import type { Core } from '../core';
import { maskPerson } from '../events/mask';
import { connectClient, testCore, waitFor } from '../testing/harness';
import { startMosquitto, type Broker } from '../testing/mosquitto';
import { DOOR, PASSWORD, PERSONS, seedAccessEvents } from './testing/fixtures';

/**
 * The outbound feed for a district platform, over the real mosquitto: a
 * platform subscribed to vigil/v1/{site}/open/# receives each event once,
 * scoped to the classes IT chose, personal fields masked and never in full.
 */
let broker: Broker;
let core: Core;
let platform: MqttClient;
const received: { topic: string; payload: Buffer }[] = [];

beforeAll(async () => {
  broker = await startMosquitto();
  core = testCore({ site: { id: 'park', name: 'Park', brokers: [broker.url], demo: false }, station: 'desk-1' });
  await waitFor(() => !!core.link?.connected, 'the site link');
  platform = await mqtt.connectAsync(broker.url, { clientId: 'district-platform', protocolVersion: 5 });
  platform.on('message', (topic, payload) => received.push({ topic, payload }));
  await platform.subscribeAsync('vigil/v1/park/open/#', { qos: 1 });
  admin = connectClient(core);
  await admin.call('auth.setup', { username: 'admin', password: PASSWORD, displayName: 'Admin', station: 'desk-1' });
}, 30_000);

afterAll(async () => {
  await platform?.endAsync();
  await core?.close();
  await broker?.close();
});

let admin: CoreClient;
const queuedForFeed = () => (core.db.prepare("SELECT count(*) AS n FROM outbox WHERE topic LIKE 'vigil/v1/park/open/%'").get() as { n: number }).n;

describe('the outbound open-data feed', () => {
  it('publishes nothing while off, then each event once, masked, on vigil/v1/{site}/open/events', async () => {
    seedAccessEvents(core, Date.now() - 60_000);
    expect(core.openData.feed.sweep()).toBe(0);
    expect(queuedForFeed()).toBe(0);

    // Turned on, it follows from now: the events stored before are history, for an export.
    await admin.call('openData.setFeed', { enabled: true, kinds: ['events'], classes: ['public', 'internal', 'personal'] });
    const insert = core.db.prepare("INSERT INTO device_events (id, code, type, severity, at, received_at, zone, person, data) VALUES (?, ?, 'access_granted', 'info', ?, ?, NULL, ?, NULL)");
    const arrived = Date.now();
    PERSONS.forEach((person, n) => insert.run(`evt-feed-${String(n).padStart(6, '0')}`, DOOR, arrived - 5_000 + n, arrived, person));
    await waitFor(() => received.length >= PERSONS.length, 'the feed on the broker', 15_000);
    // A second sweep finds nothing new: each event goes out once.
    core.openData.feed.sweep();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(received).toHaveLength(PERSONS.length);
    expect(queuedForFeed()).toBe(PERSONS.length);

    expect(new Set(received.map((message) => message.topic))).toEqual(new Set(['vigil/v1/park/open/events']));
    const rows = received.map((message) => JSON.parse(message.payload.toString('utf8')) as Record<string, unknown>);
    expect(rows.map((row) => row.id)).toEqual(PERSONS.map((_, n) => `evt-feed-${String(n).padStart(6, '0')}`));
    expect(rows.map((row) => row.person)).toEqual(PERSONS.map(maskPerson));
    expect(rows[0]).toMatchObject({ code: DOOR, type: 'access_granted', deviceName: '北门, 1 号门禁', area: 'North' });
    // Not in any byte: a name, a card number, any person in full.
    const bytes = Buffer.concat(received.map((message) => message.payload)).toString('utf8');
    for (const secret of [...PERSONS, '张三丰', '12345678', '韩梅梅', 'Smith', '王小明']) expect(bytes).not.toContain(secret);
  }, 30_000);

  it('leaves out the fields outside its scope', async () => {
    await admin.call('openData.setFeed', { enabled: true, kinds: ['events'], classes: ['public'] });
    const before = received.length;
    core.db
      .prepare("INSERT INTO device_events (id, code, type, severity, at, received_at, zone, person, data) VALUES ('evt-feed-public-1', ?, 'access_denied', 'minor', ?, ?, '大堂', '张三丰', NULL)")
      .run(DOOR, Date.now(), Date.now());
    await waitFor(() => received.length > before, 'the public-only message', 15_000);
    const row = JSON.parse(received.at(-1)!.payload.toString('utf8')) as Record<string, unknown>;
    expect(row).toMatchObject({ id: 'evt-feed-public-1', type: 'access_denied' });
    expect(Object.keys(row)).not.toContain('person');
    expect(Object.keys(row)).not.toContain('zone');
  }, 30_000);

  it('publishes an alarm each time its state changes, on vigil/v1/{site}/open/alarms, who acted masked', async () => {
    await admin.call('openData.setFeed', { enabled: true, kinds: ['events', 'alarms'], classes: ['public', 'personal'] });
    const before = received.length;
    const upsert = core.db.prepare(
      "INSERT INTO alarms (id, source, type, severity, state, hlc, raised_at, updated_at, by, station, note, count, area) VALUES ('alarm-feed-0001', ?, 'door_forced', 'major', ?, '1795000000000:0000:desk', ?, ?, '张三丰', 'desk-1', NULL, 1, 'North') ON CONFLICT(id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
    );
    upsert.run(DOOR, 'new', Date.now(), Date.now());
    await waitFor(() => received.some((message) => message.topic.endsWith('/open/alarms')), 'the alarm on the feed', 15_000);
    upsert.run(DOOR, 'acknowledged', Date.now(), Date.now() + 1);
    await waitFor(() => received.filter((message) => message.topic.endsWith('/open/alarms')).length >= 2, 'its acknowledgement on the feed', 15_000);
    const alarms = received.slice(before).filter((message) => message.topic === 'vigil/v1/park/open/alarms').map((message) => JSON.parse(message.payload.toString('utf8')) as Record<string, unknown>);
    expect(alarms.map((alarm) => [alarm.id, alarm.state, alarm.by])).toEqual([
      ['alarm-feed-0001', 'new', '张**'],
      ['alarm-feed-0001', 'acknowledged', '张**'],
    ]);
    // Internal fields are outside this scope.
    expect(Object.keys(alarms[0]!)).not.toContain('station');
  }, 30_000);
});
