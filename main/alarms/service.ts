import { ACK_DEADLINE_SECONDS, ALARM_STATES, ContractError, EVENT_TYPES, FOLD_WINDOW_MS, PROCEDURES, allSteps, type Alarm, type AlarmState, type EventType } from '../contract';
import type { ALARM_ACTIONS, AlarmFilter, RuleTrigger, Severity } from '../contract';
import type { z } from 'zod';
import type { Outbox } from '../outbox/outbox';
import type { ChannelPayload } from '../site-link/interface/topics';
import { topicOf } from '../site-link/interface/topics';
import type { Database } from '../store/database';
import { formatHlc, parseHlc, type HybridClock } from './hlc';
import { mergeAlarm } from './merge';

type AlarmRecord = ChannelPayload<'alarm'>;
type Row = {
  id: string;
  source: string;
  type: EventType;
  severity: Alarm['severity'];
  state: AlarmState;
  hlc: string;
  raised_at: number;
  last_at: number;
  updated_at: number;
  by: string | null;
  station: string | null;
  note: string | null;
  count: number;
  steps: number;
  // From the device registry, null when the device is not known here.
  device_name: string | null;
  /** Where its device was when it was raised (kept on the alarm: the list filters by it). */
  area: string;
  building: string | null;
  floor: string | null;
  /** The rule that raised it, as JSON (type 'rule'). */
  rule: string | null;
  /** First acknowledged and first resolved, at any station (the service figures' response and handling times). */
  acknowledged_at: number | null;
  resolved_at: number | null;
};

/** What raises an alarm: a device event, or a rule on what devices report. */
export type Raising = { id: string; code: string; type: EventType; severity: Severity; at: number; rule?: RuleTrigger };

/** Alarms with where their device is: the list filters and shows by place. */
const SELECT = `SELECT a.*, d.name AS device_name, d.building, d.floor FROM alarms a LEFT JOIN devices d ON d.code = a.source`;

const toRecord = (row: Row): AlarmRecord => ({
  id: row.id,
  source: row.source,
  type: row.type,
  severity: row.severity,
  state: row.state,
  hlc: row.hlc,
  raisedAt: row.raised_at,
  count: row.count,
  steps: row.steps,
  ...(row.last_at > row.raised_at ? { lastAt: row.last_at } : {}),
  ...(row.by !== null ? { by: row.by } : {}),
  ...(row.station !== null ? { station: row.station } : {}),
  ...(row.note !== null ? { note: row.note } : {}),
  ...(row.rule !== null ? { rule: JSON.parse(row.rule) as RuleTrigger } : {}),
  ...(row.acknowledged_at !== null ? { acknowledgedAt: row.acknowledged_at } : {}),
  ...(row.resolved_at !== null ? { resolvedAt: row.resolved_at } : {}),
});

/**
 * When a record says it was first acknowledged and resolved. A station from before these times were shared sends
 * none: its state's own stamp (the HLC's time) stands in, the nearest to the truth such a record holds.
 */
function firstTimes(record: AlarmRecord): { acknowledgedAt: number | null; resolvedAt: number | null } {
  const rank = ALARM_STATES.indexOf(record.state);
  const stamped = parseHlc(record.hlc)?.millis ?? null;
  return {
    acknowledgedAt: record.acknowledgedAt ?? (rank >= ALARM_STATES.indexOf('acknowledged') ? stamped : null),
    resolvedAt: record.resolvedAt ?? (rank >= ALARM_STATES.indexOf('resolved') ? stamped : null),
  };
}

/** Still new past its severity's deadline. */
const isOverdue = (row: Pick<Row, 'state' | 'severity' | 'raised_at'>, now: number) =>
  row.state === 'new' && now - row.raised_at > ACK_DEADLINE_SECONDS[row.severity] * 1000;

