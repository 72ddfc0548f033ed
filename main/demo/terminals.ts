import { createHash } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import type { TerminalKind } from '../contract';
import { inAudience } from '../notices/receipts';
import { NoticePayload, type NoticeMessage } from '../site-link/interface/payloads';
import { matchTopic, TOPIC_ROOT, topicOf } from '../site-link/interface/topics';

export type SimulatedTerminal = { id: string; kind: TerminalKind; building?: string; unit?: string; name?: string };

/** What one simulated terminal shows now: the announcements it got and has not been told to remove. */
export type Holding = Map<string, NoticeMessage>;

/**
 * Residents' apps and signage screens, simulated on real MQTT connections
 * to the site's broker: each terminal registers retained on
 * terminals/{id}/info, takes the announcements on notices/+ that are for
 * it, acknowledges each as received and (after `readAfterMs`) read on
 * terminals/{id}/receipts, and drops a notice when its revocation comes.
 * Many terminals share one connection (`perConnection`), as a bench of
 * thousands needs; each still publishes on its own topics.
 */
export class TerminalFleet {
  readonly holdings = new Map<string, Holding>();
  private readonly clients: MqttClient[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(
    private readonly site: string,
    private readonly terminals: SimulatedTerminal[],
    private readonly readAfterMs: number | null,
  ) {
    for (const terminal of terminals) this.holdings.set(terminal.id, new Map());
  }

  static async start(options: { broker: string; site: string; terminals: SimulatedTerminal[]; perConnection?: number; readAfterMs?: number | null; username?: string; password?: string; protocolVersion?: 4 | 5 }): Promise<TerminalFleet> {
    const fleet = new TerminalFleet(options.site, options.terminals, options.readAfterMs === undefined ? 200 : options.readAfterMs);
    const size = options.perConnection ?? 1;
    for (let from = 0; from < options.terminals.length; from += size) {
      const group = options.terminals.slice(from, from + size);
      const client = await mqtt.connectAsync(options.broker, { protocolVersion: options.protocolVersion ?? 5, clientId: `terminals-${options.site}-${group[0]!.id}`, clean: true, username: options.username, password: options.password, reconnectPeriod: 500 });
      fleet.clients.push(client);
      await Promise.all(
        group.map((terminal) => {
          const { id, ...info } = terminal;
          return client.publishAsync(topicOf('terminalInfo', { site: options.site, terminal: id }), JSON.stringify({ ...info, ts: Date.now() }), { qos: 1, retain: true });
        }),
      );
      client.on('message', (topic, payload) => fleet.deliver(client, group, topic, payload));
      await client.subscribeAsync(`${TOPIC_ROOT}/${options.site}/notices/+`, { qos: 1 });
    }
    return fleet;
  }

  /** How many terminals hold the notice now. */
  holding(notice: string): number {
    let count = 0;
    for (const holding of this.holdings.values()) if (holding.has(notice)) count++;
    return count;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    await Promise.all(this.clients.map((client) => client.endAsync()));
  }

  /** Removes the terminals' retained registrations, so a later fleet on the same broker starts clean. */
  async unregister(): Promise<void> {
    const client = this.clients[0];
    if (!client) return;
    await Promise.all(this.terminals.map((terminal) => client.publishAsync(topicOf('terminalInfo', { site: this.site, terminal: terminal.id }), '', { qos: 1, retain: true })));
  }

  private deliver(client: MqttClient, group: SimulatedTerminal[], topic: string, payload: Buffer): void {
    const match = matchTopic(topic);
    if (match?.channel !== 'notice' || !payload.length) return;
    const parsed = NoticePayload.safeParse(JSON.parse(payload.toString()));
    if (!parsed.success) return;
    const notice = match.params.notice!;
    const message = parsed.data;
    for (const terminal of group) {
      const holding = this.holdings.get(terminal.id)!;
      if (message.state === 'revoked') {
        holding.delete(notice);
        continue;
      }
      const place = { id: terminal.id, kind: terminal.kind, building: terminal.building ?? null, unit: terminal.unit ?? null, name: terminal.name ?? null };
      if (!inAudience(message.audience!, place) || holding.has(notice)) continue;
      holding.set(notice, message);
      this.acknowledge(client, terminal.id, notice, 'received');
      if (this.readAfterMs !== null) {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          if (holding.has(notice)) this.acknowledge(client, terminal.id, notice, 'read');
        }, this.readAfterMs);
        this.timers.add(timer);
      }
    }
  }

  private acknowledge(client: MqttClient, terminal: string, notice: string, status: 'received' | 'read'): void {
    const id = `r-${createHash('sha256').update(`${terminal}|${notice}|${status}`).digest('hex').slice(0, 30)}`;
    client.publish(topicOf('terminalReceipt', { site: this.site, terminal }), JSON.stringify({ id, notice, status, ts: Date.now() }), { qos: 1 });
  }
}
