import mqtt, { type MqttClient } from 'mqtt';
import { deviceCodeProblem, type LinkState } from '../contract';
import type { DeviceRegistry } from '../devices/registry';
import type { Logger } from '../logging/logger';
import { DeviceInfoPayload, DeviceStatePayload, parseDeviceTopic, topics } from './topics';

export type SiteLinkOptions = {
  brokerUrl: string;
  site: string;
  clientId: string;
  username?: string;
  password?: string;
  /** 5 for production brokers; the embedded demo broker (aedes) speaks 3.1.1 (4). */
  protocolVersion?: 4 | 5;
};

/**
 * The station's connection to the site broker. This first cut carries the
 * device registry; messages that fail validation are counted and logged
 * with their reason, never stored.
 */
export class SiteLink {
  private client: MqttClient | null = null;
  private state: LinkState;
  private readonly listeners = new Set<(state: LinkState) => void>();
  rejected = 0;

  constructor(
    private readonly options: SiteLinkOptions,
    private readonly registry: DeviceRegistry,
    private readonly logger: Logger,
  ) {
    this.state = { state: 'connecting', since: Date.now(), broker: options.brokerUrl };
  }

  get linkState(): LinkState {
    return this.state;
  }

  onState(listener: (state: LinkState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    const { brokerUrl, clientId, username, password, site } = this.options;
    const client = mqtt.connect(brokerUrl, { clientId, username, password, reconnectPeriod: 2000, connectTimeout: 10_000, protocolVersion: this.options.protocolVersion ?? 5 });
    this.client = client;
    client.on('connect', () => {
      this.setState('online');
      client.subscribe(topics.allDevices(site), { qos: 1 });
    });
    client.on('close', () => this.setState('offline'));
    client.on('error', (error) => this.logger.warn({ err: error.message, broker: brokerUrl }, 'site broker error'));
    client.on('message', (topic, payload) => this.receive(topic, payload));
  }

  private setState(state: LinkState['state']): void {
    if (this.state.state === state) return;
    this.state = { state, since: Date.now(), broker: this.options.brokerUrl };
    this.logger.info({ link: state, broker: this.options.brokerUrl }, 'site link state');
    for (const listener of this.listeners) listener(this.state);
  }

  private reject(topic: string, reason: string): void {
    this.rejected++;
    this.logger.warn({ topic, reason }, 'rejected a site message');
  }

  /** Exposed for tests: handles one message as if it came from the broker. */
  receive(topic: string, payload: Buffer): void {
    const parsed = parseDeviceTopic(topic);
    if ('error' in parsed) return this.reject(topic, parsed.error);
    const codeProblem = deviceCodeProblem(parsed.code);
    if (codeProblem) return this.reject(topic, `device code: ${codeProblem}`);
    let json: unknown;
    try {
      json = JSON.parse(payload.toString('utf8'));
    } catch {
      return this.reject(topic, 'payload is not JSON');
    }
    if (parsed.channel === 'info') {
      const info = DeviceInfoPayload.safeParse(json);
      if (!info.success) return this.reject(topic, info.error.issues[0]?.message ?? 'invalid info');
      this.registry.recordInfo({ code: parsed.code, ...info.data, at: info.data.ts });
    } else if (parsed.channel === 'state') {
      const state = DeviceStatePayload.safeParse(json);
      if (!state.success) return this.reject(topic, state.error.issues[0]?.message ?? 'invalid state');
      this.registry.recordStatus({ code: parsed.code, status: state.data.status, at: state.data.ts });
    }
  }

  async stop(): Promise<void> {
    await this.client?.endAsync();
    this.client = null;
  }
}
