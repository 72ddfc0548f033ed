import { Aedes } from 'aedes';
import net from 'node:net';
import { DEMO_SITE } from './park';
import { SiteSimulator } from './simulator';

export type DemoSite = {
  brokerUrl: string;
  site: { id: string; name: string };
  simulator: SiteSimulator;
  stop(): Promise<void>;
};

/**
 * The demo park, embedded: an aedes broker on a free loopback port and the
 * simulator publishing on it. Real sites use their own broker instead.
 */
export async function startDemoSite(options: { port?: number; statusChangesPerSecond?: number } = {}): Promise<DemoSite> {
  const broker = await Aedes.createBroker();
  const server = net.createServer(broker.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as net.AddressInfo;
  const brokerUrl = `mqtt://127.0.0.1:${port}`;
  const simulator = new SiteSimulator({ brokerUrl, statusChangesPerSecond: options.statusChangesPerSecond });
  await simulator.start();
  return {
    brokerUrl,
    site: DEMO_SITE,
    simulator,
    async stop() {
      await simulator.stop();
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
