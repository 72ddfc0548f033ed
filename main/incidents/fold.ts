import { ENDED_INCIDENT_STATES, type Dispatch, type IncidentDetail, type IncidentEvent, type IncidentRecord, type StepState, type TimelineEntry } from '../contract/incidents';
import { formatHlc } from '../alarms/hlc';
import { graver, type WarningLevel } from '../contract/warning-levels';

/*
 * Why every station reads the same incident: as with repair orders
 * (main/orders/fold.ts), an incident is a set of events, merged by union
 * (commutative, associative, idempotent) and read by one pure function in
 * hybrid-logical-clock order. An action that no longer fits when its turn
 * comes (a level change after another station closed it, a handheld's
 * second acknowledgement) stays on the timeline marked not applied.
 */

const byClock = (a: IncidentEvent, b: IncidentEvent) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The union of two copies of an incident's events; two different events under one id resolve to the greater text. */
export function mergeIncident(current: IncidentRecord | undefined, incoming: IncidentRecord): IncidentRecord {
  if (!current) return { id: incoming.id, events: dedupe(incoming.events) };
  if (current.id !== incoming.id) throw new RangeError(`cannot merge incident ${incoming.id} into ${current.id}`);
  return { id: current.id, events: dedupe([...current.events, ...incoming.events]) };
}

function dedupe(events: IncidentEvent[]): IncidentEvent[] {
  const byId = new Map<string, { event: IncidentEvent; text: string }>();
  for (const event of events) {
    const text = JSON.stringify(event);
    const held = byId.get(event.id);
    if (!held || text > held.text) byId.set(event.id, { event, text });
  }
  return [...byId.values()].map(({ event }) => event).sort(byClock);
}

export const millisOf = (hlc: string) => Number(hlc.slice(0, 13));

/** The incident its events say, or null while its opening has not arrived. */
export function foldIncident(record: IncidentRecord): IncidentDetail | null {
  const events = [...record.events].sort(byClock);
  const open = events.find((event) => event.kind === 'open');
  if (!open || open.kind !== 'open') return null;
  const openedAt = millisOf(open.hlc);
  const incident: IncidentDetail = {
    id: record.id,
    type: open.type,
    title: open.title,
    level: open.level,
    state: 'open',
    drill: open.drill,
    place: open.place,
    commander: null,
    openedAt,
    openedBy: open.by,
    closedAt: null,
    updatedAt: openedAt,
    active: 0,
    source: open.source,
    links: [],
    steps: open.plan.map((step): StepState => ({ ...step, status: 'waiting', startedAt: null, dueAt: null, endedAt: null, endedBy: null, escalatedAt: null })),
    dispatches: [],
    timeline: [],
  };
  for (const link of open.links) if (!hasLink(incident, link)) incident.links.push(link);
  startSteps(incident, openedAt);
  for (const event of events) {
    const at = millisOf(event.hlc);
    const applied = event === open || (event.kind !== 'open' && apply(incident, event, at));
    if (applied) incident.updatedAt = Math.max(incident.updatedAt, at);
    incident.timeline.push(entry(event, at, applied));
  }
  incident.active = incident.dispatches.filter((dispatch) => dispatch.status !== 'released').length;
  return incident;
}

const ended = (incident: IncidentDetail) => ENDED_INCIDENT_STATES.includes(incident.state);
const hasLink = (incident: IncidentDetail, link: { kind: string; ref: string }) => incident.links.some((held) => held.kind === link.kind && held.ref === link.ref);

/** Steps whose start level the incident has reached start now (and stay started if the level is lowered later). */
function startSteps(incident: IncidentDetail, at: number): void {
  for (const step of incident.steps) {
    if (step.status !== 'waiting' || graver(step.startLevel, incident.level)) continue;
    Object.assign(step, { status: 'active', startedAt: at, dueAt: at + step.minutes * 60_000 });
  }
}

