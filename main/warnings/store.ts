import { createHash } from 'node:crypto';
import type { HybridClock } from '../alarms/hlc';
import { ContractError } from '../contract';
import { MAX_WARNING_EVENTS, WarningRecordSchema, WarningRuleDraftSchema, type WarningRecord, type WarningRuleDraft, type WarningView } from '../contract/warnings';
import type { Outbox } from '../outbox/outbox';
import type { WarningMessage, WarningRuleMessage } from '../site-link/interface/payloads';
import { topicOf } from '../site-link/interface/topics';
import { SharedRecords, type SharedRecord } from '../sharing/shared-records';
import type { Database } from '../store/database';
import type { WarningChange } from './engine';
import { foldWarning, mergeWarning } from './fold';

const ruleBody = ({ id, name, enabled, hazard, level, scope, groupBy, condition }: WarningRuleDraft): string => JSON.stringify({ id, name, enabled, hazard, level, scope, groupBy, condition });

/** The site's warning rules, shared by every station (the later edit wins; deletions stay as tombstones). Names are unique. */
export class WarningRules {
  private readonly records: SharedRecords<WarningRuleDraft>;

  constructor(
    private readonly db: Database,
    clock: HybridClock,
    outbox: Outbox,
    site: string,
  ) {
    this.records = new SharedRecords<WarningRuleDraft>(db, clock, outbox, {
      table: 'warning_rules',
      topic: (warningRule) => topicOf('warningRule', { site, warningRule }),
      body: ruleBody,
      parse: (body) => WarningRuleDraftSchema.parse(body),
    });
  }

  get generation(): number {
    return this.records.generation;
  }

  get(id: string): SharedRecord<WarningRuleDraft> | null {
    return this.records.get(id);
  }

  list(): SharedRecord<WarningRuleDraft>[] {
    return this.records.list().sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }

  save(draft: WarningRuleDraft, user: string): SharedRecord<WarningRuleDraft> {
    return this.db.transaction(() => {
      const duplicate = this.list().find((rule) => rule.name === draft.name && rule.id !== draft.id);
      if (duplicate) throw new ContractError('conflict', `another warning rule is already called ${draft.name}`);
      this.records.share(WarningRuleDraftSchema.parse(draft), user);
      return this.records.get(draft.id)!;
    })();
  }

  delete(id: string, user: string): void {
    this.db.transaction(() => {
      if (!this.records.remove(id, user)) throw new ContractError('not_found', `no warning rule ${id}`);
    })();
  }

  receive(record: WarningRuleMessage): boolean {
    return this.records.receive(record);
  }

  seed(drafts: readonly WarningRuleDraft[]): void {
    this.records.seed(drafts);
  }
}

type Row = { id: string; record: string };

/** How many cleared warnings the list shows besides the active ones. */
const RECENT = 200;

/**
 * The site's warnings, each kept as its set of events (the shared record,
 * published retained on warnings/{id}) with the columns the list reads.
 * Events the engine derives and acknowledgements made here are added to
 * the set; another station's copy is merged by union.
 */
export class WarningBook {
  private readonly select;
  private readonly upsert;
  private readonly listActive;
  private readonly listRecent;
  private readonly listeners = new Set<(warning: WarningView) => void>();
  /** Warnings changed since the last `take`, for warnings.changed once the transaction commits. */
  private changed = new Set<string>();

  constructor(
    private readonly db: Database,
    private readonly clock: HybridClock,
    private readonly outbox: Outbox,
    private readonly site: string,
  ) {
    this.select = db.prepare<[string], Row>('SELECT id, record FROM warnings WHERE id = ?');
    this.upsert = db.prepare(
      `INSERT INTO warnings (id, record, active, level, hazard, raised_at, changed_at) VALUES (@id, @record, @active, @level, @hazard, @raisedAt, @changedAt)
       ON CONFLICT(id) DO UPDATE SET record = excluded.record, active = excluded.active, level = excluded.level, hazard = excluded.hazard, raised_at = excluded.raised_at, changed_at = excluded.changed_at`,
    );
    this.listActive = db.prepare<[], Row>('SELECT id, record FROM warnings WHERE active = 1 ORDER BY changed_at DESC');
    this.listRecent = db.prepare<[number], Row>('SELECT id, record FROM warnings WHERE active = 0 ORDER BY changed_at DESC LIMIT ?');
  }

