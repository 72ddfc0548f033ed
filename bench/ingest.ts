import mqtt from 'mqtt';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Core } from '../main/core';
import { RECEIVE_MAXIMUM } from '../main/site-link/link';
import { topicOf } from '../main/site-link/interface/topics';
import { tempDir, testCore, waitFor } from '../main/testing/harness';
import { startMosquitto, type Broker } from '../main/testing/mosquitto';
import { alarmToWindow } from './alarm-to-window';
import { median, type Report } from './report';

const SITE = 'bench';
/** The reference drains a site of its own, so neither's queue holds the other's events. */
const REFERENCE_SITE = 'bench-reference';
const DOOR = '32061201011400000001';
const EVENTS = 60_000;
const ROUNDS = 3;
const REFERENCE_TOPIC = `vigil/v1/${REFERENCE_SITE}/devices/+/events`;
const MOSQUITTO_SUB = '/usr/bin/mosquitto_sub';
// The broker settings docs/site-interface.md recommends for a site.
const BROKER = { maxQueuedMessages: 0, maxInflightMessages: 1000, autosaveOnChanges: false, autosaveInterval: 60, extraConfig: ['set_tcp_nodelay true'] };

/** Publishes `count` QoS 1 events as fast as the broker takes them. */
async function publishEvents(broker: Broker, site: string, count: number, prefix: string): Promise<void> {
  const publisher = await mqtt.connectAsync(broker.url, { protocolVersion: 5, clientId: `bench-gateway-${prefix}` });
  const topic = topicOf('deviceEvent', { site, code: DOOR });
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

type Station = { dataDir: string; site: { id: string; name: string; brokers: string[]; demo: false } };

/** A station whose persistent session holds the subscription, and which knows the door, then goes away. */
async function prepareStation(broker: Broker): Promise<Station> {
  const station: Station = { dataDir: tempDir('vigil-bench-ingest-'), site: { id: SITE, name: SITE, brokers: [broker.url], demo: false } };
  const core = testCore({ ...station, checkOutputs: false });
  await waitFor(() => !!core.link?.connected, 'the station to connect');
  const gateway = await mqtt.connectAsync(broker.url, { protocolVersion: 5, clientId: 'bench-registrar' });
  await gateway.publishAsync(topicOf('deviceInfo', { site: SITE, code: DOOR }), JSON.stringify({ name: 'Gate', area: 'N', building: 'A', floor: '1F', ts: 1 }), { qos: 1, retain: true });
  await gateway.endAsync();
  await waitFor(() => core.registry.has(DOOR), 'the door to be registered');
  await core.close();
  return station;
}

/**
 * The station's side: 60 000 QoS 1 events wait in the broker for its
 * persistent session; from starting the station to the last one committed
 * to SQLite and its live state. The event-loop lag is the core's, which
 * runs in this process.
 */
async function stationDrain(broker: Broker, station: Station, round: number): Promise<{ perSecond: number; lagP99Ms: number }> {
  await publishEvents(broker, SITE, EVENTS, `station-${round}`);
  const lag = monitorEventLoopDelay({ resolution: 1 });
  const before = round * EVENTS;
  const started = performance.now();
  const core = testCore({ ...station, checkOutputs: false });
  lag.enable();
  await waitFor(() => storedEvents(core) >= before + EVENTS, `${EVENTS} events to be stored`, 120_000);
  const seconds = (performance.now() - started) / 1000;
  lag.disable();
  const stored = storedEvents(core) - before;
  await core.close();
  if (stored !== EVENTS) throw new Error(`stored ${stored} events, published ${EVENTS}`);
  return { perSecond: EVENTS / seconds, lagP99Ms: lag.percentile(99) / 1e6 };
}

/** Runs mosquitto_sub to its exit, output to /dev/null; resolves with the milliseconds it took. */
function runMosquittoSub(broker: Broker, args: string[]): Promise<number> {
  const output = fs.openSync('/dev/null', 'w');
  const started = performance.now();
  const child = spawn(MOSQUITTO_SUB, ['-h', '127.0.0.1', '-p', String(broker.port), '-V', 'mqttv5', ...args], { stdio: ['ignore', output, 'pipe'] });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.once('exit', (code, signal) => {
      const elapsed = performance.now() - started;
      clearTimeout(timer);
      fs.closeSync(output);
      if (code === 0) resolve(elapsed);
      else reject(new Error(`mosquitto_sub ${args.join(' ')} ended with ${code ?? signal}: ${errors}`));
    });
  });
}

/**
 * The reference: mosquitto_sub draining the same queue of the same broker
 * as a persistent session with the station's receive maximum, its payloads
 * written to /dev/null, from its start to its exit after the last event.
 */
async function mosquittoSubDrain(broker: Broker, clientId: string, round: number): Promise<number> {
  const session = ['-i', clientId, '-c', '-x', '3600', '-q', '1', '-t', REFERENCE_TOPIC];
  if (round === 0) await runMosquittoSub(broker, [...session, '-E']); // the session and its subscription, before anything is queued
  await publishEvents(broker, REFERENCE_SITE, EVENTS, `reference-${round}`);
  const ms = await runMosquittoSub(broker, [...session, '-C', String(EVENTS), '-D', 'connect', 'receive-maximum', String(RECEIVE_MAXIMUM), '-N']);
  return EVENTS / (ms / 1000);
}

export async function ingest(report: Report): Promise<void> {
  const broker = await startMosquitto(BROKER);
  try {
    const station = await prepareStation(broker);
    const stationRuns: { perSecond: number; lagP99Ms: number }[] = [];
    const referenceRuns: number[] = [];
    // Alternating which goes first, so neither always drains a broker the other has just warmed.
    for (let round = 0; round < ROUNDS; round++) {
      const drainStation = async () => stationRuns.push(await stationDrain(broker, station, round));
      const drainReference = async () => referenceRuns.push(await mosquittoSubDrain(broker, 'bench-reference', round));
      for (const drain of round % 2 ? [drainReference, drainStation] : [drainStation, drainReference]) await drain();
      console.error(`ingest: round ${round + 1}: station ${Math.round(stationRuns[round]!.perSecond)} msg/s, mosquitto_sub ${Math.round(referenceRuns[round]!)} msg/s`);
    }
    const rates = stationRuns.map((run) => run.perSecond);
    const ratios = rates.map((rate, round) => rate / referenceRuns[round]!);
    report.add('qos1_msgs_per_s', median(rates), 'msg/s', 'higher', 20_000, rates);
    report.add('mosquitto_sub_msgs_per_s', median(referenceRuns), 'msg/s', 'higher', undefined, referenceRuns);
    report.add('ratio_to_mosquitto_sub', median(ratios), 'ratio', 'higher', 0.5, ratios);
    report.add('loop_lag_p99_ms', Math.max(...stationRuns.map((run) => run.lagP99Ms)), 'ms', 'lower', 20, stationRuns.map((run) => run.lagP99Ms));

    const latency = await alarmToWindow(broker);
    report.add('alarm_to_window_p50_ms', latency.p50, 'ms', 'lower', 30);
    report.add('alarm_to_window_p99_ms', latency.p99, 'ms', 'lower', 100);
    report.add('alarm_to_window_telemetry_msgs_per_s', latency.telemetryPerSecond, 'msg/s', 'higher', 10_000);
  } finally {
    await broker.close();
  }
}
