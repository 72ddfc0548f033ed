import { DEFAULT_TARGETS, TargetsSchema, type Targets } from '../../contract/ops-figures';
import type { Database } from '../../store/database';

export type TargetsView = { targets: Targets; updatedBy: string | null; updatedAt: number | null };

/**
 * The service targets and shifts IT sets, kept in this station's store
 * (table ops_targets): each station reports against its own. Until IT sets
 * them, the defaults (DEFAULT_TARGETS: day shift 08:00, night 20:00).
 */
export class TargetsStore {
  constructor(private readonly db: Database) {}

  get(): TargetsView {
    const row = this.db.prepare('SELECT body, updated_by, updated_at FROM ops_targets WHERE id = 1').get() as { body: string; updated_by: string; updated_at: number } | undefined;
    if (!row) return { targets: DEFAULT_TARGETS, updatedBy: null, updatedAt: null };
    // A body written by an older Vigil may lack a later target: the default fills it in.
    const parsed = TargetsSchema.safeParse({ ...DEFAULT_TARGETS, ...(JSON.parse(row.body) as object) });
    return { targets: parsed.success ? parsed.data : DEFAULT_TARGETS, updatedBy: row.updated_by, updatedAt: row.updated_at };
  }

  set(targets: Targets, by: string, at: number): TargetsView {
    this.db
      .prepare('INSERT INTO ops_targets (id, body, updated_by, updated_at) VALUES (1, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET body = excluded.body, updated_by = excluded.updated_by, updated_at = excluded.updated_at')
      .run(JSON.stringify(targets), by, at);
    return this.get();
  }
}
