import { randomBytes } from 'node:crypto';
import type { CommandRecord } from '../contract';
import type { Outbox, Settled } from '../outbox/outbox';
import type { ChannelPayload } from '../site-link/interface/topics';
import { topicOf } from '../site-link/interface/topics';
import type { Database } from '../store/database';

type Row = {
  id: string;
  code: string;
  command: string;
  params: string;
  issued_by: string;
  station: string;
  created_at: number;
  expires_at: number;
  status: CommandRecord['status'];
  reason: string | null;
  updated_at: number;
};

const toRecord = (row: Row): CommandRecord => ({
  id: row.id,
  code: row.code,
  command: row.command,
  params: JSON.parse(row.params) as CommandRecord['params'],
  issuedBy: row.issued_by,
  station: row.station,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  status: row.status,
  reason: row.reason,
  updatedAt: row.updated_at,
});

/** Later statuses never give way to earlier ones, whatever order acknowledgements arrive in. */
const RANK: Record<CommandRecord['status'], number> = { pending: 0, sent: 1, accepted: 2, done: 3, rejected: 3, expired: 3, failed: 3 };

/**
 * Commands to the physical world (open a door, sound a siren): each is a
 * local row plus an outbox message with an expiry, the MQTT 5 response topic
 * and the command id as correlation data. The device's acknowledgements move
 * it on; past its expiry it is never sent.
 */
export class CommandService {
  private readonly select;
  private readonly update;

  constructor(
    private readonly db: Database,
    private readonly outbox: Outbox,
    private readonly site: string,
    private readonly now: () => number = Date.now,
  ) {
    this.select = db.prepare<[string], Row>('SELECT * FROM commands WHERE id = ?');
    this.update = db.prepare('UPDATE commands SET status = ?, reason = ?, updated_at = ? WHERE id = ?');
  }

  /**
   * Sends a command; `id` is for commands every station of the site sends
   * alike (a schedule's step), so a device may drop the repeats by id.
   */
  send(input: { code: string; command: string; params: CommandRecord['params']; ttlSeconds: number; id?: string }, who: { user: string; station: string }): CommandRecord {
    const now = this.now();
    const id = input.id ?? `cmd-${now.toString(36)}-${randomBytes(6).toString('hex')}`;
    const expiresAt = now + input.ttlSeconds * 1000;
    const payload = { id, command: input.command, params: input.params, issuedBy: who.user, station: who.station, ts: now, expiresAt };
    return this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO commands (id, code, command, params, issued_by, station, created_at, expires_at, status, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)`,
        )
        .run(id, input.code, input.command, JSON.stringify(input.params), who.user, who.station, now, expiresAt, now);
      this.outbox.add({
        id,
        topic: topicOf('command', { site: this.site, code: input.code }),
        payload: JSON.stringify(payload),
        qos: 1,
        retain: false,
        expiresAt,
        responseTopic: topicOf('commandAck', { site: this.site, code: input.code }),
        correlationData: id,
      });
      return toRecord(this.select.get(id)!);
    })();
  }

  /** Moves a command on; returns its id when something changed. Runs inside the caller's transaction. */
  private advance(id: string, status: CommandRecord['status'], reason: string | null): string | null {
    const row = this.select.get(id);
    if (!row || RANK[status] <= RANK[row.status]) return null;
    this.update.run(status, reason, this.now(), id);
    return id;
  }

  /** A device's acknowledgement, from the ingest's transaction. */
  acknowledge(code: string, ack: ChannelPayload<'commandAck'>): string | null {
    const row = this.select.get(ack.id);
    if (!row || row.code !== code) return null;
    return this.advance(ack.id, ack.status, ack.reason ?? null);
  }

  /** What the outbox did with a command's message. */
  settled(event: Settled): string | null {
    return this.advance(event.id, event.state === 'delivered' ? 'sent' : 'expired', event.state === 'expired' ? 'not sent before its expiry' : null);
  }

  list(filter: { code?: string; limit: number }): CommandRecord[] {
    const rows = filter.code
      ? this.db.prepare<[string, number], Row>('SELECT * FROM commands WHERE code = ? ORDER BY created_at DESC LIMIT ?').all(filter.code, filter.limit)
      : this.db.prepare<[number], Row>('SELECT * FROM commands ORDER BY created_at DESC LIMIT ?').all(filter.limit);
    return rows.map(toRecord);
  }
}
