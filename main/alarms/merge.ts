import { ALARM_STATES, SEVERITIES } from '../contract/classes';
import { type AlarmStateMessage } from '../site-link/interface/payloads';
import { compareHlc, parseHlc, type Hlc } from './hlc';

export type AlarmRecord = AlarmStateMessage;

/*
 * Why mergeAlarm is a CRDT join (commutative, associative, idempotent), so
 * every station ends with the same record whatever the order, duplication or
 * delay of delivery: the record is a product of three chains, each merged by
 * max in its own total order, and a product of joins is a join.
 *  - The "winner": state rank, then HLC, then the remaining winner-owned
 *    fields as a string. That order is total over everything the winner
 *    brings (state, hlc, source, type, rule, by, station, note), so two records
 *    that tie are identical in those fields and the choice does not matter.
 *    HLCs are unique per station, so the last tiebreak only matters for
 *    forged or corrupt records, but without it the join laws would not hold.
 *  - count and lastAt by max, raisedAt by min (they only grow / only move
 *    earlier); procedure steps by bitwise or (a step done is never undone).
 *  - severity by the most urgent: a control room must never see an alarm
 *    downgraded because an older copy arrived last.
 *  - acknowledgedAt and resolvedAt by min (absent above every time): the
 *    first acknowledgement anywhere is the alarm's response time.
 */

const rank = (r: AlarmRecord) => ALARM_STATES.indexOf(r.state);
const urgency = (r: AlarmRecord) => SEVERITIES.indexOf(r.severity);

function stamp(r: AlarmRecord): Hlc {
  const h = parseHlc(r.hlc);
  if (!h) throw new RangeError(`alarm ${r.id}: bad hlc ${r.hlc}`);
  return h;
}

// null, not undefined, so that an absent field and "" stay distinct.
const content = (r: AlarmRecord) => JSON.stringify([r.source, r.type, r.rule ?? null, r.by ?? null, r.station ?? null, r.note ?? null]);

function order(a: AlarmRecord, b: AlarmRecord): number {
  const ca = content(a);
  const cb = content(b);
  return rank(a) - rank(b) || compareHlc(stamp(a), stamp(b)) || (ca === cb ? 0 : ca < cb ? -1 : 1);
}

// Absent optional fields are left out, not set to undefined, so merged records compare deep-equal.
function build(w: AlarmRecord, severity: AlarmRecord['severity'], count: number, raisedAt: number, lastAt: number, steps: number, times: Times = w): AlarmRecord {
  const r: AlarmRecord = { id: w.id, source: w.source, type: w.type, severity, state: w.state, hlc: w.hlc, raisedAt, count, steps };
  if (lastAt > raisedAt) r.lastAt = lastAt;
  if (w.by !== undefined) r.by = w.by;
  if (w.station !== undefined) r.station = w.station;
  if (w.note !== undefined) r.note = w.note;
  if (w.rule !== undefined) r.rule = w.rule;
  // Last, in the order the store reads a record back, so an unchanged record compares equal as JSON.
  if (times.acknowledgedAt !== undefined) r.acknowledgedAt = times.acknowledgedAt;
  if (times.resolvedAt !== undefined) r.resolvedAt = times.resolvedAt;
  return r;
}

const lastOf = (r: AlarmRecord) => r.lastAt ?? r.raisedAt;

type Times = Pick<AlarmRecord, 'acknowledgedAt' | 'resolvedAt'>;
const earliest = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.min(a, b));
const firstTimes = (a: AlarmRecord, b: AlarmRecord): Times => ({ acknowledgedAt: earliest(a.acknowledgedAt, b.acknowledgedAt), resolvedAt: earliest(a.resolvedAt, b.resolvedAt) });

export function mergeAlarm(current: AlarmRecord | undefined, incoming: AlarmRecord): AlarmRecord {
  if (!current) return build(incoming, incoming.severity, incoming.count, incoming.raisedAt, lastOf(incoming), incoming.steps);
  if (current.id !== incoming.id) throw new RangeError(`cannot merge alarm ${incoming.id} into ${current.id}`);
  const winner = order(current, incoming) >= 0 ? current : incoming;
  const severity = urgency(current) <= urgency(incoming) ? current.severity : incoming.severity;
  return build(
    winner,
    severity,
    Math.max(current.count, incoming.count),
    Math.min(current.raisedAt, incoming.raisedAt),
    Math.max(lastOf(current), lastOf(incoming)),
    current.steps | incoming.steps,
    firstTimes(current, incoming),
  );
}

const FIELDS = ['id', 'source', 'type', 'severity', 'state', 'hlc', 'raisedAt', 'by', 'station', 'note', 'count', 'lastAt', 'steps', 'rule', 'acknowledgedAt', 'resolvedAt'] as const;
// Fails to compile when the payload gains a field FIELDS does not list.
const _everyField: Record<Exclude<keyof AlarmRecord, (typeof FIELDS)[number]>, never> = {};

/** After merging a local action: publish only if it changed the record (an ack of a resolved alarm does not). */
export function shouldPublish(before: AlarmRecord | undefined, after: AlarmRecord): boolean {
  // JSON, not identity: the rule is an object.
  return !before || FIELDS.some((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}
