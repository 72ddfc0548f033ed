import type { Database } from './database';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes history older than the retention window, a slice at a time so a
 * large purge never holds the writer for long. The audit trail is never
 * purged here: it is evidence, and its hash chain must stay whole.
 */
export function purgeHistory(db: Database, retentionDays: number, now = Date.now(), slice = 5000): number {
  const cutoff = now - retentionDays * DAY_MS;
  const remove = db.prepare('DELETE FROM device_history WHERE id IN (SELECT id FROM device_history WHERE at < ? LIMIT ?)');
  let removed = 0;
  for (;;) {
    const { changes } = remove.run(cutoff, slice);
    removed += changes;
    if (changes < slice) return removed;
  }
}

export function startRetention(db: Database, retentionDays: () => number, everyMs = 60 * 60 * 1000): () => void {
  const run = () => purgeHistory(db, retentionDays());
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
