import { createHash } from 'node:crypto';
import { formatHlc, parseHlc, type HybridClock } from '../alarms/hlc';
import { ContractError } from '../contract';
import { MAX_ORDER_EVENTS, OPEN_ORDER_STATES, OrderRecordSchema, type OrderDetail, type OrderDraft, type OrderEvent, type OrderRecord, type OrderSummary } from '../contract/orders';
import type { Outbox } from '../outbox/outbox';
import { topicOf } from '../site-link/interface/topics';
import type { Database } from '../store/database';
import { foldOrder, mergeOrder } from './fold';

type Row = {
  id: string;
  record: string;
  state: OrderSummary['state'] | null;
  priority: OrderSummary['priority'];
  category: OrderSummary['category'];
  source: OrderSummary['source'];
  title: string;
  building: string;
  assignee: string | null;
  alarm: string | null;
  created_at: number;
  updated_at: number;
  respond_by: number;
  complete_by: number;
  completed_at: number | null;
  rating: number | null;
  escalated: string;
};

/** Who acts, and from where: a user at a station, a resident's or technician's app, or the station itself (SLA, alarms). */
export type Actor = { by: string; via: OrderEvent['via'] };
/** An event before it has its id and clock. */
export type OrderChange = OrderEvent extends infer E ? (E extends OrderEvent ? Omit<E, 'id' | 'hlc' | 'by' | 'via'> : never) : never;

const toSummary = (row: Row): OrderSummary => ({
  id: row.id,
  title: row.title,
  category: row.category,
  priority: row.priority,
  state: row.state!,
  source: row.source,
  building: row.building,
  assignee: row.assignee,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  respondBy: row.respond_by,
  completeBy: row.complete_by,
  completedAt: row.completed_at,
  escalated: row.escalated ? (row.escalated.split(',') as OrderSummary['escalated']) : [],
  rating: row.rating,
  alarm: row.alarm,
});

const DONE: Record<Exclude<OrderChange['action'], 'create'>, string> = {
  assign: 'assigned',
  accept: 'accepted',
  start: 'started',
  note: 'noted',
  complete: 'completed',
  confirm: 'confirmed',
  reopen: 'reopened',
  close: 'closed',
  cancel: 'cancelled',
  priority: 'given that priority',
  escalate: 'escalated',
};

/** Why an action does not fit where the order stands, in words for the person who tried. */
export function refusal(order: OrderDetail, change: Exclude<OrderChange, { action: 'create' }>, actor: Actor): string {
  if ((change.action === 'accept' || change.action === 'start' || change.action === 'complete') && order.assignee !== actor.by) {
    return `order ${order.id} is assigned to ${order.assignee ?? 'nobody'}, not ${actor.by}`;
  }
  return `order ${order.id} is ${order.state.replace('_', ' ')}: it cannot be ${DONE[change.action]} now`;
}

/**
 * The site's repair orders. Each is kept as its set of events (the shared
 * record) and, beside it, the columns the list, board and figures read. A
 * change made here is an event added to the set, stored and published as
 * the order's retained message; another station's copy is merged by union.
 */
export class WorkOrders {
  private readonly select;
  private readonly upsert;
  private readonly listAll;
  private readonly listAssigned;
  private readonly openPerAssignee;
  private readonly listLate;
  /** Orders another station's copy escalated here, announced once the ingest commits. */
  private escalatedElsewhere: string[] = [];

