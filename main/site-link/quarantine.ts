import type { QuarantineEntry } from '../contract';
import type { Database } from '../store/database';

/** The quarantine keeps the newest rows only: a flood of garbage must not fill the disk. */
export const QUARANTINE_LIMIT = 10_000;

/**
 * Messages the core refused, with the reason: counted by reason for the Ops
 * panel and kept (newest first, bounded) for a look at what was sent.
 */
export class Quarantine {
  private readonly byReason = new Map<string, number>();
  private readonly insert;
  private readonly trim;
  private sinceTrim = 0;
  total = 0;

  constructor(private readonly db: Database) {
    this.insert = db.prepare('INSERT INTO quarantine (at, topic, reason, preview, size) VALUES (?, ?, ?, ?, ?)');
    this.trim = db.prepare('DELETE FROM quarantine WHERE id <= (SELECT max(id) FROM quarantine) - ?');
  }

  /** Writes inside the caller's transaction. Reasons are counted by their first clause so counts stay few. */
  add(entry: { at: number; topic: string; reason: string; preview: string; size: number }): void {
    this.insert.run(entry.at, entry.topic.slice(0, 512), entry.reason, entry.preview, entry.size);
    const kind = entry.reason.split(':')[0]!;
    this.byReason.set(kind, (this.byReason.get(kind) ?? 0) + 1);
    this.total++;
    if (++this.sinceTrim >= 1000) {
      this.sinceTrim = 0;
      this.trim.run(QUARANTINE_LIMIT);
    }
  }

  counts(): { reason: string; count: number }[] {
    return [...this.byReason].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
  }

  list(filter: { beforeId?: number; limit: number }): QuarantineEntry[] {
    return this.db
      .prepare(`SELECT id, at, topic, reason, preview, size FROM quarantine ${filter.beforeId ? 'WHERE id < @beforeId' : ''} ORDER BY id DESC LIMIT @limit`)
      .all(filter) as QuarantineEntry[];
  }
}