const toAlarm = (row: Row, now: number): Alarm => ({
  id: row.id,
  source: row.source,
  type: row.type,
  severity: row.severity,
  state: row.state,
  raisedAt: row.raised_at,
  lastAt: row.last_at,
  updatedAt: row.updated_at,
  by: row.by,
  station: row.station,
  note: row.note,
  count: row.count,
  steps: row.steps,
  escalated: isOverdue(row, now),
  sourceName: row.device_name ?? '',
  area: row.area,
  building: row.building ?? '',
  floor: row.floor ?? '',
  rule: row.rule !== null ? (JSON.parse(row.rule) as RuleTrigger) : null,
});

const ACTION_STATE: Record<(typeof ALARM_ACTIONS)[number], AlarmState> = {
  acknowledge: 'acknowledged',
  handle: 'handling',
  resolve: 'resolved',
  close: 'closed',
};

/**
 * The alarms of the site, as this station knows them. Device events raise
 * them; officers move them forward; every change is published as the
 * alarm's retained state, and states from other stations are merged in.
 * The merge is a join (see merge.ts), so every station ends the same
 * whatever order the messages come in.
 */
export class AlarmService {
  private readonly select;
  private readonly upsert;
  private readonly foldTarget;
  /** Alarms whose escalation supervisors have been told of, so each is told once. */
  private readonly escalated = new Set<string>();

  private readonly raisedListeners = new Set<(id: string) => void>();

  constructor(
    private readonly db: Database,
    private readonly clock: HybridClock,
    private readonly outbox: Outbox,
    private readonly site: string,
    private readonly now: () => number = Date.now,
  ) {
    this.select = db.prepare<[string], Row>(`${SELECT} WHERE a.id = ?`);
    this.upsert = db.prepare(
      `INSERT INTO alarms (id, source, type, severity, state, hlc, raised_at, last_at, updated_at, by, station, note, count, steps, rule_id, rule, acknowledged_at, resolved_at, area)
       VALUES (@id, @source, @type, @severity, @state, @hlc, @raisedAt, @lastAt, @updatedAt, @by, @station, @note, @count, @steps, @ruleId, @rule, @acknowledgedAt, @resolvedAt,
         coalesce((SELECT area FROM devices WHERE code = @source), ''))
       ON CONFLICT(id) DO UPDATE SET area = CASE WHEN alarms.area = '' THEN excluded.area ELSE alarms.area END, severity = excluded.severity, state = excluded.state, hlc = excluded.hlc, raised_at = excluded.raised_at,
         last_at = excluded.last_at, updated_at = excluded.updated_at, by = excluded.by, station = excluded.station, note = excluded.note,
         count = excluded.count, steps = excluded.steps, rule_id = excluded.rule_id, rule = excluded.rule,
         acknowledged_at = excluded.acknowledged_at, resolved_at = excluded.resolved_at`,
    );
    this.foldTarget = db.prepare<[string, string, string, number, number], { id: string }>(
      "SELECT id FROM alarms WHERE source = ? AND type = ? AND coalesce(rule_id, '') = ? AND raised_at BETWEEN ? AND ? ORDER BY raised_at, id LIMIT 1",
    );
  }

  /** Merges a record into the store; returns it when anything changed. Runs inside the caller's transaction. */
  private merge(incoming: AlarmRecord): AlarmRecord | null {
    const row = this.select.get(incoming.id);
    const current = row ? toRecord(row) : undefined;
    const merged = mergeAlarm(current, incoming);
    if (current && JSON.stringify(merged) === JSON.stringify(current)) return null;
    const { rule, ...fields } = merged;
    this.upsert.run({ by: null, station: null, note: null, ...fields, ...firstTimes(merged), ruleId: rule?.id ?? null, rule: rule ? JSON.stringify(rule) : null, lastAt: merged.lastAt ?? merged.raisedAt, updatedAt: this.now() });
    return merged;
  }

  /** A device event that warrants an alarm raises one (see raise). Runs inside the ingest's transaction. */
  raiseFromEvent(code: string, event: ChannelPayload<'deviceEvent'>): string | null {
    const severity = event.severity ?? EVENT_TYPES[event.type as EventType].severity;
    if (severity === 'info') return null;
    return this.raise({ id: event.id, code, type: event.type as EventType, severity, at: event.ts });
  }

