import {
  energyKindOf,
  ENERGY_STEPS,
  ENERGY_UNITS,
  METER_OF,
  type EnergyKind,
  type EnergyPeriod,
  type EnergyPoint,
  type EnergyScope,
  type EnergySeries,
  type EnergyStep,
  type Meter,
  type MeterQuarantineEntry,
  type ReadingRefusal,
} from '../contract';
import type { Database } from '../store/database';
import { previousPeriod, samePeriodLastYear, type EnergyCalendar } from './calendar';

type MeterRow = {
  code: string;
  name: string;
  kind: string;
  building: string;
  floor: string;
  status: string;
  last_at: number | null;
  last_value: number | null;
  instant: string | null;
  flag_reason: ReadingRefusal | null;
  flag_at: number | null;
  flag_count: number | null;
};

/** Which meters a scope holds, as SQL over `devices` (alias d) and its parameters. */
function scopeWhere(scope: EnergyScope): { sql: string; params: Record<string, string> } {
  if ('meter' in scope) return { sql: 'd.code = @meter', params: { meter: scope.meter } };
  if ('building' in scope) {
    return scope.floor
      ? { sql: 'd.building = @building AND d.floor = @floor', params: { building: scope.building, floor: scope.floor } }
      : { sql: 'd.building = @building', params: { building: scope.building } };
  }
  return { sql: '1', params: {} };
}

/**
 * Reads of what the meters used, from the rollups: a series of a scope in
 * steps (with 环比 and 同比 beside it), a breakdown by building, floor or
 * meter, the meters with their state, and refused readings.
 *
 * The rollups are read meter by meter, each a range of their primary key:
 * `CROSS JOIN` keeps the scope's meters the outer loop, where SQLite left
 * to itself scanned every rollup of the site for a building or the whole
 * site (a year of 2 000 meters is some 90 million rows).
 */
export class EnergyQueries {
  constructor(
    private readonly db: Database,
    private readonly calendar: EnergyCalendar,
  ) {}

  meters(filter: { kind?: EnergyKind; building?: string }): Meter[] {
    const kinds = filter.kind ? [METER_OF[filter.kind]] : Object.values(METER_OF);
    const rows = this.db
      .prepare(
        `SELECT d.code, d.name, d.kind, d.building, d.floor, d.status, s.last_at, s.last_value, s.instant, s.flag_reason, s.flag_at, s.flag_count
         FROM devices d LEFT JOIN meter_state s ON s.code = d.code
         WHERE d.kind IN (${kinds.map(() => '?').join(', ')}) ${filter.building ? 'AND d.building = ?' : ''}
         ORDER BY d.building, d.kind, d.code`,
      )
      .all(...kinds, ...(filter.building ? [filter.building] : [])) as MeterRow[];
    return rows.map((row) => {
      const kind = energyKindOf(row.kind)!;
      return {
        code: row.code,
        name: row.name,
        kind,
        unit: ENERGY_UNITS[kind],
        building: row.building,
        floor: row.floor,
        status: row.status,
        register: row.last_value,
        readAt: row.last_at,
        instant: row.instant ? (JSON.parse(row.instant) as Record<string, number>) : {},
        flag: row.flag_reason && row.flag_at !== null ? { reason: row.flag_reason, at: row.flag_at, count: row.flag_count ?? 0 } : null,
      };
    });
  }

  series(input: { scope: EnergyScope; kind: EnergyKind; period: EnergyPeriod; step: EnergyStep; compare: boolean }): EnergySeries {
    const { scope, kind, step, period } = input;
    const { from, to } = this.calendar.period(period);
    const points = this.points(scope, kind, step, period);
    const series: EnergySeries = { unit: ENERGY_UNITS[kind], from, to, timeZone: this.calendar.timeZone, points, total: sum(points) };
    if (!input.compare) return series;
    const previous = this.points(scope, kind, step, previousPeriod(period));
    const lastYear = this.points(scope, kind, step, samePeriodLastYear(period));
    return { ...series, previous: { points: previous, total: sum(previous) }, lastYear: { points: lastYear, total: sum(lastYear) } };
  }

  /** What each building, floor of a building, or meter of a building used in a period, largest first. */
  breakdown(input: { kind: EnergyKind; by: 'building' | 'floor' | 'meter'; building?: string; period: EnergyPeriod }): { unit: string; shares: { key: string; label: string; amount: number }[] } {
    const { from, to } = this.calendar.period(input.period);
    // Days tile every period, months only months and years: read as few rows as that allows.
    const step = input.period.unit === 'month' || input.period.unit === 'year' ? '1mo' : '1d';
    const group = { building: 'd.building', floor: 'd.floor', meter: 'd.code' }[input.by];
    const rows = this.db
      .prepare(
        `SELECT ${group} AS key, ${input.by === 'meter' ? 'min(d.name)' : group} AS label, sum(r.amount) AS amount
         FROM devices d CROSS JOIN energy_rollups r ON r.code = d.code AND r.step = @step AND r.start >= @from AND r.start < @to
         WHERE d.kind = @kind ${input.building ? 'AND d.building = @building' : ''}
         GROUP BY ${group} ORDER BY amount DESC`,
      )
      .all({ step: ENERGY_STEPS.indexOf(step), from, to, kind: METER_OF[input.kind], ...(input.building ? { building: input.building } : {}) }) as { key: string; label: string; amount: number }[];
    return { unit: ENERGY_UNITS[input.kind], shares: rows };
  }

  quarantine(filter: { code?: string; limit: number }): MeterQuarantineEntry[] {
    return this.db
      .prepare(
        `SELECT id, code, at, value, reason, received_at AS receivedAt FROM meter_quarantine ${filter.code ? 'WHERE code = @code' : ''} ORDER BY id DESC LIMIT @limit`,
      )
      .all(filter) as MeterQuarantineEntry[];
  }

  /** Every step's amount in the period, 0 where nothing was used. */
  private points(scope: EnergyScope, kind: EnergyKind, step: EnergyStep, period: EnergyPeriod): EnergyPoint[] {
    const { from, to } = this.calendar.period(period);
    const where = scopeWhere(scope);
    const rows = this.db
      .prepare(
        `SELECT r.start AS start, sum(r.amount) AS amount
         FROM devices d CROSS JOIN energy_rollups r ON r.code = d.code AND r.step = @step AND r.start >= @from AND r.start < @to
         WHERE d.kind = @kind AND ${where.sql}
         GROUP BY r.start`,
      )
      .all({ ...where.params, step: ENERGY_STEPS.indexOf(step), from, to, kind: METER_OF[kind] }) as EnergyPoint[];
    const used = new Map(rows.map((row) => [row.start, row.amount]));
    return this.calendar.starts(step, from, to).map((start) => ({ start, amount: used.get(start) ?? 0 }));
  }
}

const sum = (points: EnergyPoint[]) => points.reduce((total, point) => total + point.amount, 0);