  /** Called inside the transaction whenever a warning is raised or changes level (here or at another station). */
  onWarning(listener: (warning: WarningView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Active warnings, gravest first, then recently cleared ones. */
  list(): WarningView[] {
    const active = this.listActive.all().map((row) => this.read(row)).filter((view): view is WarningView => view !== null);
    active.sort((a, b) => a.level - b.level || b.changedAt - a.changedAt);
    const recent = this.listRecent.all(RECENT).map((row) => this.read(row)).filter((view): view is WarningView => view !== null);
    return [...active, ...recent];
  }

  active(): WarningView[] {
    return this.listActive.all().map((row) => this.read(row)).filter((view): view is WarningView => view !== null);
  }

  get(id: string): WarningView {
    const row = this.select.get(id);
    const view = row && this.read(row);
    if (!view) throw new ContractError('not_found', `no warning ${id}`);
    return view;
  }

  /** An event the engine derived. Inside the ingest's (or the sweep's) transaction. */
  apply(change: WarningChange): void {
    const current = this.recordOf(change.warning);
    if (current?.events.some((event) => event.id === change.event.id)) return;
    if (!current && change.event.type !== 'raised') return;
    this.save(mergeWarning(current ?? undefined, { id: change.warning, events: [change.event] }), true);
  }

  /** A user acknowledges a warning, with a note. Inside a transaction. */
  acknowledge(id: string, by: string, note: string): WarningView {
    const current = this.recordOf(id);
    if (!current || !foldWarning(current)) throw new ContractError('not_found', `no warning ${id}`);
    if (current.events.length >= MAX_WARNING_EVENTS) throw new ContractError('conflict', `warning ${id} holds ${MAX_WARNING_EVENTS} entries, the most one keeps`);
    const stamp = this.clock.tick();
    const event = { id: `ack-${stamp.millis}-${stamp.counter}-${stamp.node}`.slice(0, 100), at: stamp.millis, type: 'acknowledged' as const, by, note };
    this.save(mergeWarning(current, { id, events: [event] }), true);
    return this.get(id);
  }

  /** Another station's copy; the warning as it now reads here when the copy added anything, else null. Inside the ingest's transaction. */
  receive(incoming: WarningMessage): WarningView | null {
    const current = this.recordOf(incoming.id);
    const merged = mergeWarning(current ?? undefined, incoming);
    if (current && JSON.stringify(merged) === JSON.stringify(current)) return null;
    // When this station holds events the copy lacked, it publishes the union, so the retained message ends up whole.
    this.save(merged, merged.events.length !== incoming.events.length);
    return foldWarning(merged);
  }

  /** Warnings changed since the last call, as they are now. */
  take(): WarningView[] {
    const ids = [...this.changed];
    this.changed = new Set();
    return ids.flatMap((id) => {
      const row = this.select.get(id);
      return (row && this.read(row)) || [];
    });
  }

  recordOf(id: string): WarningRecord | null {
    const row = this.select.get(id);
    return row ? (JSON.parse(row.record) as WarningRecord) : null;
  }

  private read(row: Row): WarningView | null {
    return foldWarning(JSON.parse(row.record) as WarningRecord);
  }

  private save(record: WarningRecord, publish: boolean): void {
    const before = this.recordOf(record.id);
    const was = before && foldWarning(before);
    const view = foldWarning(record);
    this.upsert.run({
      id: record.id,
      record: JSON.stringify(record),
      active: view?.active ? 1 : 0,
      level: view?.level ?? null,
      hazard: view?.hazard ?? null,
      raisedAt: view?.raisedAt ?? null,
      changedAt: view?.changedAt ?? record.events[record.events.length - 1]!.at,
    });
    this.changed.add(record.id);
    if (view?.active && (!was || was.level !== view.level)) for (const listener of this.listeners) listener(view);
    if (!publish) return;
    const payload = JSON.stringify(WarningRecordSchema.parse(record));
    const digest = createHash('sha256').update(payload).digest('hex').slice(0, 16);
    this.outbox.add({ id: `warning-${record.id}-${digest}`, topic: topicOf('warning', { site: this.site, warning: record.id }), payload, qos: 1, retain: true });
  }
}
