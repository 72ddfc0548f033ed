import { ContractError, RuleDraftSchema, type Rule, type RuleDraft } from '../contract';
import { compareHlc, formatHlc, parseHlc, type HybridClock } from '../alarms/hlc';
import type { Outbox } from '../outbox/outbox';
import type { RuleMessage } from '../site-link/interface/payloads';
import { topicOf } from '../site-link/interface/topics';
import type { Database } from '../store/database';

type Row = { id: string; body: string; hlc: string; updated_by: string; updated_at: number; deleted: number };

const toRule = (row: Row): Rule => ({ ...RuleDraftSchema.parse(JSON.parse(row.body)), updatedBy: row.updated_by, updatedAt: row.updated_at });

/** The draft part of a shared record, in a fixed key order so equal rules compare equal as text. */
const bodyOf = ({ id, name, enabled, severity, condition, scope, schedule }: RuleDraft): string =>
  JSON.stringify({ id, name, enabled, severity, condition, scope, schedule });

/**
 * The site's alarm rules as this station knows them. A change made here is
 * stored and shared as the rule's retained message; a change from another
 * station is taken when its hybrid logical clock is later (the later edit
 * wins everywhere). Deleted rules stay as tombstones so a station that was
 * away learns of the deletion. `generation` grows with every change, so the
 * engine knows when to recompile.
 */
export class RuleStore {
  private changes = 0;
  private readonly select;
  private readonly upsert;

  constructor(
    private readonly db: Database,
    private readonly clock: HybridClock,
    private readonly outbox: Outbox,
    private readonly site: string,
  ) {
    this.select = db.prepare<[string], Row>('SELECT * FROM rules WHERE id = ?');
    this.upsert = db.prepare(
      `INSERT INTO rules (id, body, hlc, updated_by, updated_at, deleted) VALUES (@id, @body, @hlc, @updatedBy, @updatedAt, @deleted)
       ON CONFLICT(id) DO UPDATE SET body = excluded.body, hlc = excluded.hlc, updated_by = excluded.updated_by, updated_at = excluded.updated_at, deleted = excluded.deleted`,
    );
  }

  get generation(): number {
    return this.changes;
  }

  /** The rules in force or switched off, by name; not the deleted. */
  list(): Rule[] {
    const rows = this.db.prepare('SELECT * FROM rules WHERE deleted = 0').all() as Row[];
    return rows.map(toRule).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }

  save(draft: RuleDraft, user: string): Rule {
    return this.db.transaction(() => {
      const duplicate = this.list().find((rule) => rule.name === draft.name && rule.id !== draft.id);
      if (duplicate) throw new ContractError('conflict', `another rule is already called ${draft.name}`);
      this.share({ ...RuleDraftSchema.parse(draft), hlc: formatHlc(this.clock.tick()), updatedBy: user, deleted: false });
      return toRule(this.select.get(draft.id)!);
    })();
  }

  delete(id: string, user: string): void {
    this.db.transaction(() => {
      const row = this.select.get(id);
      if (!row || row.deleted) throw new ContractError('not_found', `no rule ${id}`);
      this.share({ ...RuleDraftSchema.parse(JSON.parse(row.body)), hlc: formatHlc(this.clock.tick()), updatedBy: user, deleted: true });
    })();
  }

  /** Another station's version of a rule; true when it was newer. Runs inside the ingest's transaction. */
  receive(record: RuleMessage): boolean {
    const stamp = parseHlc(record.hlc);
    if (!stamp) return false;
    this.clock.receive(stamp);
    return this.apply(record);
  }

  /**
   * Rules a new station starts with (the demo park's): stored where no
   * version exists, stamped at the clock's beginning so any edit wins, and
   * not published (every station seeds the same).
   */
  seed(drafts: readonly RuleDraft[]): void {
    this.db.transaction(() => {
      for (const draft of drafts) this.apply({ ...draft, hlc: formatHlc({ millis: 0, counter: 0, node: 'seed' }), updatedBy: 'Vigil', deleted: false });
    })();
  }

  private share(record: RuleMessage): void {
    this.apply(record);
    this.outbox.add({ id: `rule-${record.id}@${record.hlc}`, topic: topicOf('rule', { site: this.site, rule: record.id }), payload: JSON.stringify(record), qos: 1, retain: true });
  }

  /** Last writer wins by hlc; equal clocks (only forged copies) fall back to the text, so every station picks the same. */
  private apply(record: RuleMessage): boolean {
    const row = this.select.get(record.id);
    const body = bodyOf(record);
    const stamp = parseHlc(record.hlc)!;
    if (row) {
      const [mine, theirs] = [`${body}${record.deleted ? 1 : 0}`, `${row.body}${row.deleted}`];
      if ((compareHlc(stamp, parseHlc(row.hlc)!) || (mine === theirs ? 0 : mine > theirs ? 1 : -1)) <= 0) return false;
    }
    // When it was changed is the change's own clock, the same at every station.
    this.upsert.run({ id: record.id, body, hlc: record.hlc, updatedBy: record.updatedBy, updatedAt: stamp.millis, deleted: record.deleted ? 1 : 0 });
    this.changes++;
    return true;
  }
}
