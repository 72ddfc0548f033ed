import { createHash } from 'node:crypto';
import type { AuditEntry, AuditVerification } from '../contract';
import type { Database } from '../store/database';

export type AuditRecord = {
  actor: string;
  role: string;
  station: string;
  action: string;
  target: string;
  outcome: AuditEntry['outcome'];
  detail?: Record<string, unknown>;
};

export type AuditRow = {
  id: number;
  at: number;
  actor: string;
  role: string;
  station: string;
  action: string;
  target: string;
  outcome: AuditEntry['outcome'];
  detail: string;
  prev_hash: string;
  hash: string;
};

const GENESIS = '0'.repeat(64);

/** Each row's hash covers its own fields and the previous row's hash. */
export function hashOf(row: Omit<AuditRow, 'hash'>): string {
  const fields = [row.id, row.at, row.actor, row.role, row.station, row.action, row.target, row.outcome, row.detail, row.prev_hash];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/**
 * The audit trail: append-only, hash-chained. Editing or deleting any row
 * breaks the chain at that row, and `verify` names it.
 */
export class AuditTrail {
  private readonly insert;
  private readonly last;
  private readonly listeners = new Set<(id: number) => void>();

  constructor(
    private readonly db: Database,
    private readonly now: () => number = Date.now,
  ) {
    this.insert = db.prepare(
      `INSERT INTO audit (id, at, actor, role, station, action, target, outcome, detail, prev_hash, hash)
       VALUES (@id, @at, @actor, @role, @station, @action, @target, @outcome, @detail, @prev_hash, @hash)`,
    );
    this.last = db.prepare<[], { id: number; hash: string }>('SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1');
  }

  append(record: AuditRecord): number {
    const id = this.db.transaction(() => {
      const previous = this.last.get();
      const row = {
        id: (previous?.id ?? 0) + 1,
        at: this.now(),
        actor: record.actor,
        role: record.role,
        station: record.station,
        action: record.action,
        target: record.target,
        outcome: record.outcome,
        detail: JSON.stringify(record.detail ?? {}),
        prev_hash: previous?.hash ?? GENESIS,
      };
      this.insert.run({ ...row, hash: hashOf(row) });
      return row.id;
    })();
    for (const listener of this.listeners) listener(id);
    return id;
  }

  onAppend(listener: (id: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  list(filter: { beforeId?: number; limit: number; actor?: string; action?: string }): AuditEntry[] {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: filter.limit };
    if (filter.beforeId !== undefined) {
      where.push('id < @beforeId');
      params.beforeId = filter.beforeId;
    }
    for (const key of ['actor', 'action'] as const) {
      if (filter[key]) {
        where.push(`${key} = @${key}`);
        params[key] = filter[key];
      }
    }
    const sql = `SELECT * FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit`;
    return (this.db.prepare(sql).all(params) as AuditRow[]).map((row) => ({
      id: row.id,
      at: row.at,
      actor: row.actor,
      role: row.role,
      station: row.station,
      action: row.action,
      target: row.target,
      outcome: row.outcome,
      detail: JSON.parse(row.detail) as Record<string, unknown>,
      hash: row.hash,
    }));
  }

  /** Walks the whole chain and reports the first row that does not hold. */
  verify(): AuditVerification {
    let previousHash = GENESIS;
    let expectedId = 1;
    let checked = 0;
    for (const row of this.db.prepare('SELECT * FROM audit ORDER BY id').iterate() as Iterable<AuditRow>) {
      const bad = (reason: string): AuditVerification => ({ ok: false, checked, firstBadId: row.id, reason });
      if (row.id !== expectedId) return bad(`row ${expectedId} is missing`);
      if (row.prev_hash !== previousHash) return bad('does not follow the previous row (a row before it was removed or replaced)');
      const { hash, ...rest } = row;
      if (hashOf(rest) !== hash) return bad('content changed after it was written');
      previousHash = hash;
      expectedId++;
      checked++;
    }
    return { ok: true, checked, firstBadId: null, reason: null };
  }
}
