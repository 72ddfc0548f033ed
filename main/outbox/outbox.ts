import type { OutboxStats } from '../contract';
import type { Logger } from '../logging/logger';
import type { Database } from '../store/database';

export type OutboxMessage = {
  /** Idempotency key: receivers keep the first message with this id and ignore repeats. */
  id: string;
  topic: string;
  payload: string;
  qos: 0 | 1;
  retain: boolean;
  /** Commands to the physical world: never published after this time. */
  expiresAt?: number;
  /** MQTT 5 request/response: where the device answers, and what it echoes back. */
  responseTopic?: string;
  correlationData?: string;
};

type PublishProperties = { messageExpiryInterval?: number; responseTopic?: string; correlationData?: Buffer };

export type Publisher = {
  readonly connected: boolean;
  /**
   * Counts the connections made so far. A publish not confirmed on the
   * connection it went out on is sent again on the next: a client's callback
   * for a message caught by the connection's end may never come.
   */
  readonly connection: number;
  publish(topic: string, payload: string, options: { qos: 0 | 1; retain: boolean; properties?: PublishProperties }): Promise<void>;
};

type Row = {
  id: string;
  topic: string;
  payload: string;
  qos: 0 | 1;
  retain: number;
  created_at: number;
  expires_at: number | null;
  properties: string | null;
};

export type Settled = { id: string; topic: string; state: 'delivered' | 'expired' };

/**
 * What the officer did, waiting for the broker. An action writes its local
 * change and its outbox row in one transaction; the outbox then publishes
 * in order until the broker acknowledges, across disconnects and restarts.
 * Expired commands are dropped, visibly, and never sent.
 */
export class Outbox {
  private readonly insert;
  private readonly pendingRows;
  private readonly settle;
  /** The rows being published, each with its attempt (the connection it went out on). */
  private readonly inFlight = new Map<string, { connection: number }>();
  private readonly listeners = new Set<(settled: Settled) => void>();
  private timer: NodeJS.Timeout | null = null;
  private pumping = false;

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
    private readonly maxInFlight = 100,
  ) {
    this.insert = db.prepare(
      `INSERT OR IGNORE INTO outbox (id, topic, payload, qos, retain, created_at, expires_at, properties)
       VALUES (@id, @topic, @payload, @qos, @retain, @createdAt, @expiresAt, @properties)`,
    );
    this.pendingRows = db.prepare<[number], Row>(`SELECT * FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT ?`);
    this.settle = db.prepare(`UPDATE outbox SET state = ?, settled_at = ?, attempts = attempts + ? WHERE id = ? AND state = 'pending'`);
  }

  /** Call inside the transaction that makes the local change; publishing starts after it commits. */
  add(message: OutboxMessage): void {
    const { responseTopic, correlationData, ...row } = message;
    const properties = responseTopic ? JSON.stringify({ responseTopic, correlationData }) : null;
    this.insert.run({ ...row, retain: message.retain ? 1 : 0, createdAt: this.now(), expiresAt: message.expiresAt ?? null, properties });
    setImmediate(() => void this.pump());
  }

  onSettled(listener: (settled: Settled) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Publishes through `publisher` whenever it is connected, checking again every `everyMs`. */
  start(publisher: Publisher, everyMs = 1000): void {
    this.publisher = publisher;
    this.timer = setInterval(() => void this.pump(), everyMs);
    this.timer.unref();
    void this.pump();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.publisher = null;
  }

  private publisher: Publisher | null = null;

  /** Sends what is pending, oldest first, with a bounded number in flight. */
  async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      // What went out on an earlier connection and was never confirmed goes out again (receivers keep the first of an id).
      const connection = this.publisher?.connection;
      for (const [id, attempt] of this.inFlight) if (attempt.connection !== connection) this.inFlight.delete(id);
      while (this.publisher?.connected && this.inFlight.size < this.maxInFlight) {
        const rows = this.pendingRows.all(this.maxInFlight + this.inFlight.size).filter((row) => !this.inFlight.has(row.id));
        if (!rows.length) break;
        for (const row of rows.slice(0, this.maxInFlight - this.inFlight.size)) this.send(row);
        // Let the acknowledgements of this round come in before reading more.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.pumping = false;
    }
  }

  private send(row: Row): void {
    const now = this.now();
    if (row.expires_at !== null && row.expires_at <= now) return this.finish(row, 'expired', 0);
    const publisher = this.publisher!;
    const attempt = { connection: publisher.connection };
    this.inFlight.set(row.id, attempt);
    const properties: PublishProperties = {};
    // The broker, too, drops a command it could not deliver in time (MQTT 5 message expiry).
    if (row.expires_at !== null) properties.messageExpiryInterval = Math.max(1, Math.ceil((row.expires_at - now) / 1000));
    if (row.properties) {
      const stored = JSON.parse(row.properties) as { responseTopic: string; correlationData?: string };
      properties.responseTopic = stored.responseTopic;
      if (stored.correlationData) properties.correlationData = Buffer.from(stored.correlationData);
    }
    publisher
      .publish(row.topic, row.payload, { qos: row.qos, retain: row.retain === 1, ...(Object.keys(properties).length ? { properties } : {}) })
      .then(
        () => this.finish(row, 'delivered', 1),
        (error: Error) => this.logger.debug({ id: row.id, err: error.message }, 'outbox: publish not confirmed; will retry'),
      )
      .finally(() => {
        if (this.inFlight.get(row.id) === attempt) this.inFlight.delete(row.id);
        void this.pump();
      });
  }

  private finish(row: Row, state: Settled['state'], attempts: number): void {
    if (!this.settle.run(state, this.now(), attempts, row.id).changes) return;
    if (state === 'expired') this.logger.warn({ id: row.id, topic: row.topic }, 'outbox: command expired before it could be sent; dropped');
    for (const listener of this.listeners) listener({ id: row.id, topic: row.topic, state });
  }

  stats(): OutboxStats {
    const counts = this.db.prepare(`SELECT state, count(*) AS n, min(created_at) AS oldest FROM outbox GROUP BY state`).all() as {
      state: string;
      n: number;
      oldest: number;
    }[];
    const of = (state: string) => counts.find((count) => count.state === state);
    return { pending: of('pending')?.n ?? 0, delivered: of('delivered')?.n ?? 0, expired: of('expired')?.n ?? 0, oldestPendingAt: of('pending')?.oldest ?? null };
  }
}