  /**
   * Raises an alarm with the id of what raised it, or folds it into the alarm
   * its device raised for the same type (and rule) within FOLD_WINDOW_MS
   * before, counting up. Its first state is stamped with the raising's own
   * time and the node 'site', so every station derives the same record from
   * the same messages. Runs inside the ingest's transaction.
   */
  raise({ id, code, type, severity, at, rule }: Raising): string | null {
    // Raised already (here, or at another station that shared it): nothing new.
    if (this.select.get(id)) return null;
    const first = this.foldTarget.get(code, type, rule?.id ?? '', at - FOLD_WINDOW_MS, at);
    const into = first && first.id !== id ? this.select.get(first.id) : undefined;
    if (into) {
      const record = toRecord(into);
      // A repeat at the most urgent severity seen; the merge keeps the higher count and later occurrence.
      const changed = this.merge({ ...record, severity, count: record.count + 1, lastAt: Math.max(at, into.last_at) });
      return changed ? into.id : null;
    }
    const changed = this.merge({
      id,
      source: code,
      type,
      severity,
      state: 'new',
      hlc: formatHlc({ millis: at, counter: 0, node: 'site' }),
      raisedAt: at,
      count: 1,
      steps: 0,
      ...(rule ? { rule } : {}),
    });
    if (changed) for (const listener of this.raisedListeners) listener(id);
    return changed ? id : null;
  }

  /**
   * Work a new alarm brings with it (a leak opens a repair order), called
   * inside the transaction that raised it: every station that raises the
   * alarm does it alike, and nothing is half done after a crash.
   */
  onRaised(listener: (id: string) => void): void {
    this.raisedListeners.add(listener);
  }

  /** Another station's view of an alarm. Runs inside the ingest's transaction. */
  receive(record: AlarmRecord): string | null {
    const stamp = parseHlc(record.hlc);
    if (stamp) this.clock.receive(stamp);
    return this.merge(record) ? record.id : null;
  }

  /** An officer's action: a local transaction plus the outbox row that shares it with the site. */
  act(id: string, action: (typeof ALARM_ACTIONS)[number], who: { user: string; station: string }, note?: string): Alarm {
    return this.db.transaction(() => {
      const row = this.row(id);
      const target = ACTION_STATE[action];
      if (ALARM_STATES.indexOf(target) < ALARM_STATES.indexOf(row.state) || (target === row.state && !note)) {
        throw new ContractError('conflict', `alarm ${id} is already ${row.state}${row.by ? ` (${row.by})` : ''}`);
      }
      const finished = allSteps(row.type);
      if (ALARM_STATES.indexOf(target) >= ALARM_STATES.indexOf('resolved') && ALARM_STATES.indexOf(row.state) < ALARM_STATES.indexOf('resolved') && (row.steps & finished) !== finished) {
        const done = PROCEDURES[row.type].filter((_, step) => row.steps & (1 << step)).length;
        throw new ContractError('conflict', `work through the procedure first: ${done} of ${PROCEDURES[row.type].length} steps done`);
      }
      const hlc = formatHlc(this.clock.tick());
      // The first action on a new alarm is its response, whichever it is; the first to resolved or closed ends its handling.
      const at = this.now();
      const firsts = {
        acknowledgedAt: row.acknowledged_at ?? at,
        ...(ALARM_STATES.indexOf(target) >= ALARM_STATES.indexOf('resolved') ? { resolvedAt: row.resolved_at ?? at } : {}),
      };
      const record: AlarmRecord = { ...toRecord(row), ...firsts, state: target, hlc, by: who.user, station: who.station, ...(note ? { note } : {}) };
      this.share(this.merge(record) ?? record, hlc);
      return toAlarm(this.row(id), this.now());
    })();
  }

