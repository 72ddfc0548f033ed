/**
 * The energy benchmark's meter gateways, as a process of their own (forked
 * with an IPC channel) so that making and sending 70 million samples never
 * takes the station's CPU: it publishes every meter's days of readings as
 * QoS 1 meterReadings messages, day after day, each day's payloads
 * serialised before they are sent, over several connections.
 *
 * Told to start with `go`, it answers `done` with what it sent and the time
 * from its first publish to the last PUBACK. With a `lead`, it stays at most
 * that many messages ahead of what its parent says the station has taken
 * (`taken`), so the broker's queue stays bounded; the station never waits
 * for it while the lead is not used up. `waitedForStationMs` is how long it
 * was held back so: most of the run when the station is the slower one.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { topicOf } from '../main/site-link/interface/topics';
import { dayPayloads, fleet, READINGS_PER_MESSAGE, registers } from './energy-fleet';

export type PublisherJob = { url: string; site: string; meters: number; days: number; last: number; connections: number; lead: number; clientId: string };
export type PublisherDone = { messages: number; samples: number; ms: number; waitedForStationMs: number };
type FromParent = { t: 'go' } | { t: 'taken'; messages: number };

/** Messages one connection may have waiting for their PUBACK (the broker's max_inflight_messages is 1 000). */
const WINDOW = 800;

async function run(job: PublisherJob): Promise<void> {
  const site = fleet(job.meters, job.days, job.last);
  const registerOf = registers(site);
  const topics = site.meters.map((meter) => topicOf('meterReadings', { site: job.site, code: meter.device.code }));
  const clients: MqttClient[] = await Promise.all(
    Array.from({ length: job.connections }, (_, n) => mqtt.connectAsync(job.url, { protocolVersion: 5, clientId: `${job.clientId}-${n}`, clean: true, reconnectPeriod: 0 })),
  );
  let taken = 0;
  let wake: (() => void) | null = null;
  let go: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (go = resolve));
  process.on('message', (message: FromParent) => {
    if (message.t === 'go') go();
    else {
      taken = message.messages;
      wake?.();
    }
  });
  let payloads = dayPayloads(site, registerOf, 0);
  process.send!({ t: 'ready' });
  await started;

  const inflight = clients.map(() => 0);
  const freed: (() => void)[] = clients.map(() => () => undefined);
  let published = 0;
  let failure: Error | null = null;
  let waitedForStationMs = 0;
  const begun = performance.now();
  for (let day = 0; day < job.days; day++) {
    for (let n = 0; n < payloads.length; n++) {
      if (failure) throw failure;
      while (published - taken >= job.lead) {
        const waiting = performance.now();
        await new Promise<void>((resolve) => (wake = resolve));
        waitedForStationMs += performance.now() - waiting;
      }
      const c = n % clients.length;
      while (inflight[c]! >= WINDOW) await new Promise<void>((resolve) => (freed[c] = resolve));
      inflight[c]!++;
      published++;
      clients[c]!.publish(topics[n]!, payloads[n]!, { qos: 1 }, (error) => {
        if (error) failure = error;
        inflight[c]!--;
        freed[c]!();
      });
    }
    if (day + 1 < job.days) payloads = dayPayloads(site, registerOf, day + 1);
  }
  while (inflight.some((count) => count > 0)) {
    if (failure) throw failure;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  const done: PublisherDone = { messages: published, samples: published * READINGS_PER_MESSAGE, ms: performance.now() - begun, waitedForStationMs };
  await Promise.all(clients.map((client) => client.endAsync()));
  process.send!({ t: 'done', ...done });
}

process.once('message', (job: PublisherJob) => {
  run(job).then(
    () => process.disconnect(),
    (error: unknown) => {
      console.error('energy publisher:', error);
      process.exit(1);
    },
  );
});
