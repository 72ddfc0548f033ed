import type { Database } from './database';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What ages out, and by which time column. Only finished work goes: pending
 * outbox rows and commands wait however old they are. The audit trail and
 * alarms are never purged here: the trail is evidence, and its hash chain
 * must stay whole. Meters' raw readings go too; what they used stays in the
 * rollups for years.
 */
const PURGES = [
  { table: 'device_history', key: 'id', where: 'at < @cutoff' },
  { table: 'device_events', key: 'id', where: 'at < @cutoff' },
  { table: 'outbox', key: 'seq', where: `state != 'pending' AND settled_at < @cutoff` },
  { table: 'commands', key: 'id', where: `status NOT IN ('pending', 'sent', 'accepted') AND updated_at < @cutoff` },
  // Receipt ids only catch replays; a replay older than this changes no count anyway (counted once per notice, terminal and status).
  { table: 'notice_receipt_ids', key: 'id', where: 'at < @cutoff' },
];

/** Refused meter readings kept for a look, newest first: a faulty meter must not fill the disk. */
export const METER_QUARANTINE_LIMIT = 10_000;

/** Deletes what is older than the retention window, a slice at a time so a large purge never holds the writer for long. */
export function purgeHistory(db: Database, retentionDays: number, now = Date.now(), slice = 5000): number {
  const cutoff = now - retentionDays * DAY_MS;
  let removed = 0;
  // Raw readings by meter: each meter's old ones are a range of the primary key, read without a scan.
  const oldReadings = db.prepare('DELETE FROM meter_readings WHERE code = ? AND at < ?');
  for (const code of db.prepare('SELECT code FROM meter_state').pluck().all() as string[]) removed += oldReadings.run(code, cutoff).changes;
  // Telemetry history by metric: each metric's old samples are a range of the primary key too (metric, at, code).
  const oldSamples = db.prepare('DELETE FROM telemetry_history WHERE metric = ? AND at < ?');
  // The metrics are found by skipping along the key, one lookup each, not by reading every sample.
  const metrics = db
    .prepare(
      `WITH RECURSIVE m(metric) AS (SELECT min(metric) FROM telemetry_history UNION ALL SELECT (SELECT min(metric) FROM telemetry_history WHERE metric > m.metric) FROM m WHERE m.metric IS NOT NULL)
       SELECT metric FROM m WHERE metric IS NOT NULL`,
    )
    .pluck()
    .all() as string[];
  for (const metric of metrics) removed += oldSamples.run(metric, cutoff).changes;
  removed += db.prepare('DELETE FROM meter_quarantine WHERE id <= (SELECT max(id) FROM meter_quarantine) - ?').run(METER_QUARANTINE_LIMIT).changes;
  for (const { table, key, where } of PURGES) {
    const remove = db.prepare(`DELETE FROM ${table} WHERE ${key} IN (SELECT ${key} FROM ${table} WHERE ${where} LIMIT @slice)`);
    for (;;) {
      const { changes } = remove.run({ cutoff, slice });
      removed += changes;
      if (changes < slice) break;
    }
  }
  return removed;
}

export function startRetention(db: Database, retentionDays: () => number, everyMs = 60 * 60 * 1000): () => void {
  const run = () => purgeHistory(db, retentionDays());
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
