/// <reference lib="dom" />
import mqtt from 'mqtt';
import { benchPage, launchChromium } from './chromium';
import { topicOf } from '../main/site-link/interface/topics';
import { tempDir } from '../main/testing/harness';
import type { Broker } from '../main/testing/mosquitto';
import { percentile } from './report';
import { startStationProcess } from '../main/testing/station';

const SITE = 'latency';
const SENSOR = '32061201011340000002';
const METER = '32061201011500000003';
const ALARMS = 200;
const TELEMETRY_PER_S = 10_000;


/**
 * From an alarm's publish at the site to its event in a browser window, with
 * 10 000 telemetry messages a second on the same link: the core runs as its
 * own process (`vigil serve`), the window is Debian's Chromium.
 */
export async function alarmToWindow(broker: Broker): Promise<{ p50: number; p99: number }> {
  const station = await startStationProcess({ dataDir: tempDir('vigil-bench-latency-'), broker: broker.url, site: SITE, station: 'bench-desk' });
  const browser = await launchChromium();
  const gateway = await mqtt.connectAsync(broker.url, { protocolVersion: 5, clientId: 'bench-latency-gateway' });
  let telemetry: NodeJS.Timeout | undefined;
  try {
    for (const [code, name] of [[SENSOR, 'Fence'], [METER, 'Main meter']] as const) {
      await gateway.publishAsync(topicOf('deviceInfo', { site: SITE, code }), JSON.stringify({ name, area: 'N', building: 'A', floor: '1F', ts: 1 }), { qos: 1, retain: true });
    }
    const page = await benchPage(browser);
    await page.goto(station.url);
    // The window's side: the contract over the web host's WebSocket, noting when each alarm event arrives.
    await page.evaluate(async () => {
      const socket = new WebSocket(`ws://${location.host}/ws`);
      await new Promise((resolve) => (socket.onopen = resolve));
      const seen: Record<string, number> = {};
      (window as unknown as { seen: Record<string, number> }).seen = seen;
      let next = 1;
      const call = (method: string, input: unknown) =>
        new Promise<{ ok: boolean }>((resolve) => {
          const id = next++;
          const listener = (event: MessageEvent) => {
            const message = JSON.parse(event.data as string) as { t: string; id?: number; ok: boolean };
            if (message.t === 'result' && message.id === id) {
              socket.removeEventListener('message', listener);
              resolve(message);
            }
          };
          socket.addEventListener('message', listener);
          socket.send(JSON.stringify({ t: 'call', id, method, input }));
        });
      socket.addEventListener('message', (event) => {
        const message = JSON.parse(event.data as string) as { t: string; name?: string; payload?: { ids: string[] } };
        if (message.t === 'event' && message.name === 'alarms.changed') for (const id of message.payload!.ids) seen[id] ??= Date.now();
      });
      const result = await call('auth.setup', { username: 'bench', displayName: 'Bench', password: 'Latency-Window-2026', station: 'bench' });
      if (!result.ok) throw new Error('could not sign in');
    });

    // Background: 10 000 telemetry messages a second, QoS 0, as meters and sensors send them.
    const telemetryTopic = topicOf('telemetry', { site: SITE, code: METER });
    telemetry = setInterval(() => {
      for (let i = 0; i < TELEMETRY_PER_S / 100; i++) gateway.publish(telemetryTopic, JSON.stringify({ ts: Date.now(), values: { kw: i } }), { qos: 0 });
    }, 10);
    await new Promise((resolve) => setTimeout(resolve, 2000));

    const publishedAt: Record<string, number> = {};
    const eventTopic = topicOf('deviceEvent', { site: SITE, code: SENSOR });
    for (let i = 0; i < ALARMS; i++) {
      const id = `latency-${String(i).padStart(8, '0')}`;
      publishedAt[id] = Date.now();
      gateway.publish(eventTopic, JSON.stringify({ id, type: 'intrusion', ts: publishedAt[id] }), { qos: 1 });
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await page.waitForFunction((count) => Object.keys((window as unknown as { seen: object }).seen).length >= count, ALARMS, { timeout: 30_000 });
    const seen = await page.evaluate(() => (window as unknown as { seen: Record<string, number> }).seen);
    const latencies = Object.entries(publishedAt).map(([id, at]) => seen[id]! - at);
    return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
  } finally {
    clearInterval(telemetry);
    await gateway.endAsync();
    await browser.close();
    await station.kill('SIGTERM');
  }
}
