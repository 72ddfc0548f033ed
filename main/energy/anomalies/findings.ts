import { deviceKindOf, energyKindOf, ENERGY_UNITS, type Anomaly, type AnomalyKind } from '../../contract';
import type { Database } from '../../store/database';

/** What a detector found, before it is an alarm. */
export type Finding = {
  /** The alarm's id: it names the meter and what was found, so every station raises the same one from the same readings. */
  alarmId: string;
  code: string;
  kind: AnomalyKind;
  /** The local day the chart shows (YYYY-MM-DD). */
  day: string;
  value: number;
  baseline: number;
  window: { fromHour: number; toHour: number };
  expected?: number[];
  /** When the alarm is raised: when what was found was over. */
  at: number;
};

/** How urgent each anomaly is: water and gas escaping come first. */
const SEVERITY: Record<AnomalyKind, 'major' | 'minor'> = { night_flow: 'major', gas_idle: 'major', over_profile: 'minor', stuck: 'minor', reset: 'minor', silent: 'minor' };

type Row = { alarm_id: string; code: string; kind: AnomalyKind; day: string; value: number; baseline: number; detail: string | null; at: number | null };

/**
 * Findings are kept with their figures (for the alarm's detail) and raised
 * as alarms by the watch's next sweep, so a finding made inside the ingest
 * (a reset) and one made by a sweep take the same way, and a finding kept
 * before a crash is still raised after it.
 */
export class AnomalyFindings {
  private readonly statements;

  constructor(db: Database) {
    this.statements = {
      keep: db.prepare(
        `INSERT OR IGNORE INTO energy_anomalies (alarm_id, code, kind, day, value, baseline, detail, at, detected_at, raised)
         VALUES (@alarmId, @code, @kind, @day, @value, @baseline, @detail, @at, @detectedAt, 0)`,
      ),
      has: db.prepare<[string], 1>('SELECT 1 FROM energy_anomalies WHERE alarm_id = ?').pluck(),
      recent: db.prepare<[string, string, string, string], 1>('SELECT 1 FROM energy_anomalies WHERE code = ? AND kind = ? AND day >= ? AND day < ? LIMIT 1').pluck(),
      pending: db.prepare<[], Row>('SELECT alarm_id, code, kind, at FROM energy_anomalies WHERE raised = 0 ORDER BY at'),
      raised: db.prepare('UPDATE energy_anomalies SET raised = 1 WHERE alarm_id = ?'),
      get: db.prepare<[string], Row>('SELECT alarm_id, code, kind, day, value, baseline, detail, at FROM energy_anomalies WHERE alarm_id = ?'),
      between: db.prepare<{ from: string; to: string; building: string | null }, Row & { name: string }>(
        `SELECT a.alarm_id, a.code, a.kind, a.day, a.value, a.baseline, a.detail, a.at, d.name FROM energy_anomalies a JOIN devices d ON d.code = a.code
         WHERE a.day >= @from AND a.day < @to AND (@building IS NULL OR d.building = @building) ORDER BY a.day, d.name`,
      ),
    };
  }

  keep(finding: Finding, detectedAt: number): void {
    const { window, expected, ...figures } = finding;
    this.statements.keep.run({ ...figures, detail: JSON.stringify({ window, ...(expected ? { expected } : {}) }), detectedAt });
  }

  has(alarmId: string): boolean {
    return !!this.statements.has.get(alarmId);
  }

  /** Whether the meter had a finding of this kind on a day in [fromDay, toDay). */
  foundBetween(code: string, kind: AnomalyKind, fromDay: string, toDay: string): boolean {
    return !!this.statements.recent.get(code, kind, fromDay, toDay);
  }

  /** Raises every finding not raised yet; returns the alarms raised. Inside a transaction. */
  raisePending(raise: (raising: { id: string; code: string; type: 'meter_anomaly'; severity: 'major' | 'minor'; at: number }) => string | null): string[] {
    const raised: string[] = [];
    for (const row of this.statements.pending.all()) {
      const id = raise({ id: row.alarm_id, code: row.code, type: 'meter_anomaly', severity: SEVERITY[row.kind], at: row.at ?? Date.now() });
      this.statements.raised.run(row.alarm_id);
      if (id) raised.push(id);
    }
    return raised;
  }

  /** The figures of an anomaly alarm, for its detail. */
  anomalyOf(alarmId: string): Anomaly | null {
    const row = this.statements.get.get(alarmId);
    return row ? this.toAnomaly(row) : null;
  }

  /** The findings on local days in [from, to) (YYYY-MM-DD), of a building's meters or the site's, with the meter's name. */
  between(filter: { from: string; to: string; building?: string }): (Anomaly & { name: string })[] {
    return this.statements.between.all({ from: filter.from, to: filter.to, building: filter.building ?? null }).map((row) => ({ ...this.toAnomaly(row), name: row.name }));
  }

  private toAnomaly(row: Row): Anomaly {
    const energy = energyKindOf(deviceKindOf(row.code)) ?? 'water';
    // Findings from before the detail column were night flows of 01:00–05:00.
    const detail = row.detail ? (JSON.parse(row.detail) as Pick<Anomaly, 'window' | 'expected'>) : { window: { fromHour: 1, toHour: 5 } };
    return {
      alarm: row.alarm_id,
      meter: row.code,
      kind: row.kind,
      energy,
      unit: ENERGY_UNITS[energy],
      period: { unit: 'day', date: row.day },
      step: '1h',
      value: row.value,
      baseline: row.baseline,
      ...detail,
    };
  }
}
