import { ALARM_SEVERITIES, type Shift } from '../../contract/ops-figures';
import type { EnergyCalendar } from '../../energy/calendar';
import type { Database } from '../../store/database';
import { durations, histogram } from './percentiles';

type AlarmRow = { type: string; severity: string; area: string; raised_at: number; acknowledged_at: number | null; resolved_at: number | null };

const DAY_MINUTES = 24 * 60;
const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** The shift a moment falls in: the last to start at or before its local time of day; before the first start, the last (it runs past midnight). */
export function shiftOf(shifts: readonly Shift[], calendar: EnergyCalendar, at: number): string {
  const local = at + calendar.offset(at);
  const minute = Math.floor((((local % 86_400_000) + 86_400_000) % 86_400_000) / 60_000) % DAY_MINUTES;
  const ordered = [...shifts].sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
  return (ordered.findLast((shift) => minutesOf(shift.start) <= minute) ?? ordered[ordered.length - 1]!).name;
}

/** Response (raised → first acknowledged) and handling (raised → first resolved) of a set of alarms. A clock behind at another station never makes a time negative. */
function times(rows: readonly AlarmRow[]) {
  const responses = rows.filter((row) => row.acknowledged_at !== null).map((row) => Math.max(0, row.acknowledged_at! - row.raised_at));
  const handlings = rows.filter((row) => row.resolved_at !== null).map((row) => Math.max(0, row.resolved_at! - row.raised_at));
  return { response: durations(rows.length, responses), handling: durations(rows.length, handlings) };
}

function groupBy<K>(rows: readonly AlarmRow[], key: (row: AlarmRow) => K): Map<K, AlarmRow[]> {
  const groups = new Map<K, AlarmRow[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** The alarms raised in [from, to): their times overall, by severity, by shift, per day, and the slowest types by area. */
export function alarmFigures(db: Database, calendar: EnergyCalendar, shifts: readonly Shift[], bounds: readonly number[]) {
  const from = bounds[0]!;
  const to = bounds[bounds.length - 1]!;
  const rows = db.prepare('SELECT type, severity, area, raised_at, acknowledged_at, resolved_at FROM alarms WHERE raised_at >= ? AND raised_at < ?').all(from, to) as AlarmRow[];
  const bySeverity = groupBy(rows, (row) => row.severity);
  const byShift = groupBy(rows, (row) => shiftOf(shifts, calendar, row.raised_at));
  const byDay = groupBy(rows, (row) => bounds.findLastIndex((bound) => bound <= row.raised_at));
  const slowest = [...groupBy(rows, (row) => `${row.type}\u0000${row.area}`).values()]
    .map((group) => ({ type: group[0]!.type, area: group[0]!.area, ...times(group).response }))
    .filter((group) => group.p90 !== null)
    .sort((a, b) => b.p90! - a.p90! || b.count - a.count)
    .slice(0, 10)
    .map(({ type, area, count, p50, p90 }) => ({ type, area, count, p50, p90 }));
  return {
    ...times(rows),
    bySeverity: ALARM_SEVERITIES.map((severity) => ({ severity, ...times(bySeverity.get(severity) ?? []) })),
    byShift: shifts.map((shift) => ({ shift: shift.name, ...times(byShift.get(shift.name) ?? []) })),
    perDay: bounds.slice(0, -1).map((_, day) => {
      const response = times(byDay.get(day) ?? []).response;
      return { count: response.count, p50: response.p50, p90: response.p90 };
    }),
    slowest,
  };
}

/**
 * Latencies as the station measured them, from the times stored with each
 * event: a device's event from its timestamp to its arrival here, and the
 * same for the events that raised an alarm. A device clock ahead of the
 * station's counts as no delay.
 */
export function latencyFigures(db: Database, from: number, to: number) {
  const message = db.prepare('SELECT max(0, received_at - at) FROM device_events WHERE at >= ? AND at < ?').pluck().all(from, to) as number[];
  const alarm = db
    .prepare('SELECT max(0, e.received_at - e.at) FROM alarms a JOIN device_events e ON e.id = a.id WHERE a.raised_at >= ? AND a.raised_at < ?')
    .pluck()
    .all(from, to) as number[];
  return { message: histogram(message), alarm: histogram(alarm) };
}

/** Repair orders reported in [from, to): report → completed (cancelled ones left out); incidents opened then: opened → closed. */
export function workFigures(db: Database, from: number, to: number) {
  const orders = db.prepare("SELECT created_at AS start, completed_at AS end FROM orders WHERE created_at >= ? AND created_at < ? AND state IS NOT NULL AND state != 'cancelled'").all(from, to) as { start: number; end: number | null }[];
  const incidents = db.prepare('SELECT opened_at AS start, closed_at AS end FROM incidents WHERE opened_at >= ? AND opened_at < ?').all(from, to) as { start: number; end: number | null }[];
  const spans = (rows: typeof orders) => durations(rows.length, rows.filter((row) => row.end !== null).map((row) => Math.max(0, row.end! - row.start)));
  return { orders: spans(orders), incidents: spans(incidents) };
}
