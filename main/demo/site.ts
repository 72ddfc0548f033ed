import { Aedes } from 'aedes';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { startMosquitto } from '../testing/mosquitto';
import { startOnvifSimulator } from '../testing/onvif-simulator';
import type { CameraSources } from '../video/sources';
import { DEMO_SITE } from './park';
import { SiteSimulator } from './simulator';

/** The perimeter cameras' pan-tilt-zoom: where they answer, and the credentials the station must be given for them. */
export type DemoPtz = { url: string; username: string; password: string; cameras: string[] };

export type DemoSite = {
  brokerUrl: string;
  site: { id: string; name: string };
  simulator: SiteSimulator;
  ptz: DemoPtz;
  stop(): Promise<void>;
};

/** Gives the station the perimeter cameras' credentials, as an administrator would on a real site, so PTZ works out of the box. */
export function seedDemoCameraCredentials(cameras: Pick<CameraSources, 'setCredentials'>, ptz: DemoPtz): void {
  // Per camera, so the site's default ('*') stays whatever the officer sets.
  for (const camera of ptz.cameras) cameras.setCredentials(camera, ptz.username, ptz.password);
}

const PTZ_PRESETS = [
  { token: '1', name: '全景' },
  { token: '2', name: '东大门' },
  { token: '3', name: '北侧围栏' },
  { token: '4', name: '停车场入口' },
];

/**
 * The demo park, embedded: an aedes broker on a free loopback port (or,
 * with `broker: 'mosquitto'`, a mosquitto the demo starts — the end-to-end
 * tests run the park over the real broker sites use), the simulator
 * publishing on it, and one ONVIF camera that answers for every perimeter
 * camera's pan-tilt-zoom. Real sites use their own broker instead. With
 * `startSimulator: false` the devices stay silent until `simulator.start()`.
 */
export async function startDemoSite(options: { port?: number; statusChangesPerSecond?: number; startSimulator?: boolean; broker?: 'embedded' | 'mosquitto' } = {}): Promise<DemoSite> {
  const broker = options.broker === 'mosquitto' ? await startMosquitto() : await startAedes(options.port);
  // A fresh password each run: the demo shows credentials staying in the core, as a real site's would.
  const credentials = { username: 'vigil-demo', password: randomBytes(12).toString('base64url') };
  const onvif = await startOnvifSimulator({ ...credentials, streams: { main: 'demo://yard/main', sub: 'demo://yard/sub' }, presets: PTZ_PRESETS, manufacturer: 'Dahua', model: 'SD49425XB' });
  const simulator = new SiteSimulator({ brokerUrl: broker.url, statusChangesPerSecond: options.statusChangesPerSecond, onvif: onvif.url });
  // A station starts the park's devices once it is serving, so that they do not hold its first page back.
  if (options.startSimulator ?? true) await simulator.start();
  const cameras = simulator.devices.filter((device) => device.info.onvif).map((device) => device.code);
  return {
    brokerUrl: broker.url,
    site: DEMO_SITE,
    simulator,
    ptz: { url: onvif.url, ...credentials, cameras },
    async stop() {
      await simulator.stop();
      await broker.close();
      await onvif.close();
    },
  };
}

/** The embedded broker: aedes on a loopback port, so the demo needs nothing installed. */
async function startAedes(port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const broker = await Aedes.createBroker();
  const server = net.createServer(broker.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `mqtt://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    async close() {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
