import BetterSqlite3 from 'better-sqlite3';
import mqtt, { type MqttClient } from 'mqtt';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, waitFor } from '../testing/harness';
import { startMosquitto, type Broker } from '../testing/mosquitto';
import { openClient, startStationProcess, type StationProcess } from '../testing/station';
import { topicOf } from './interface/topics';
import { FOLD_WINDOW_MS } from '../contract';

/**
 * The promise of the site link, against a real mosquitto: SIGKILL the core
 * twenty times while events stream in, and every QoS 1 event published is
 * stored exactly once, the database is intact, and every officer action
 * taken in between reaches the site.
 */
const SITE = 'park';
const DOOR = '32061201011400000001';
const SENSOR = '32061201011340000002';
const EVENTS = 4000;
const CYCLES = 20;
const ADMIN = { username: 'admin', password: 'Crash-Test-2026', displayName: 'Admin' };

let broker: Broker;
let publisher: MqttClient;
const dataDir = tempDir('vigil-crash-');
const database = path.join(dataDir, 'vigil.db');

beforeAll(async () => {
  // Settings the site docs recommend: no queue limit, and the store saved on every change.
  broker = await startMosquitto({ maxQueuedMessages: 0, autosaveOnChanges: true, autosaveInterval: 1 });
  publisher = await mqtt.connectAsync(broker.url, { protocolVersion: 5, clientId: 'crash-publisher' });
  for (const [code, name] of [[DOOR, 'Gate'], [SENSOR, 'Fence']] as const) {
    await publisher.publishAsync(topicOf('deviceInfo', { site: SITE, code }), JSON.stringify({ name, area: 'N', building: 'A', floor: '1F', ts: 1 }), { qos: 1, retain: true });
  }
}, 30_000);

afterAll(async () => {
  await publisher?.endAsync();
  await broker?.close();
});

function count(sql: string): number {
  const db = new BetterSqlite3(database, { readonly: true });
  try {
    return (db.prepare(sql).pluck().get() as number) ?? 0;
  } finally {
    db.close();
  }
}

describe('lossless ingest and outbox', () => {
  it(`stores every QoS 1 event exactly once across ${CYCLES} SIGKILLs of the core`, async () => {
    const start = () => startStationProcess({ dataDir, broker: broker.url, site: SITE, station: 'crash-desk' });
    // The first start creates the station's persistent session; from then on the broker queues for it.
    let station: StationProcess = await start();
    const first = await openClient(station.url);
    await first.call('auth.setup', { ...ADMIN, station: 'crash' });
    await waitFor(() => count(`SELECT count(*) FROM devices WHERE info_at > 0`) === 2, 'the devices to be registered', 20_000);

    // Alarm-worthy events, so there is something to act on in each life of the core.
    const alarmIds: string[] = [];
    let published = 0;
    /** The life of the core now running: the stream keeps pace with the kills however long a start takes. */
    let cycleNow = 0;
    const streaming = (async () => {
      for (let i = 0; i < EVENTS; i++) {
        const alarm = i % 200 === 0;
        const id = `${alarm ? 'alarm' : 'entry'}-${String(i).padStart(8, '0')}`;
        if (alarm) alarmIds.push(id);
        // Alarm events a fold window apart, so each is an alarm of its own rather than a repeat of the last.
        const payload = alarm ? { id, type: 'intrusion', ts: Date.now() - ((EVENTS - i) / 200) * (FOLD_WINDOW_MS + 1000) } : { id, type: 'access_granted', ts: Date.now(), person: `card ${i}` };
        await publisher.publishAsync(topicOf('deviceEvent', { site: SITE, code: alarm ? SENSOR : DOOR }), JSON.stringify(payload), { qos: 1 });
        published++;
        // About 200 events a second, and never more than a life's share ahead of the kills, so the stream spans them all.
        if (i % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 25));
        while (cycleNow < CYCLES && i >= ((cycleNow + 1) * EVENTS) / CYCLES) await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();

    const acted: string[] = [];
    let killedMidStream = 0;
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      cycleNow = cycle;
      if (cycle > 0) station = await start();
      // An officer acknowledges an alarm this life of the core has seen, then the core dies.
      try {
        const client = await openClient(station.url);
        await client.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password, station: 'crash' });
        const [alarm] = await client.call('alarms.list', { states: ['new'], limit: 1 });
        if (alarm) {
          await client.call('alarms.act', { id: alarm.id, action: 'acknowledge' });
          acted.push(alarm.id);
        }
        client.close();
      } catch {
        // The core may die under the call on a fast cycle; that action was not taken.
      }
      await new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 600));
      if (published < EVENTS) killedMidStream++;
      await station.kill('SIGKILL');
    }
    cycleNow = CYCLES;
    await streaming;
    expect(published).toBe(EVENTS);
    expect(acted.length).toBeGreaterThan(CYCLES / 2);
    expect(killedMidStream).toBeGreaterThanOrEqual(CYCLES / 2);

    station = await start();
    const subscriber = await mqtt.connectAsync(broker.url, { protocolVersion: 5, clientId: 'crash-observer' });
    const seen = new Map<string, string>();
    subscriber.on('message', (_topic, payload) => {
      const record = JSON.parse(payload.toString()) as { id: string; state: string };
      seen.set(record.id, record.state);
    });
    await subscriber.subscribeAsync(`vigil/v1/${SITE}/alarms/+`, { qos: 1 });
    await waitFor(() => count('SELECT count(*) FROM device_events') === EVENTS, `all ${EVENTS} events to be stored`, 60_000).catch(() => undefined);
    await waitFor(() => count(`SELECT count(*) FROM outbox WHERE state = 'pending'`) === 0, 'the outbox to drain', 30_000).catch(() => undefined);
    await station.kill('SIGTERM');
    await subscriber.endAsync();

    expect(count('SELECT count(*) FROM device_events')).toBe(EVENTS);
    expect(count('SELECT count(DISTINCT id) FROM device_events')).toBe(EVENTS);
    expect(count(`SELECT count(*) FROM device_events WHERE id LIKE 'alarm-%'`)).toBe(alarmIds.length);
    const db = new BetterSqlite3(database, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    // Every acknowledgement taken before a crash reached the site as the alarm's retained state.
    expect(count(`SELECT count(*) FROM outbox WHERE state = 'pending'`)).toBe(0);
    for (const id of acted) expect(seen.get(id)).toBe('acknowledged');
  }, 240_000);
});
