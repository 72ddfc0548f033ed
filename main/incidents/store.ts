import { createHash } from 'node:crypto';
import { formatHlc, parseHlc, type HybridClock } from '../alarms/hlc';
import { ContractError } from '../contract';
import { IncidentEventSchema, IncidentRecordSchema, MAX_INCIDENT_EVENTS, type IncidentDetail, type IncidentEvent, type IncidentEvidence, type IncidentRecord, type IncidentSummary } from '../contract/incidents';
import type { Outbox } from '../outbox/outbox';
import { topicOf } from '../site-link/interface/topics';
import type { Database } from '../store/database';
import { foldIncident, mergeIncident, nextDeadline, overdueEvent, stepsOverdue } from './fold';

type Row = { id: string; record: string; summary: string | null; opened_at: number; closed_at: number | null; next_due: number | null };

/** A plan step escalated for passing its deadline: the incident and the step's id. */
export type StepEscalation = { incident: string; step: string };

/** Who acts, and from where. */
export type Actor = { by: string; via: IncidentEvent['via'] };
/** An event before it has its id and clock. */
export type IncidentChange = IncidentEvent extends infer E ? (E extends IncidentEvent ? Omit<E, 'id' | 'hlc' | 'by' | 'via'> : never) : never;
type Opening = Omit<Extract<IncidentEvent, { kind: 'open' }>, 'id' | 'hlc' | 'by' | 'via' | 'kind'>;

/**
 * An event with its keys in the schema's order, as every station parses it
 * from the wire: equal events are then equal text, which the merge compares.
 */
const canonical = (event: IncidentEvent): IncidentEvent => IncidentEventSchema.parse(event);

const escalatedSteps = (incident: IncidentDetail | null) => incident?.steps.filter((step) => step.escalatedAt !== null).map((step) => step.id) ?? [];

const summaryOf = ({ id, type, title, level, state, drill, place, commander, openedAt, openedBy, closedAt, updatedAt, active }: IncidentDetail): IncidentSummary => ({ id, type, title, level, state, drill, place, commander, openedAt, openedBy, closedAt, updatedAt, active });

/**
 * The site's incidents. Each is kept as its set of events (the shared
 * record) and, beside it, the summary the board reads. A change made here is
 * an event added to the set, stored and published as the incident's retained
 * message; another station's copy is merged by union.
 */
export class Incidents {
  private readonly select;
  private readonly upsert;
  private readonly listAll;
  private readonly opened;
  private readonly listDue;
  private readonly setNextDue;
  /** Steps another station's copy escalated here, announced once the ingest commits. */
  private escalatedElsewhere: StepEscalation[] = [];

  constructor(
    private readonly db: Database,
    private readonly clock: HybridClock,
    private readonly outbox: Outbox,
    private readonly site: string,
  ) {
    this.select = db.prepare<[string], Row>('SELECT * FROM incidents WHERE id = ?');
    this.upsert = db.prepare(
      `INSERT INTO incidents (id, record, summary, opened_at, closed_at, next_due) VALUES (@id, @record, @summary, @openedAt, @closedAt, @nextDue)
       ON CONFLICT(id) DO UPDATE SET record = excluded.record, summary = excluded.summary, opened_at = excluded.opened_at, closed_at = excluded.closed_at, next_due = excluded.next_due`,
    );
    this.listAll = db.prepare<[], Row>('SELECT * FROM incidents WHERE summary IS NOT NULL ORDER BY opened_at DESC');
    this.opened = db.prepare<[number, number], Row>('SELECT * FROM incidents WHERE summary IS NOT NULL AND opened_at >= ? AND opened_at < ?');
    // The sweep runs every few seconds: it reads, by index, only incidents with a step's deadline passed and not escalated.
    this.listDue = db.prepare<[number], Pick<Row, 'id'>>('SELECT id FROM incidents WHERE next_due IS NOT NULL AND next_due <= ?');
    this.setNextDue = db.prepare<[number | null, string]>('UPDATE incidents SET next_due = ? WHERE id = ?');
  }

  /** Every incident, newest first. */
  list(): IncidentSummary[] {
    return this.listAll.all().map((row) => JSON.parse(row.summary!) as IncidentSummary);
  }

  /** Incidents opened in [from, to), whole. */
  openedBetween(from: number, to: number): IncidentDetail[] {
    return this.opened.all(from, to).flatMap((row) => foldIncident(JSON.parse(row.record) as IncidentRecord) ?? []);
  }

  has(id: string): boolean {
    return this.select.get(id)?.summary != null;
  }

  get(id: string): IncidentDetail {
    const record = this.recordOf(id);
    const incident = record && foldIncident(record);
    if (!incident) throw new ContractError('not_found', `no incident ${id}`);
    return incident;
  }

  /** The incident whole, for the evidence export: its folded record, the record itself, the timeline, links and when it opened and closed. */
  evidence(id: string): IncidentEvidence {
    const incident = this.get(id);
    return { incident, record: this.recordOf(id)!, timeline: incident.timeline, links: incident.links, openedAt: incident.openedAt, closedAt: incident.closedAt };
  }

