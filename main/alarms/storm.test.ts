import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { topicOf } from '../site-link/interface/topics';
import { connectClient, testCore, waitFor } from '../testing/harness';
import { startMosquitto, type Broker } from '../testing/mosquitto';

/** An alarm storm as the issue sets it: 500 alarms a second for 30 s, over a real broker into a station. */
const SITE = 'storm';
const RATE = 500;
const SECONDS = 30;
const ALARMS = RATE * SECONDS;
const TYPES = ['intrusion', 'smoke', 'tamper', 'water_leak', 'door_held_open'];
const sensorOf = (n: number) => `3206120101134${String(n + 1).padStart(7, '0')}`;
let broker: Broker;
let core: Core;

beforeAll(async () => {
  broker = await startMosquitto();
  core = testCore({ site: { id: SITE, name: SITE, brokers: [broker.url], demo: false } });
  await waitFor(() => !!core.link?.connected, 'the station to connect');
}, 30_000);

afterAll(async () => {
  await core?.close();
  await broker?.close();
});

describe('an alarm storm', () => {
  it('of 500 alarms a second for 30 s loses nothing: every event stored, every alarm raised, every window told', async () => {
    const site = await mqtt.connectAsync(broker.url, { clientId: 'storm-site' });
    // Each alarm from a sensor of its own, so none folds into another and every one must arrive as an alarm.
    for (let n = 0; n < ALARMS; n += 1000) {
      await Promise.all(
        Array.from({ length: 1000 }, (_, i) =>
          site.publishAsync(topicOf('deviceInfo', { site: SITE, code: sensorOf(n + i) }), JSON.stringify({ name: `Sensor ${n + i}`, area: `Area ${(n + i) % 15}`, building: 'B', floor: '1F', ts: 1 }), { qos: 1, retain: true }),
        ),
      );
    }
    await waitFor(() => core.registry.list({ kind: 'alarm_input', limit: 1, offset: 0 }).total === ALARMS, 'the sensors to be registered', 30_000);

    const window = connectClient(core);
    await window.call('auth.setup', { username: 'storm', displayName: 'Storm', password: 'Duty-Window-2026', station: 'desk' });
    const told = new Set<string>();
    window.on('alarms.changed', ({ ids }) => ids.forEach((id) => told.add(id)));

    const started = Date.now();
    for (let n = 0; n < ALARMS; n += RATE / 50) {
      const due = started + (n / RATE) * 1000;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      for (let i = n; i < n + RATE / 50; i++) {
        void site.publishAsync(topicOf('deviceEvent', { site: SITE, code: sensorOf(i) }), JSON.stringify({ id: `storm-${String(i).padStart(8, '0')}`, type: TYPES[i % TYPES.length], ts: Date.now() }), { qos: 1 });
      }
    }
    const count = (sql: string) => (core.db.prepare(sql).get() as { n: number }).n;
    await waitFor(() => count("SELECT count(*) AS n FROM alarms WHERE id LIKE 'storm-%'") === ALARMS, 'every alarm raised', 30_000);
    expect(count("SELECT count(*) AS n FROM device_events WHERE id LIKE 'storm-%'")).toBe(ALARMS);
    await waitFor(() => told.size >= ALARMS, 'the window told of every alarm', 10_000);
    const page = await window.call('alarms.list', { limit: 5000 });
    expect(page).toHaveLength(5000);
    await site.endAsync();
    window.close();
  }, 120_000);
});
