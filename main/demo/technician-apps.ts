import mqtt, { type MqttClient } from 'mqtt';
import { createHash } from 'node:crypto';
import { OrderRecordSchema } from '../contract/orders';
import { foldOrder } from '../orders/fold';
import { TOPIC_ROOT, topicOf } from '../site-link/interface/topics';

/** What each technician's app does next, and after how long, by the order's state. */
const NEXT: Partial<Record<string, { action: 'accept' | 'start' | 'complete'; afterMs: number; text?: string }>> = {
  assigned: { action: 'accept', afterMs: 8_000 },
  accepted: { action: 'start', afterMs: 15_000 },
  in_progress: { action: 'complete', afterMs: 90_000, text: '已修复，现场已清理' },
};

/**
 * The demo park's other technicians (王五, 孙丽) on their phones: they read
 * the orders given to them on the site interface and accept, start and
 * complete them after a while, as the technician's app would. The `tech`
 * account is left to whoever tries the demo at a station.
 */
export class DemoTechnicianApps {
  private client: MqttClient | null = null;
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly brokerUrl: string,
    private readonly site: string,
    readonly technicians: readonly string[] = ['wangwu', 'sunli'],
    /** Multiplies every wait (tests make the technicians quick). */
    private readonly pace = 1,
  ) {}

  async start(): Promise<void> {
    this.client = await mqtt.connectAsync(this.brokerUrl, { clientId: `demo-technician-apps-${process.pid}`, protocolVersion: 4 });
    this.client.on('message', (topic, payload) => this.read(payload));
    await this.client.subscribeAsync(`${TOPIC_ROOT}/${this.site}/orders/+`, { qos: 1 });
  }

  async stop(): Promise<void> {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    await this.client?.endAsync();
  }

  private read(payload: Buffer): void {
    const parsed = OrderRecordSchema.safeParse(JSON.parse(payload.toString('utf8')));
    const order = parsed.success ? foldOrder(parsed.data) : null;
    const next = order && NEXT[order.state];
    if (!order || !next || !order.assignee || !this.technicians.includes(order.assignee)) return;
    const key = `${order.id}/${order.state}/${order.assignee}`;
    if (this.pending.has(key)) return;
    const by = order.assignee;
    this.pending.set(
      key,
      setTimeout(() => {
        const id = `app-${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;
        const update = { id, action: next.action, by, text: next.text ?? '', photos: [], ts: Date.now() };
        void this.client?.publishAsync(topicOf('orderUpdate', { site: this.site, order: order.id }), JSON.stringify(update), { qos: 1 }).catch(() => undefined);
      }, next.afterMs * this.pace),
    );
  }
}