  /** A step of the alarm's procedure done; shared with the site (steps merge by union, so the order of stations does not matter). */
  step(id: string, step: number): Alarm {
    return this.db.transaction(() => {
      const row = this.row(id);
      if (step >= PROCEDURES[row.type].length) throw new ContractError('invalid_input', `the procedure for ${row.type} has ${PROCEDURES[row.type].length} steps`);
      const merged = this.merge({ ...toRecord(row), steps: row.steps | (1 << step) });
      if (merged) this.share(merged, `steps-${merged.steps}`);
      return toAlarm(this.row(id), this.now());
    })();
  }

  private share(record: AlarmRecord, version: string): void {
    this.outbox.add({ id: `${record.id}@${version}`, topic: topicOf('alarm', { site: this.site, alarm: record.id }), payload: JSON.stringify(record), qos: 1, retain: true });
  }

  private row(id: string): Row {
    const row = this.select.get(id);
    if (!row) throw new ContractError('not_found', `no alarm ${id}`);
    return row;
  }

  /** Newest first, by place, kind and time; pages on with `before` (keyset, so a page of a million costs the same as the first). */
  list(filter: z.output<typeof AlarmFilter>): Alarm[] {
    // Several types or states: one ordered scan per value, merged. A single IN query reads every alarm of those
    // values and sorts them (15 ms for two common types in an area of a million, 55 ms for the open ones when old
    // open alarms are scattered over the year); each scan stops at a page.
    const split = (['types', 'states'] as const).find((key) => (filter[key]?.length ?? 0) > 1);
    if (split) {
      return (filter[split] as readonly string[])
        .flatMap((value) => this.list({ ...filter, [split]: [value] }))
        .sort((a, b) => b.raisedAt - a.raisedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
        .slice(0, filter.limit);
    }
    const where: string[] = [];
    const params: unknown[] = [];
    const any = (column: string, values: readonly string[] | undefined) => {
      if (!values?.length) return;
      where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
      params.push(...values);
    };
    any('a.state', filter.states);
    any('a.severity', filter.severities);
    any('a.type', filter.types);
    if (filter.area !== undefined) {
      where.push('a.area = ?');
      params.push(filter.area);
    }
    if (filter.from !== undefined) {
      where.push('a.raised_at >= ?');
      params.push(filter.from);
    }
    if (filter.to !== undefined) {
      where.push('a.raised_at < ?');
      params.push(filter.to);
    }
    if (filter.before) {
      // The first term bounds the index range; the second drops the page's own moment's alarms already seen.
      where.push('a.raised_at <= ? AND (a.raised_at < ? OR a.id < ?)');
      params.push(filter.before.raisedAt, filter.before.raisedAt, filter.before.id);
    }
    const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.raised_at DESC, a.id DESC LIMIT ?`;
    const now = this.now();
    return (this.db.prepare(sql).all(...params, filter.limit) as Row[]).map((row) => toAlarm(row, now));
  }

  get(id: string): Alarm | null {
    const row = this.select.get(id);
    return row ? toAlarm(row, this.now()) : null;
  }

  /** The alarms named that this station knows, in no particular order. */
  getMany(ids: readonly string[]): Alarm[] {
    const now = this.now();
    const rows = this.db.prepare(`${SELECT} WHERE a.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as Row[];
    return rows.map((row) => toAlarm(row, now));
  }

  /**
   * Alarms that have just gone past their acknowledgement deadline
   * unacknowledged, each reported once: the supervisor is told of them.
   */
  newlyOverdue(): string[] {
    const now = this.now();
    const oldestDeadline = Math.max(...Object.values(ACK_DEADLINE_SECONDS)) * 1000;
    const rows = this.db
      .prepare("SELECT id, state, severity, raised_at FROM alarms WHERE state = 'new' AND raised_at >= ?")
      .all(now - oldestDeadline * 2) as Pick<Row, 'id' | 'state' | 'severity' | 'raised_at'>[];
    const overdue = rows.filter((row) => isOverdue(row, now) && !this.escalated.has(row.id)).map((row) => row.id);
    for (const id of overdue) this.escalated.add(id);
    return overdue;
  }
}
