import mqtt, { type MqttClient } from 'mqtt';
import type { DeviceStatus } from '../contract';
import { topicOf } from '../site-link/interface/topics';
import { DEMO_SITE, demoDevices, type DemoDevice } from './park';

export type SimulatorOptions = {
  brokerUrl: string;
  site?: string;
  /** Status changes per second across the park (devices dropping off and coming back). */
  statusChangesPerSecond?: number;
  random?: () => number;
};

/**
 * Plays the demo park on the site's MQTT interface, as its gateways would:
 * retained registration and state for every device, then devices going
 * offline and coming back.
 */
export class SiteSimulator {
  readonly devices: DemoDevice[] = demoDevices();
  private client: MqttClient | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly offline = new Set<string>();

  constructor(private readonly options: SimulatorOptions) {}

  get site(): string {
    return this.options.site ?? DEMO_SITE.id;
  }

  async start(): Promise<void> {
    const client = await mqtt.connectAsync(this.options.brokerUrl, { clientId: `vigil-simulator-${process.pid}`, protocolVersion: 4 });
    this.client = client;
    const now = Date.now();
    await Promise.all(
      this.devices.flatMap((device) => [
        client.publishAsync(topicOf('deviceInfo', { site: this.site, code: device.code }), JSON.stringify({ ...device.info, ts: now }), { qos: 1, retain: true }),
        this.publishState(device.code, 'online', now),
      ]),
    );
    const rate = this.options.statusChangesPerSecond ?? 0.5;
    if (rate > 0) this.timer = setInterval(() => void this.tick(), 1000 / rate);
  }

  private publishState(code: string, status: DeviceStatus, ts = Date.now()) {
    return this.client!.publishAsync(topicOf('deviceState', { site: this.site, code }), JSON.stringify({ status, ts }), { qos: 1, retain: true });
  }

  /** One random device changes: an online one drops, or an offline one returns (about 3 % offline at a time). */
  private async tick(): Promise<void> {
    const random = this.options.random ?? Math.random;
    const returning = this.offline.size > 0 && random() < this.offline.size / (this.devices.length * 0.03);
    if (returning) {
      const code = [...this.offline][Math.floor(random() * this.offline.size)]!;
      this.offline.delete(code);
      await this.publishState(code, 'online');
    } else {
      const device = this.devices[Math.floor(random() * this.devices.length)]!;
      if (this.offline.has(device.code)) return;
      this.offline.add(device.code);
      await this.publishState(device.code, random() < 0.2 ? 'fault' : 'offline');
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.client?.endAsync();
  }
}