/** Applies one event where the incident stands; false when it does not fit there. */
function apply(incident: IncidentDetail, event: Exclude<IncidentEvent, { kind: 'open' }>, at: number): boolean {
  switch (event.kind) {
    case 'level':
      if (ended(incident) || event.level === incident.level) return false;
      incident.level = event.level as WarningLevel;
      startSteps(incident, at);
      return true;
    case 'state':
      if (ended(incident) || event.state === incident.state || event.state === 'open') return false;
      incident.state = event.state;
      if (ended(incident)) incident.closedAt = at;
      return true;
    case 'note':
      return true;
    case 'link':
      if (hasLink(incident, event.link)) return false;
      incident.links.push(event.link);
      return true;
    case 'unlink':
      if (!hasLink(incident, event.link)) return false;
      incident.links = incident.links.filter((held) => held.kind !== event.link.kind || held.ref !== event.link.ref);
      return true;
    case 'step': {
      const step = incident.steps.find((held) => held.id === event.step);
      if (ended(incident) || !step || step.status !== 'active') return false;
      Object.assign(step, { status: event.outcome, endedAt: at, endedBy: event.by });
      return true;
    }
    case 'overdue': {
      // Escalated once, and only a step still active past that very deadline: one done in time, or an incident ended, stays as it was.
      const step = incident.steps.find((held) => held.id === event.step);
      if (ended(incident) || !step || step.status !== 'active' || step.dueAt !== event.dueAt || step.escalatedAt !== null) return false;
      step.escalatedAt = at;
      return true;
    }
    case 'commander':
      if (ended(incident) || incident.commander === event.commander) return false;
      incident.commander = event.commander;
      return true;
    case 'dispatch': {
      if (ended(incident) || incident.dispatches.some((held) => held.id === event.dispatch)) return false;
      const { dispatch: id, resource, name, members, task } = event;
      incident.dispatches.push({ id, resource, name, members, task, sentAt: at, sentBy: event.by, status: 'sent', acknowledgedAt: null, acknowledgedBy: null, arrivedAt: null, arrivedBy: null, releasedAt: null, releasedBy: null });
      // Sending someone is responding.
      if (incident.state === 'open') incident.state = 'responding';
      return true;
    }
    case 'reply': {
      const dispatch = incident.dispatches.find((held) => held.id === event.dispatch);
      if (!dispatch || replyProblem(dispatch, event) !== null) return false;
      if (event.status === 'acknowledged') Object.assign(dispatch, { status: 'acknowledged', acknowledgedAt: at, acknowledgedBy: event.by });
      else if (event.status === 'arrived') Object.assign(dispatch, { status: 'arrived', arrivedAt: at, arrivedBy: event.by });
      else Object.assign(dispatch, { status: 'released', releasedAt: at, releasedBy: event.by });
      return true;
    }
  }
}

/**
 * Why a reply does not fit a dispatch, or null. The same test decides at the
 * ingest (the message is quarantined with this reason) and in the fold (a
 * copy that raced another station's stays on the timeline, not applied).
 */
export function replyProblem(dispatch: Dispatch, reply: { by: string; via: string; status: string }): string | null {
  if (dispatch.status === 'released') return `dispatch ${dispatch.id} was released at ${new Date(dispatch.releasedAt!).toISOString()}`;
  // A station releases whoever it sent; a handheld speaks only for the people of its resource.
  if (reply.via !== 'station' && !dispatch.members.includes(reply.by)) return `${reply.by} does not answer for ${dispatch.name} (${dispatch.resource})`;
  if (reply.status === 'acknowledged' && dispatch.status !== 'sent') return `dispatch ${dispatch.id} was acknowledged already by ${dispatch.acknowledgedBy} at ${new Date(dispatch.acknowledgedAt!).toISOString()}`;
  if (reply.status === 'arrived' && dispatch.status !== 'acknowledged') return dispatch.status === 'sent' ? `dispatch ${dispatch.id}: arrival before acknowledgement` : `dispatch ${dispatch.id} has arrived already`;
  return null;
}

/**
 * The event that escalates a step at its deadline: its id and clock come
 * from the step and the deadline alone, so every station that sweeps derives
 * the same one and the copies merge into one entry.
 */
export function overdueEvent(step: string, dueAt: number): Extract<IncidentEvent, { kind: 'overdue' }> {
  return { id: `overdue-${step}-${dueAt}`, hlc: formatHlc({ millis: dueAt, counter: 0, node: 'plan' }), by: 'Vigil', via: 'system', kind: 'overdue', step, dueAt };
}

/** Active steps of a running incident past their deadline and not escalated yet. */
export function stepsOverdue(incident: IncidentDetail, now: number): StepState[] {
  if (ended(incident)) return [];
  return incident.steps.filter((step) => step.status === 'active' && step.escalatedAt === null && step.dueAt !== null && step.dueAt <= now);
}

/** The next deadline the sweep must look at in this incident: the earliest of its active steps not escalated yet; null when there is none. */
export function nextDeadline(incident: IncidentDetail): number | null {
  if (ended(incident)) return null;
  const due = incident.steps.flatMap((step) => (step.status === 'active' && step.escalatedAt === null && step.dueAt !== null ? [step.dueAt] : []));
  return due.length ? Math.min(...due) : null;
}

function entry(event: IncidentEvent, at: number, applied: boolean): TimelineEntry {
  const { id, hlc: _hlc, by, via, kind, ...data } = event;
  // The plan snapshot is the incident's checklist, not news: the timeline names it by its size.
  if (event.kind === 'open') return { id, at, by, via, kind, applied, data: { ...data, plan: event.plan.length } };
  return { id, at, by, via, kind, applied, data };
}
