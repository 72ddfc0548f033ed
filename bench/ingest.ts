import mqtt from 'mqtt';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Core } from '../main/core';
import { topicOf } from '../main/site-link/interface/topics';
import { tempDir, testCore, waitFor } from '../main/testing/harness';
import { mosquittoSub, startMosquitto, type Broker } from '../main/testing/mosquitto';
import { alarmToWindow } from './alarm-to-window';
import type { Report } from './report';

const SITE = 'bench';
const DOOR = '32061201011400000001';
const EVENTS = 60_000;
// The broker settings docs/site-interface.md recommends for a site.
const BROKER = { maxQueuedMessages: 0, maxInflightMessages: 1000, autosaveOnChanges: false, autosaveInterval: 60, extraConfig: ['set_tcp_nodelay true'] };

/** Publishes `count` QoS 1 events as fast as the broker takes them. */
async function publishEvents(broker: Broker, count: number, prefix: string): Promise<void> {
  const publisher = await mqtt.connectAsync(broker.url, { protocolVersion: 5, clientId: `bench-gateway-${prefix}` });
  const topic = topicOf('deviceEvent', { site: SITE, code: DOOR });
  for (let i = 0; i < count; i += 1000) {
    await Promise.all(
      Array.from({ length: Math.min(1000, count - i) }, (_, k) =>
        publisher.publishAsync(topic, JSON.stringify({ id: `${prefix}-${String(i + k).padStart(8, '0')}`, type: 'access_granted', ts: Date.now(), person: 'card 0001' }), { qos: 1 }),
      ),
    );
  }
  await publisher.endAsync();
}

const storedEvents = (core: Core) => core.db.prepare('SELECT count(*) FROM device_events').pluck().get() as number;

/**
 * Sustained QoS 1 ingest: the events wait in the broker for the station's
 * persistent session, then the station drains them into SQLite and its live
 * state. The reference is mosquitto_sub draining the same queue the same way.
 */
async function stationDrain(broker: Broker): Promise<{ perSecond: number; lagP99Ms: number }> {
  const dataDir = tempDir('vigil-bench-ingest-');
  const site = { id: SITE, name: SITE, brokers: [broker.url], demo: false };
  let core = testCore({ dataDir, site, checkOutputs: false });
  const first = core;
  await waitFor(() => !!first.link?.connected, 'the station to connect');
  const gateway = await mqtt.connectAsync(broker.url, { protocolVersion: 5, clientId: 'bench-registrar' });
  await gateway.publishAsync(topicOf('deviceInfo', { site: SITE, code: DOOR }), JSON.stringify({ name: 'Gate', area: 'N', building: 'A', floor: '1F', ts: 1 }), { qos: 1, retain: true });
  await gateway.endAsync();
  await waitFor(() => first.registry.has(DOOR), 'the door to be registered');
  await core.close();

  await publishEvents(broker, EVENTS, 'station');
  const lag = monitorEventLoopDelay({ resolution: 1 });
  const started = performance.now();
  core = testCore({ dataDir, site, checkOutputs: false });
  lag.enable();
  const draining = core;
  await waitFor(() => storedEvents(draining) >= EVENTS, `${EVENTS} events to be stored`, 120_000);
  const seconds = (performance.now() - started) / 1000;
  lag.disable();
  if (storedEvents(core) !== EVENTS) throw new Error(`stored ${storedEvents(core)} events, published ${EVENTS}`);
  await core.close();
  return { perSecond: EVENTS / seconds, lagP99Ms: lag.percentile(99) / 1e6 };
}

async function mosquittoSubDrain(broker: Broker): Promise<number> {
  const topic = `vigil/v1/${SITE}/devices/+/events`;
  const clientId = 'bench-reference';
  await (await mosquittoSub(broker, { topic, clientId, clean: false })).stop();
  await publishEvents(broker, EVENTS, 'reference');
  const started = performance.now();
  const subscriber = await mosquittoSub(broker, { topic, clientId, clean: false });
  await subscriber.waitFor(EVENTS, 120_000);
  const seconds = (performance.now() - started) / 1000;
  await subscriber.stop();
  return EVENTS / seconds;
}

export async function ingest(report: Report): Promise<void> {
  const broker = await startMosquitto(BROKER);
  try {
    const station = await stationDrain(broker);
    const reference = await mosquittoSubDrain(broker);
    report.add('qos1_msgs_per_s', station.perSecond, 'msg/s', 'higher', 20_000);
    report.add('mosquitto_sub_msgs_per_s', reference, 'msg/s', 'higher');
    report.add('ratio_to_mosquitto_sub', station.perSecond / reference, 'ratio', 'higher', 0.5);
    report.add('loop_lag_p99_ms', station.lagP99Ms, 'ms', 'lower', 20);
    const latency = await alarmToWindow(broker);
    report.add('alarm_to_window_p50_ms', latency.p50, 'ms', 'lower', 30);
    report.add('alarm_to_window_p99_ms', latency.p99, 'ms', 'lower', 100);
  } finally {
    await broker.close();
  }
}