  constructor(
    private readonly db: Database,
    private readonly clock: HybridClock,
    private readonly outbox: Outbox,
    private readonly site: string,
  ) {
    this.select = db.prepare<[string], Row>('SELECT * FROM orders WHERE id = ?');
    this.upsert = db.prepare(
      `INSERT INTO orders (id, record, state, priority, category, source, title, building, assignee, alarm, resident, created_at, updated_at, respond_by, complete_by, completed_at, rating, escalated)
       VALUES (@id, @record, @state, @priority, @category, @source, @title, @building, @assignee, @alarm, @resident, @createdAt, @updatedAt, @respondBy, @completeBy, @completedAt, @rating, @escalated)
       ON CONFLICT(id) DO UPDATE SET record = excluded.record, state = excluded.state, priority = excluded.priority, category = excluded.category, source = excluded.source,
         title = excluded.title, building = excluded.building, assignee = excluded.assignee, alarm = excluded.alarm, resident = excluded.resident, created_at = excluded.created_at,
         updated_at = excluded.updated_at, respond_by = excluded.respond_by, complete_by = excluded.complete_by, completed_at = excluded.completed_at, rating = excluded.rating, escalated = excluded.escalated`,
    );
    this.listAll = db.prepare<[], Row>('SELECT * FROM orders WHERE state IS NOT NULL ORDER BY created_at DESC');
    this.listAssigned = db.prepare<[string], Row>('SELECT * FROM orders WHERE state IS NOT NULL AND assignee = ? ORDER BY created_at DESC');
    this.openPerAssignee = db.prepare<[], { assignee: string; open: number }>(
      `SELECT assignee, count(*) AS open FROM orders WHERE assignee IS NOT NULL AND state IN ('assigned', 'accepted', 'in_progress') GROUP BY assignee`,
    );
    // Only what the sweep needs, of only the orders with a deadline passed and not yet escalated: it runs every few seconds.
    this.listLate = db.prepare<{ now: number }, Pick<Row, 'id' | 'respond_by' | 'complete_by' | 'escalated'>>(
      `SELECT id, respond_by, complete_by, escalated FROM orders WHERE state IN (${OPEN_ORDER_STATES.map((s) => `'${s}'`).join(', ')})
         AND ((respond_by <= @now AND instr(escalated, 'respond') = 0) OR (complete_by <= @now AND instr(escalated, 'complete') = 0))`,
    );
  }

  /** Every order, newest first (the list virtualises; a summary is ~300 bytes). */
  list(filter: { assignee?: string } = {}): OrderSummary[] {
    return (filter.assignee === undefined ? this.listAll.all() : this.listAssigned.all(filter.assignee)).map(toSummary);
  }

  /** How many orders each technician has in hand (assigned, accepted or in progress). */
  openByAssignee(): Map<string, number> {
    return new Map(this.openPerAssignee.all().map(({ assignee, open }) => [assignee, open]));
  }

  get(id: string): OrderDetail {
    const record = this.recordOf(id);
    const order = record && foldOrder(record);
    if (!order) throw new ContractError('not_found', `no order ${id}`);
    return order;
  }

  has(id: string): boolean {
    return this.select.get(id)?.state != null;
  }

