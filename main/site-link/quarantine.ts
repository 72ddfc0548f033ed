import type { QuarantineEntry, QuarantineKind } from '../contract';
import type { Database } from '../store/database';

/** The quarantine keeps the newest rows only: a flood of garbage must not fill the disk. */
export const QUARANTINE_LIMIT = 10_000;

/**
 * Messages the core refused, with the reason: counted by reason for the Ops
 * panel and kept (newest first, bounded) for a look at what was sent.
 */
export class Quarantine {
  private readonly byKind = new Map<QuarantineKind, number>();
  private readonly insert;
  private readonly trim;
  private sinceTrim = 0;
  total = 0;

  constructor(private readonly db: Database) {
    this.insert = db.prepare('INSERT INTO quarantine (at, topic, kind, reason, preview, size) VALUES (?, ?, ?, ?, ?, ?)');
    this.trim = db.prepare('DELETE FROM quarantine WHERE id <= (SELECT max(id) FROM quarantine) - ?');
    // Counts start from what is kept, so a restart does not show an empty quarantine beside full rows.
    for (const row of db.prepare('SELECT kind, count(*) AS n FROM quarantine GROUP BY kind').all() as { kind: QuarantineKind; n: number }[]) {
      this.byKind.set(row.kind, row.n);
      this.total += row.n;
    }
  }

  /** Writes inside the caller's transaction. */
  add(entry: { at: number; topic: string; kind: QuarantineKind; reason: string; preview: string; size: number }): void {
    this.insert.run(entry.at, entry.topic.slice(0, 512), entry.kind, entry.reason, entry.preview, entry.size);
    this.byKind.set(entry.kind, (this.byKind.get(entry.kind) ?? 0) + 1);
    this.total++;
    if (++this.sinceTrim >= 1000) {
      this.sinceTrim = 0;
      this.trim.run(QUARANTINE_LIMIT);
    }
  }

  counts(): { kind: QuarantineKind; count: number }[] {
    return [...this.byKind].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count);
  }

  list(filter: { beforeId?: number; limit: number }): QuarantineEntry[] {
    return this.db
      .prepare(`SELECT id, at, topic, kind, reason, preview, size FROM quarantine ${filter.beforeId ? 'WHERE id < @beforeId' : ''} ORDER BY id DESC LIMIT @limit`)
      .all(filter) as QuarantineEntry[];
  }
}
