import { deviceKindOf, energyKindOf, ENERGY_UNITS, type Anomaly } from '../contract';
import type { Raising } from '../alarms/service';
import type { Database } from '../store/database';
import type { EnergyCalendar } from './calendar';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** The quiet of the night when nobody draws water: 01:00 to 05:00 on the site's clock. */
const NIGHT = { fromHour: 1, toHour: 5 };
/** Nights looked at each sweep, back from the last one that ended. */
const NIGHTS_CHECKED = 3;
/** The nights before that a meter's usual night is learnt from, and the fewest that make it known. */
const BASELINE_NIGHTS = 28;
const BASELINE_MIN_NIGHTS = 7;
/**
 * A night is a leak when its smallest hourly flow is well above the meter's
 * usual smallest: 1.8 times it and 0.3 m³/h more. Tuned on the demo park,
 * whose night minima wander ±10 % around their median and whose leak adds
 * 1.8 m³/h; a dripping tap (0.02 m³/h) stays below it, a burst pipe does not.
 */
const RATIO = 1.8;
const MARGIN = 0.3;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/**
 * Minimum night flow (最小夜间流量), the water industry's leak signal: when
 * nobody uses water, what still flows is lost. Each sweep looks at the last
 * nights every water meter has reported past, compares the night's smallest
 * hourly flow with the median of its 28 nights before (a median, so one odd
 * night does not move what is usual), and raises a meter anomaly alarm for a
 * night well above it. The alarm's id names the meter and the night, so every
 * station raises the same one from the same readings, and the night's
 * figures are kept for the alarm's detail.
 */
export class NightFlowWatch {
  /** Meters already judged on complete data, by night; nights out of the window are forgotten. */
  private judged = new Map<string, Set<string>>();
  private readonly statements;

  constructor(
    db: Database,
    private readonly calendar: EnergyCalendar,
    private readonly raise: (raising: Raising) => string | null,
  ) {
    this.statements = {
      meters: db.prepare<[], { code: string; last_at: number }>("SELECT s.code, s.last_at FROM meter_state s JOIN devices d ON d.code = s.code WHERE d.kind = 'water_meter' AND s.last_at IS NOT NULL"),
      hours: db.prepare<[string, number, number], { start: number; amount: number }>('SELECT start, amount FROM energy_rollups WHERE code = ? AND step = 1 AND start >= ? AND start < ?'),
      keep: db.prepare(
        `INSERT OR IGNORE INTO energy_anomalies (alarm_id, code, kind, day, value, baseline, detected_at) VALUES (@alarmId, @code, 'night_flow', @day, @value, @baseline, @detectedAt)`,
      ),
    };
  }

  /** Judges the nights that have ended and been reported; returns the alarms raised. Inside a transaction. */
  sweep(now: number): string[] {
    const raised: string[] = [];
    const today = this.localDate(now);
    const nights = Array.from({ length: NIGHTS_CHECKED }, (_, back) => shiftDate(today, -back));
    this.judged = new Map(nights.map((day) => [day, this.judged.get(day) ?? new Set<string>()]));
    for (const meter of this.statements.meters.all()) {
      for (const day of nights) {
        const judged = this.judged.get(day)!;
        const start = this.calendar.period({ unit: 'day', date: day }).from;
        const nightEnd = start + NIGHT.toHour * HOUR_MS;
        // Only a night the meter has reported past is judged, once.
        if (judged.has(meter.code) || meter.last_at < nightEnd) continue;
        judged.add(meter.code);
        const minima = this.nightMinima(meter.code, start);
        const tonight = minima.get(start);
        const before = [...minima].filter(([night]) => night < start).map(([, minimum]) => minimum);
        if (tonight === undefined || before.length < BASELINE_MIN_NIGHTS) continue;
        const baseline = median(before);
        if (tonight <= Math.max(baseline * RATIO, baseline + MARGIN)) continue;
        const alarmId = `night-flow-${meter.code}-${day.replaceAll('-', '')}`;
        this.statements.keep.run({ alarmId, code: meter.code, day, value: tonight, baseline, detectedAt: now });
        const id = this.raise({ id: alarmId, code: meter.code, type: 'meter_anomaly', severity: 'major', at: nightEnd });
        if (id) raised.push(id);
      }
    }
    return raised;
  }

  /** The smallest hourly flow of each night from BASELINE_NIGHTS before `night` up to it, by the night's day start. */
  private nightMinima(code: string, night: number): Map<number, number> {
    const from = night - BASELINE_NIGHTS * DAY_MS;
    const minima = new Map<number, number>();
    for (const { start, amount } of this.statements.hours.all(code, from, night + DAY_MS)) {
      const local = start + this.calendar.offset(start);
      const hour = Math.floor((local % DAY_MS) / HOUR_MS);
      if (hour < NIGHT.fromHour || hour >= NIGHT.toHour) continue;
      const day = this.calendar.start('1d', start);
      minima.set(day, Math.min(minima.get(day) ?? Number.POSITIVE_INFINITY, amount));
    }
    return minima;
  }

  private localDate(at: number): string {
    return new Date(at + this.calendar.offset(at)).toISOString().slice(0, 10);
  }
}

const shiftDate = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The figures of a night-flow alarm, for its detail. */
export function anomalyOf(db: Database, alarmId: string): Anomaly | null {
  const row = db.prepare('SELECT alarm_id, code, kind, day, value, baseline FROM energy_anomalies WHERE alarm_id = ?').get(alarmId) as
    | { alarm_id: string; code: string; kind: 'night_flow'; day: string; value: number; baseline: number }
    | undefined;
  if (!row) return null;
  const kind = energyKindOf(deviceKindOf(row.code)) ?? 'water';
  return {
    alarm: row.alarm_id,
    meter: row.code,
    kind: row.kind,
    energy: kind,
    unit: ENERGY_UNITS[kind],
    period: { unit: 'day', date: row.day },
    step: '1h',
    value: row.value,
    baseline: row.baseline,
    window: { fromHour: NIGHT.fromHour, toHour: NIGHT.toHour },
  };
}
