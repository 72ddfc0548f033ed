import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { testCore, waitFor } from '../testing/harness';
import { startMosquitto, type Broker, type MosquittoOptions } from '../testing/mosquitto';
import { topicOf } from './interface/topics';

/**
 * The broker restarts while events stream to a station. What the station
 * stores is always exactly once; what can be lost is only what a killed
 * broker had acknowledged to the publisher and not yet saved — counted apart
 * here: hundreds with mosquitto's default autosave, at most the messages of
 * the broker's last loop turn with the settings docs/site-interface.md
 * recommends (it acknowledges in the turn and saves at its end).
 */
/** What a broker saving after every change can still lose to a SIGKILL: the messages it acknowledged in the turn it was killed in. */
const LOST_IN_LAST_TURN = 2;
const SITE = 'park';
const DOOR = '32061201011400000001';
const EVENTS = 2000;

let broker: Broker | undefined;
let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  await broker?.close();
});

async function streamThrough(options: MosquittoOptions, restart: (broker: Broker) => Promise<void>) {
  broker = await startMosquitto(options);
  core = testCore({ site: { id: SITE, name: SITE, brokers: [broker.url], demo: false } });
  const station = core;
  await waitFor(() => !!station.link?.connected, 'the station to connect');
  const publisher = await mqtt.connectAsync(broker.url, {
    protocolVersion: 5,
    clientId: `gateway-${Date.now()}`,
    clean: false,
    reconnectPeriod: 100,
    properties: { sessionExpiryInterval: 600 },
  });
  await publisher.publishAsync(topicOf('deviceInfo', { site: SITE, code: DOOR }), JSON.stringify({ name: 'Gate', area: 'N', building: 'A', floor: '1F', ts: 1 }), { qos: 1, retain: true });
  await waitFor(() => station.registry.has(DOOR), 'the door to be registered');

  let acknowledged = 0;
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < EVENTS; i++) {
    const payload = JSON.stringify({ id: `entry-${String(i).padStart(8, '0')}`, type: 'access_granted', ts: Date.now() });
    pending.push(publisher.publishAsync(topicOf('deviceEvent', { site: SITE, code: DOOR }), payload, { qos: 1 }).then(() => acknowledged++));
    if (i === EVENTS / 2) await restart(broker);
    if (i % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await Promise.all(pending);
  const stored = () => station.db.prepare('SELECT count(*) FROM device_events').pluck().get() as number;
  await waitFor(() => stored() === EVENTS, 'every event to be stored', 15_000).catch(() => undefined);
  await publisher.endAsync();
  const distinct = station.db.prepare('SELECT count(DISTINCT id) FROM device_events').pluck().get() as number;
  return { acknowledged, stored: stored(), distinct, lostByBroker: acknowledged - stored() };
}

describe('broker restarts mid-stream', () => {
  it('SIGTERM: the broker saves its store, and every event is stored exactly once', async () => {
    const result = await streamThrough({}, (b) => b.restart());
    expect(result).toEqual({ acknowledged: EVENTS, stored: EVENTS, distinct: EVENTS, lostByBroker: 0 });
  }, 60_000);

  it("SIGKILL with autosave_on_changes: at most the broker's last loop turn is lost, nothing doubled", async () => {
    const result = await streamThrough({ autosaveOnChanges: true, autosaveInterval: 1 }, async (b) => {
      await b.kill();
      await b.restart();
    });
    expect(result.acknowledged).toBe(EVENTS);
    expect(result.distinct).toBe(result.stored);
    expect(result.lostByBroker).toBeLessThanOrEqual(LOST_IN_LAST_TURN);
  }, 60_000);

  it("SIGKILL with mosquitto's default autosave: what it loses is only what it had not saved, and nothing is doubled", async () => {
    const result = await streamThrough({ autosaveInterval: 1800 }, async (b) => {
      await b.kill();
      await b.restart();
    });
    console.log(`broker SIGKILL with autosave_interval 1800: ${result.lostByBroker} of ${EVENTS} acknowledged events lost by the broker`);
    expect(result.acknowledged).toBe(EVENTS);
    expect(result.distinct).toBe(result.stored);
    // How many it loses depends on where the kill falls: it lost its queue and the station's session, so what was
    // published until the station subscribed again went to nobody. Never more than was published, never twice.
    expect(result.stored).toBeLessThanOrEqual(EVENTS);
  }, 60_000);
});

describe('the broker stops as the station publishes', () => {
  it('what the station shared in the moment the broker went away is confirmed after it returns, every time', async () => {
    broker = await startMosquitto({ autosaveOnChanges: true, autosaveInterval: 1 });
    core = testCore({ site: { id: SITE, name: SITE, brokers: [broker.url], demo: false } });
    const station = core;
    await waitFor(() => !!station.link?.connected, 'the station to connect');
    const stateOf = station.db.prepare<[string], string>('SELECT state FROM outbox WHERE id = ?').pluck();
    // The station learns of the broker's end a moment after it comes; a share made in that moment goes out on a
    // connection already gone, and its confirmation never comes. Each round shares at another moment of the stop.
    for (let round = 0; round < 6; round++) {
      const stopping = broker.stop();
      await new Promise((resolve) => setTimeout(resolve, round * 2));
      station.db.transaction(() => station.outbox.add({ id: `share-${round}`, topic: `vigil/v1/${SITE}/notices/n-${round}`, payload: '{}', qos: 1, retain: true }))();
      await stopping;
      await broker.restart();
      await waitFor(() => stateOf.get(`share-${round}`) === 'delivered', `share ${round} to be confirmed by the broker`);
    }
  }, 120_000);
});
