import type { AuditRow } from '../audit/trail';
import type { Database } from '../store/database';

/**
 * An incident's audit rows exactly as the trail stores them (detail as its
 * JSON text, prev_hash and hash), so the package's audit.jsonl can be checked
 * against the chain: every row whose target is one of `targets` (the
 * router's audit target is the call's `id`, so the incident's own id), in
 * order.
 */
export function auditRowsFor(db: Database, targets: string[]): AuditRow[] {
  if (!targets.length) return [];
  return db.prepare(`SELECT id, at, actor, role, station, action, target, outcome, detail, prev_hash, hash FROM audit WHERE target IN (${targets.map(() => '?').join(', ')}) ORDER BY id`).all(...targets) as AuditRow[];
}
