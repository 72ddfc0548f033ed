import type { Database } from '../store/database';
import type { WarningDevice, WarningDevices } from './engine';

/**
 * One sample per device and metric every this often goes to the history
 * dry runs read: a sensor reporting every second would otherwise write
 * 86 400 rows a day each. Ten seconds still shows a temperature climbing
 * 5 °C a minute.
 */
export const HISTORY_STEP_MS = 10_000;

/** Telemetry kept over time (telemetry_latest holds only the last value), written in the ingest's transaction and purged with the retention. */
export class TelemetryHistory {
  private readonly insert;
  private readonly last = new Map<string, number>();

  constructor(db: Database) {
    this.insert = db.prepare('INSERT OR IGNORE INTO telemetry_history (metric, at, code, value) VALUES (?, ?, ?, ?)');
  }

  record(code: string, { ts, values }: { ts: number; values: Record<string, number> }): void {
    for (const [metric, value] of Object.entries(values)) {
      const key = `${code}\0${metric}`;
      const last = this.last.get(key);
      // Late samples are skipped as the engine skips them; a sample within the step of the last stored adds nothing a dry run needs.
      if (last !== undefined && ts < last + HISTORY_STEP_MS) continue;
      this.last.set(key, ts);
      this.insert.run(metric, ts, code, value);
    }
  }
}

/** What the warning engine reads of the device registry: a device's kind and place, null when it is not registered. */
export function deviceFacts(db: Database): WarningDevices {
  const select = db.prepare<[string], WarningDevice>('SELECT kind, name, area, building, floor FROM devices WHERE code = ?');
  return { factsOf: (code) => select.get(code) ?? null };
}