  /**
   * Opens an incident. `fixed` gives the id and time when every station must
   * open the same one (from a warning or an alarm): the opening event then has
   * the same id everywhere and copies merge into one incident. Inside a transaction.
   */
  open(opening: Opening, actor: Actor, fixed?: { id: string; at: number }): IncidentDetail {
    const id = fixed?.id ?? `inc-${this.clock.node}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
    if (this.select.get(id)) throw new ContractError('conflict', `incident ${id} is open already`);
    const hlc = fixed ? formatHlc({ millis: fixed.at, counter: 0, node: 'site' }) : formatHlc(this.clock.tick());
    this.save({ id, events: [canonical({ ...opening, id: fixed ? `${id}-open` : hlc, hlc, ...actor, kind: 'open' })] }, true);
    return this.get(id);
  }

  /** An action at this station; refused with `refusal`'s reason when it does not fit where the incident stands. Inside a transaction. */
  act(id: string, change: Exclude<IncidentChange, { kind: 'open' }>, actor: Actor, refusal: (incident: IncidentDetail) => string): IncidentDetail {
    const incident = this.get(id);
    if (this.full(id)) throw new ContractError('conflict', `incident ${id} has ${MAX_INCIDENT_EVENTS} entries, the most one incident keeps; open a new incident`);
    const hlc = formatHlc(this.clock.tick());
    const event = { ...change, id: hlc, hlc, ...actor } as IncidentEvent;
    if (!this.add(id, event)) throw new ContractError('conflict', refusal(incident));
    return this.get(id);
  }

  /**
   * Adds an event whose id and clock come from what caused it (a handheld's
   * reply): every station that takes it adds the same event. False when it
   * does not apply where the incident stands, or the incident is full; nothing is stored then.
   */
  add(id: string, event: IncidentEvent): boolean {
    const current = this.recordOf(id);
    if (!current) return false;
    const record = mergeIncident(current, { id, events: [canonical(event)] });
    if (record.events.length > MAX_INCIDENT_EVENTS) return false;
    if (!foldIncident(record)!.timeline.find((line) => line.id === event.id)?.applied) return false;
    this.save(record, true);
    return true;
  }

  /** Another station's copy; true when it added anything here. Inside the ingest's transaction. */
  receive(incoming: IncidentRecord): boolean {
    for (const event of incoming.events) {
      const stamp = parseHlc(event.hlc);
      if (stamp && event.via === 'station') this.clock.receive(stamp);
    }
    const current = this.recordOf(incoming.id);
    const merged = mergeIncident(current ?? undefined, incoming);
    if (current && JSON.stringify(merged) === JSON.stringify(current)) return false;
    // Two full copies whose union is over the limit (only stations adding apart for long): this station keeps its own.
    if (merged.events.length > MAX_INCIDENT_EVENTS) return false;
    // The station whose sweep came first escalates for all: the people running the incident here must be told all the same.
    const before = new Set(escalatedSteps(current && foldIncident(current)));
    for (const step of escalatedSteps(foldIncident(merged))) if (!before.has(step)) this.escalatedElsewhere.push({ incident: incoming.id, step });
    // When this station holds events the copy lacked, it publishes the union, so the retained message ends up whole.
    this.save(merged, JSON.stringify(merged.events) !== JSON.stringify(mergeIncident(undefined, incoming).events));
    return true;
  }

  /**
   * Escalates the active steps of running incidents whose deadline has
   * passed, each once: every station adds the same event (overdueEvent), so
   * the copies merge into one. Returns the steps escalated. Inside a transaction.
   */
  escalate(now: number): StepEscalation[] {
    const escalated: StepEscalation[] = [];
    for (const { id } of this.listDue.all(now)) {
      const incident = this.get(id);
      for (const step of stepsOverdue(incident, now)) if (this.add(id, overdueEvent(step.id, step.dueAt!))) escalated.push({ incident: id, step: step.id });
      // What is left due is what could not be added (the incident is full): the sweep passes over it until the incident changes.
      const next = nextDeadline(this.get(id));
      this.setNextDue.run(next !== null && next <= now ? null : next, id);
    }
    return escalated;
  }

  /** Steps escalated by copies received since the last call (another station swept first). */
  takeEscalatedElsewhere(): StepEscalation[] {
    const taken = this.escalatedElsewhere;
    this.escalatedElsewhere = [];
    return taken;
  }

  /** Whether the incident holds as many events as one keeps. */
  full(id: string): boolean {
    return (this.recordOf(id)?.events.length ?? 0) >= MAX_INCIDENT_EVENTS;
  }

  recordOf(id: string): IncidentRecord | null {
    const row = this.select.get(id);
    return row ? (JSON.parse(row.record) as IncidentRecord) : null;
  }

  private save(given: IncidentRecord, publish: boolean): void {
    const record = IncidentRecordSchema.parse(given);
    const incident = foldIncident(record);
    this.upsert.run({
      id: record.id,
      record: JSON.stringify(record),
      summary: incident ? JSON.stringify(summaryOf(incident)) : null,
      openedAt: incident?.openedAt ?? 0,
      closedAt: incident?.closedAt ?? null,
      nextDue: incident ? nextDeadline(incident) : null,
    });
    if (!publish) return;
    const payload = JSON.stringify(record);
    const digest = createHash('sha256').update(payload).digest('hex').slice(0, 16);
    this.outbox.add({ id: `incident-${record.id}-${digest}`, topic: topicOf('incident', { site: this.site, incident: record.id }), payload, qos: 1, retain: true });
  }
}