  /** Opens an order; `id` and `at` are given when every station must open the same one (from an alarm or a resident's app). Inside a transaction. */
  create(draft: OrderDraft & { source: OrderSummary['source']; alarm?: string }, actor: Actor, fixed?: { id: string; at: number }): OrderDetail {
    const id = fixed?.id ?? `wo-${this.clock.node}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    if (this.select.get(id)) throw new ContractError('conflict', `order ${id} exists already`);
    const hlc = fixed ? formatHlc({ millis: fixed.at, counter: 0, node: 'site' }) : formatHlc(this.clock.tick());
    const { title, description, category, priority, place, resident, device, photos, source, alarm } = draft;
    const event: OrderEvent = {
      id: fixed ? `${id}-create` : hlc,
      hlc,
      ...actor,
      action: 'create',
      title,
      description,
      category,
      priority,
      place,
      source,
      photos,
      ...(resident ? { resident } : {}),
      ...(alarm ? { alarm } : {}),
      ...(device ? { device } : {}),
    };
    this.save({ id, events: [event] }, true);
    return this.get(id);
  }

  /** An action on an order at this station: refused with the reason when it does not fit where the order stands. Inside a transaction. */
  act(id: string, change: Exclude<OrderChange, { action: 'create' }>, actor: Actor): OrderDetail {
    const hlc = formatHlc(this.clock.tick());
    const added = this.withEvent(id, { ...change, id: hlc, hlc, ...actor } as OrderEvent);
    if (!added) throw new ContractError('not_found', `no order ${id}`);
    if (added.record.events.length > MAX_ORDER_EVENTS) throw new ContractError('conflict', `order ${id} has ${MAX_ORDER_EVENTS} entries, the most one order keeps; open a new order`);
    // A step that does not apply leaves state and assignee as they were: the folded order says why as well as the one before it.
    if (!added.applied) throw new ContractError('conflict', refusal(added.order, change, actor));
    this.save(added.record, true, added.order);
    return added.order;
  }

  /**
   * Adds an event every station derives alike (an escalation at its deadline,
   * an app's message): its id and clock come from what caused it, so the
   * copies merge into one. Null when the order is unknown or already has it;
   * else the order as it now stands, and whether the event applied. With
   * `onlyIfApplies`, an event that does not fit is not kept (an app's step
   * out of turn is quarantined instead).
   */
  derive(id: string, event: OrderEvent, { onlyIfApplies = false } = {}): { order: OrderDetail; applied: boolean } | null {
    const added = this.withEvent(id, event);
    if (!added) return null;
    if (added.applied || !onlyIfApplies) this.save(added.record, true, added.order);
    return { order: added.order, applied: added.applied };
  }

  /** Orders a new station starts with (the demo park's history): stored where absent, not published (every station seeds the same). */
  seed(records: readonly OrderRecord[]): void {
    this.db.transaction(() => {
      for (const record of records) if (!this.select.get(record.id)) this.save(mergeOrder(undefined, record), false);
    })();
  }

  /** Another station's copy; true when it added anything here. Inside the ingest's transaction. */
  receive(incoming: OrderRecord): boolean {
    for (const event of incoming.events) {
      const stamp = parseHlc(event.hlc);
      if (stamp && event.via === 'station') this.clock.receive(stamp);
    }
    const current = this.recordOf(incoming.id);
    const merged = mergeOrder(current ?? undefined, incoming);
    if (current && JSON.stringify(merged) === JSON.stringify(current)) return false;
    // The station whose sweep came first escalates for all: supervisors here must be told all the same.
    const before = new Set(current ? (foldOrder(current)?.escalated ?? []) : []);
    const after = foldOrder(merged)?.escalated ?? [];
    if (after.some((stage) => !before.has(stage))) this.escalatedElsewhere.push(incoming.id);
    // When this station holds events the copy lacked, it publishes the union, so the retained message ends up whole.
    this.save(merged, merged.events.length !== incoming.events.length);
    return true;
  }

  /** Open orders whose response or completion deadline has passed unmet and not yet escalated; returns their ids. Inside a transaction. */
  escalate(now: number): string[] {
    const escalated: string[] = [];
    for (const row of this.listLate.all({ now })) {
      const stages = row.escalated.split(',');
      const due = [
        ...(row.respond_by <= now && !stages.includes('respond') ? [{ stage: 'respond' as const, deadline: row.respond_by }] : []),
        ...(row.complete_by <= now && !stages.includes('complete') ? [{ stage: 'complete' as const, deadline: row.complete_by }] : []),
      ];
      for (const { stage, deadline } of due) {
        const hlc = formatHlc({ millis: deadline, counter: 0, node: 'sla' });
        const added = this.derive(row.id, { id: `${row.id}-late-${stage}-${deadline}`, hlc, by: 'Vigil', via: 'system', action: 'escalate', stage, deadline });
        if (added?.order.escalated.includes(stage)) escalated.push(row.id);
      }
    }
    return [...new Set(escalated)];
  }

  /** Orders escalated by copies received since the last call (from other stations). */
  takeEscalatedElsewhere(): string[] {
    const ids = [...new Set(this.escalatedElsewhere)];
    this.escalatedElsewhere = [];
    return ids;
  }

  /** The shared record: every event of the order. */
  recordOf(id: string): OrderRecord | null {
    const row = this.select.get(id);
    return row ? (JSON.parse(row.record) as OrderRecord) : null;
  }

  /** The record with one more event, folded once: null when the order is unknown or holds that event already. */
  private withEvent(id: string, event: OrderEvent): { record: OrderRecord; order: OrderDetail; applied: boolean } | null {
    const current = this.recordOf(id);
    if (!current || current.events.some((held) => held.id === event.id)) return null;
    const record = mergeOrder(current, { id, events: [event] });
    const order = foldOrder(record)!;
    return { record, order, applied: order.timeline.find((line) => line.id === event.id)!.applied };
  }

  private save(record: OrderRecord, publish: boolean, order = foldOrder(record)): void {
    this.upsert.run({
      id: record.id,
      record: JSON.stringify(record),
      state: order?.state ?? null,
      priority: order?.priority ?? 'normal',
      category: order?.category ?? 'other',
      source: order?.source ?? 'officer',
      title: order?.title ?? '',
      building: order?.building ?? '',
      assignee: order?.assignee ?? null,
      alarm: order?.alarm ?? null,
      resident: order?.resident ?? null,
      createdAt: order?.createdAt ?? 0,
      updatedAt: order?.updatedAt ?? 0,
      respondBy: order?.respondBy ?? 0,
      completeBy: order?.completeBy ?? 0,
      completedAt: order?.completedAt ?? null,
      rating: order?.rating ?? null,
      escalated: order?.escalated.join(',') ?? '',
    });
    if (!publish) return;
    const payload = JSON.stringify(OrderRecordSchema.parse(record));
    const digest = createHash('sha256').update(payload).digest('hex').slice(0, 16);
    this.outbox.add({ id: `order-${record.id}-${digest}`, topic: topicOf('order', { site: this.site, order: record.id }), payload, qos: 1, retain: true });
  }
}
