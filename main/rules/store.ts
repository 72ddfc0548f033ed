import { ContractError, RuleDraftSchema, type Rule, type RuleDraft } from '../contract';
import type { HybridClock } from '../alarms/hlc';
import type { Outbox } from '../outbox/outbox';
import type { RuleMessage } from '../site-link/interface/payloads';
import { topicOf } from '../site-link/interface/topics';
import { SharedRecords } from '../sharing/shared-records';
import type { Database } from '../store/database';

/** The draft part of a shared record, in a fixed key order so equal rules compare equal as text. */
const bodyOf = ({ id, name, enabled, severity, condition, scope, schedule }: RuleDraft): string =>
  JSON.stringify({ id, name, enabled, severity, condition, scope, schedule });

/**
 * The site's alarm rules as this station knows them, shared by every station
 * of the site (see SharedRecords: the later edit wins, deletions stay as
 * tombstones). Names are unique across the site's rules.
 */
export class RuleStore {
  private readonly records: SharedRecords<RuleDraft>;

  constructor(
    private readonly db: Database,
    clock: HybridClock,
    outbox: Outbox,
    site: string,
  ) {
    this.records = new SharedRecords<RuleDraft>(db, clock, outbox, {
      table: 'rules',
      topic: (rule) => topicOf('rule', { site, rule }),
      body: bodyOf,
      parse: (body) => RuleDraftSchema.parse(body),
    });
  }

  get generation(): number {
    return this.records.generation;
  }

  /** The rules in force or switched off, by name; not the deleted. */
  list(): Rule[] {
    return this.records.list().sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }

  save(draft: RuleDraft, user: string): Rule {
    return this.db.transaction(() => {
      const duplicate = this.list().find((rule) => rule.name === draft.name && rule.id !== draft.id);
      if (duplicate) throw new ContractError('conflict', `another rule is already called ${draft.name}`);
      this.records.share(RuleDraftSchema.parse(draft), user);
      return this.records.get(draft.id)!;
    })();
  }

  delete(id: string, user: string): void {
    this.db.transaction(() => {
      if (!this.records.remove(id, user)) throw new ContractError('not_found', `no rule ${id}`);
    })();
  }

  /** Another station's version of a rule; true when it was newer. Runs inside the ingest's transaction. */
  receive(record: RuleMessage): boolean {
    return this.records.receive(record);
  }

  /** Rules a new station starts with (the demo park's); see SharedRecords.seed. */
  seed(drafts: readonly RuleDraft[]): void {
    this.records.seed(drafts);
  }
}
