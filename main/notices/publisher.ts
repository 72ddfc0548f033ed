import { createHash } from 'node:crypto';
import type { NoticeRecord } from '../contract';
import type { Outbox } from '../outbox/outbox';
import type { NoticeMessage } from '../site-link/interface/payloads';
import { topicOf } from '../site-link/interface/topics';
import type { Database } from '../store/database';
import type { Notices } from './notices';

/** What terminals should hold of a notice now, made from the shared record alone; null: nothing (not yet approved or due). */
export function terminalMessage(record: NoticeRecord, now: number): NoticeMessage | null {
  const revoked = record.state === 'revoked' ? ([...record.history].reverse().find((step) => step.action === 'revoked')?.at ?? null) : null;
  const wasApproved = record.history.some((step) => step.action === 'approved');
  if (revoked !== null && wasApproved) return revocation(revoked);
  if (record.state !== 'approved' || record.publishAt === null || record.publishAt > now) return null;
  if (record.expiresAt !== null && record.expiresAt <= now) return revocation(record.expiresAt);
  const { title, body, images, audience, publishAt, expiresAt } = record;
  return { state: 'published', title, body, images, audience, publishedAt: publishAt, expiresAt, revokedAt: null };
}

const revocation = (revokedAt: number): NoticeMessage => ({ state: 'revoked', title: null, body: null, images: [], audience: null, publishedAt: null, expiresAt: null, revokedAt });

/**
 * Publishes announcements to residents' apps and signage when they come
 * due, and their revocations (revoked or expired), retained on
 * notices/{notice}. Every station of the site sweeps: each sends the same
 * bytes, so a terminal sees one retained message whichever station was on
 * line, and a station that was away catches up on its next sweep.
 */
export class NoticePublisher {
  private readonly sent;
  private readonly mark;

  constructor(
    db: Database,
    private readonly notices: Notices,
    private readonly outbox: Outbox,
    private readonly site: string,
  ) {
    this.sent = db.prepare<[string], string>('SELECT key FROM notice_sent WHERE notice = ?').pluck();
    this.mark = db.prepare('INSERT INTO notice_sent (notice, key) VALUES (?, ?) ON CONFLICT(notice) DO UPDATE SET key = excluded.key');
  }

  /** Sends what changed for terminals since the last sweep; returns the notices sent. Inside a transaction. */
  sweep(now: number): string[] {
    const sent: string[] = [];
    for (const record of this.notices.all()) {
      const message = terminalMessage(record, now);
      if (!message) continue;
      const payload = JSON.stringify(message);
      const key = createHash('sha256').update(payload).digest('hex').slice(0, 32);
      if (this.sent.get(record.id) === key) continue;
      this.outbox.add({ id: `notice-${record.id}-${key}`, topic: topicOf('notice', { site: this.site, notice: record.id }), payload, qos: 1, retain: true });
      this.mark.run(record.id, key);
      sent.push(record.id);
    }
    return sent;
  }
}
