import { ALARM_STATES, ContractError, EVENT_TYPES, type Alarm, type AlarmState, type EventType } from '../contract';
import type { ALARM_ACTIONS } from '../contract';
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
  updated_at: number;
  by: string | null;
  station: string | null;
  note: string | null;
  count: number;
};

const toRecord = (row: Row): AlarmRecord => ({
  id: row.id,
  source: row.source,
  type: row.type,
  severity: row.severity,
  state: row.state,
  hlc: row.hlc,
  raisedAt: row.raised_at,
  count: row.count,
  ...(row.by !== null ? { by: row.by } : {}),
  ...(row.station !== null ? { station: row.station } : {}),
  ...(row.note !== null ? { note: row.note } : {}),
});

const toAlarm = (row: Row): Alarm => ({
  id: row.id,
  source: row.source,
  type: row.type,
  severity: row.severity,
  state: row.state,
  raisedAt: row.raised_at,
  updatedAt: row.updated_at,
  by: row.by,
  station: row.station,
  note: row.note,
  count: row.count,
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

  constructor(
    private readonly db: Database,
    private readonly clock: HybridClock,
    private readonly outbox: Outbox,
    private readonly site: string,
    private readonly now: () => number = Date.now,
  ) {
    this.select = db.prepare<[string], Row>('SELECT * FROM alarms WHERE id = ?');
    this.upsert = db.prepare(
      `INSERT INTO alarms (id, source, type, severity, state, hlc, raised_at, updated_at, by, station, note, count)
       VALUES (@id, @source, @type, @severity, @state, @hlc, @raisedAt, @updatedAt, @by, @station, @note, @count)
       ON CONFLICT(id) DO UPDATE SET state = excluded.state, hlc = excluded.hlc, raised_at = excluded.raised_at,
         updated_at = excluded.updated_at, by = excluded.by, station = excluded.station, note = excluded.note, count = excluded.count`,
    );
  }

  /** Merges a record into the store; returns it when anything changed. Runs inside the caller's transaction. */
  private merge(incoming: AlarmRecord): AlarmRecord | null {
    const row = this.select.get(incoming.id);
    const current = row ? toRecord(row) : undefined;
    const merged = mergeAlarm(current, incoming);
    if (current && JSON.stringify(merged) === JSON.stringify(current)) return null;
    this.upsert.run({ by: null, station: null, note: null, ...merged, updatedAt: this.now() });
    return merged;
  }

  /**
   * A device event that warrants an alarm raises one, with the event's id.
   * Its first state is stamped with the event's own time and the node
   * 'site', so every station derives the same record from the same event.
   * Runs inside the ingest's transaction.
   */
  raiseFromEvent(code: string, event: ChannelPayload<'deviceEvent'>): string | null {
    const severity = event.severity ?? EVENT_TYPES[event.type as EventType].severity;
    if (severity === 'info') return null;
    const changed = this.merge({
      id: event.id,
      source: code,
      type: event.type,
      severity,
      state: 'new',
      hlc: formatHlc({ millis: event.ts, counter: 0, node: 'site' }),
      raisedAt: event.ts,
      count: 1,
    });
    return changed ? event.id : null;
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
      const row = this.select.get(id);
      if (!row) throw new ContractError('not_found', `no alarm ${id}`);
      const target = ACTION_STATE[action];
      if (ALARM_STATES.indexOf(target) < ALARM_STATES.indexOf(row.state) || (target === row.state && !note)) {
        throw new ContractError('conflict', `alarm ${id} is already ${row.state}${row.by ? ` (${row.by})` : ''}`);
      }
      const hlc = formatHlc(this.clock.tick());
      const record: AlarmRecord = { ...toRecord(row), state: target, hlc, by: who.user, station: who.station, ...(note ? { note } : {}) };
      const merged = this.merge(record) ?? record;
      this.outbox.add({ id: `${id}@${hlc}`, topic: topicOf('alarm', { site: this.site, alarm: id }), payload: JSON.stringify(merged), qos: 1, retain: true });
      return toAlarm(this.select.get(id)!);
    })();
  }

  list(filter: { states?: AlarmState[]; beforeRaisedAt?: number; limit: number }): Alarm[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.states?.length) {
      where.push(`state IN (${filter.states.map(() => '?').join(', ')})`);
      params.push(...filter.states);
    }
    if (filter.beforeRaisedAt) {
      where.push('raised_at < ?');
      params.push(filter.beforeRaisedAt);
    }
    const sql = `SELECT * FROM alarms ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY raised_at DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...params, filter.limit) as Row[]).map(toAlarm);
  }

  get(id: string): Alarm | null {
    const row = this.select.get(id);
    return row ? toAlarm(row) : null;
  }
}
