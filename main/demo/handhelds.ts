import mqtt, { type MqttClient } from 'mqtt';
import { createHash } from 'node:crypto';
import { DispatchOrderPayload } from '../site-link/interface/payloads';
import { TOPIC_ROOT, topicOf } from '../site-link/interface/topics';
import type { ResourceDraft } from '../contract/incidents';

/**
 * The demo park's handhelds (对讲/手持终端): one per resource, held by its
 * first member. Each reads the dispatches sent to its resource on the site
 * interface, acknowledges after a few seconds and reports arrival later,
 * as a guard's handheld would; a release ends it.
 */
export class DemoHandhelds {
  private client: MqttClient | null = null;
  private readonly pending = new Set<NodeJS.Timeout>();

  constructor(
    private readonly brokerUrl: string,
    private readonly site: string,
    private readonly resources: readonly ResourceDraft[],
    /** Seconds to acknowledge and to arrive; tests make them quick. */
    private readonly delays = { acknowledgeMs: 4_000, arriveMs: 12_000 },
  ) {}

  async start(): Promise<void> {
    this.client = await mqtt.connectAsync(this.brokerUrl, { clientId: `demo-handhelds-${process.pid}`, protocolVersion: 4 });
    this.client.on('message', (topic, payload) => this.read(topic, payload));
    await this.client.subscribeAsync(`${TOPIC_ROOT}/${this.site}/resources/+/dispatch`, { qos: 1 });
  }

  async stop(): Promise<void> {
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
    await this.client?.endAsync();
  }

  private read(topic: string, payload: Buffer): void {
    const resource = this.resources.find((held) => topic === topicOf('resourceDispatch', { site: this.site, resource: held.id }));
    let parsed;
    try {
      parsed = DispatchOrderPayload.safeParse(JSON.parse(payload.toString('utf8')));
    } catch {
      return;
    }
    if (!resource || !parsed.success || parsed.data.action !== 'dispatch') return;
    const { dispatch, incident } = parsed.data;
    const by = resource.members[0]!;
    this.later(this.delays.acknowledgeMs, () => this.reply(resource.id, incident, dispatch, 'acknowledged', by));
    this.later(this.delays.acknowledgeMs + this.delays.arriveMs, () => this.reply(resource.id, incident, dispatch, 'arrived', by));
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      run();
    }, ms);
    this.pending.add(timer);
  }

  private reply(resource: string, incident: string, dispatch: string, status: 'acknowledged' | 'arrived', by: string): void {
    const id = `hh-${createHash('sha256').update(`${dispatch}/${status}`).digest('hex').slice(0, 24)}`;
    const message = { id, incident, dispatch, status, by, ts: Date.now() };
    void this.client?.publishAsync(topicOf('resourceReply', { site: this.site, resource }), JSON.stringify(message), { qos: 1 }).catch(() => undefined);
  }
}
