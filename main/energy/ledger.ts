import { deviceKindOf, energyKindOf, ENERGY_STEPS, ENERGY_UNITS, type EnergyKind, type ReadingRefusal } from '../contract';
import type { MeterReadings } from '../site-link/interface/payloads';
import type { Database } from '../store/database';
import type { EnergyCalendar } from './calendar';
import { CounterTracker, spread, type Reading } from './counter';

/**
 * The most a meter can plausibly measure in an hour, per kind: anything
 * faster is a fault (a corrupted register, a misread), not use. Generous for
 * a park's largest building; a site with bigger loads raises them.
 */
export const MAX_PER_HOUR: Record<EnergyKind, number> = { electricity: 5_000, water: 200, gas: 500 };

/** Refusals that say the meter or its link is at fault; duplicates and late readings are normal on a QoS 1 link. */
const FAULTS: ReadingRefusal[] = ['invalid', 'backwards', 'jump'];
const QUARTER_MS = 900_000;
/** The rollup key of a step's bucket: step index × 10¹³ + start (starts stay below 10¹³ ms until the year 2286). */
const STEP_SPAN = 1e13;

type StateRow = { last_at: number | null; last_value: number | null; suspect_at: number | null; suspect_value: number | null };
const readingOf = (at: number | null, value: number | null): Reading | null => (at === null || value === null ? null : { at, value });

/**
 * What the site's meters used, written as readings arrive: each accepted
 * reading is kept raw, the span since the meter's previous one is spread
 * over 15-minute buckets and added to the hour, day and month that hold
 * them. Runs inside the ingest's transaction; rollups gathered over a batch
 * are written once at its end (`flush`), so a batch of a thousand readings
 * of one meter costs one row per bucket, not one per reading.
 */
export class MeterLedger {
  private readonly trackers = new Map<string, CounterTracker>();
  private readonly rollups = new Map<string, Map<number, number>>();
  private readonly statements;

  constructor(
    db: Database,
    private readonly calendar: EnergyCalendar,
    /** A register reset, rolled back or exchanged under the meter: the register before and the reading that started again. */
    private readonly onReset: (code: string, before: Reading, after: Reading) => void = () => {},
  ) {
    this.statements = {
      state: db.prepare<[string], StateRow>('SELECT last_at, last_value, suspect_at, suspect_value FROM meter_state WHERE code = ?'),
      saveState: db.prepare(
        `INSERT INTO meter_state (code, last_at, last_value, suspect_at, suspect_value, instant) VALUES (@code, @lastAt, @lastValue, @suspectAt, @suspectValue, @instant)
         ON CONFLICT(code) DO UPDATE SET last_at = excluded.last_at, last_value = excluded.last_value, suspect_at = excluded.suspect_at,
           suspect_value = excluded.suspect_value, instant = CASE WHEN excluded.instant = '' THEN meter_state.instant ELSE excluded.instant END`,
      ),
      flag: db.prepare('UPDATE meter_state SET flag_reason = ?, flag_at = ?, flag_count = flag_count + ? WHERE code = ?'),
      raw: db.prepare('INSERT OR IGNORE INTO meter_readings (code, at, value) VALUES (?, ?, ?)'),
      quarantine: db.prepare('INSERT INTO meter_quarantine (code, at, value, reason, received_at) VALUES (?, ?, ?, ?, ?)'),
      rollup: db.prepare(
        'INSERT INTO energy_rollups (code, step, start, amount) VALUES (?, ?, ?, ?) ON CONFLICT(code, step, start) DO UPDATE SET amount = amount + excluded.amount',
      ),
    };
  }

  /**
   * One message of a meter's readings; why the whole message is refused (it
   * cannot be the meter's: a unit it does not count in), or null. Single
   * readings refused are kept in the meter's quarantine, not here.
   */
  record(code: string, message: MeterReadings, receivedAt: number): string | null {
    const kind = energyKindOf(deviceKindOf(code));
    if (!kind) return `${code} is not a water, electricity or gas meter`;
    if (message.unit !== ENERGY_UNITS[kind]) return `a ${kind} meter counts in ${ENERGY_UNITS[kind]}, not ${message.unit}`;
    const tracker = this.tracker(code, kind, message.rolloverAt);
    let accepted = 0;
    let fault: { reason: ReadingRefusal; at: number } | null = null;
    let faults = 0;
    const buckets = new Map<number, number>();
    for (const reading of message.readings) {
      const before = tracker.baseline;
      const outcome = tracker.accept({ at: reading.ts, value: reading.value });
      if ('refused' in outcome) {
        const { reason } = outcome.refused;
        // A late reading is a true reading: kept raw, its span already counted from its neighbours.
        if (reason === 'out_of_order') this.statements.raw.run(code, reading.ts, reading.value);
        if (FAULTS.includes(reason)) {
          fault = { reason, at: reading.ts };
          faults++;
          this.statements.quarantine.run(code, reading.ts, Number.isFinite(reading.value) ? reading.value : null, reason, receivedAt);
        }
        continue;
      }
      accepted++;
      this.statements.raw.run(code, reading.ts, reading.value);
      if ('span' in outcome) {
        spread(outcome.span, QUARTER_MS, buckets);
        if (outcome.span.reset && before) this.onReset(code, before, { at: reading.ts, value: reading.value });
      }
    }
    this.add(code, buckets);
    const last = tracker.baseline;
    const suspect = tracker.pendingSuspect;
    this.statements.saveState.run({
      code,
      lastAt: last?.at ?? null,
      lastValue: last?.value ?? null,
      suspectAt: suspect?.at ?? null,
      suspectValue: suspect?.value ?? null,
      instant: message.instant && accepted ? JSON.stringify(message.instant) : '',
    });
    if (fault) this.statements.flag.run(fault.reason, fault.at, faults, code);
    return null;
  }

  /** Writes the rollups gathered since the last flush; inside the batch's transaction. */
  flush(): void {
    for (const [code, buckets] of this.rollups) {
      for (const [key, amount] of buckets) {
        const step = Math.floor(key / STEP_SPAN);
        this.statements.rollup.run(code, step, key - step * STEP_SPAN, amount);
      }
    }
    this.rollups.clear();
  }

  private tracker(code: string, kind: EnergyKind, rolloverAt: number | undefined): CounterTracker {
    const register = { rolloverAt, maxPerHour: MAX_PER_HOUR[kind] };
    let tracker = this.trackers.get(code);
    if (!tracker) {
      const row = this.statements.state.get(code);
      tracker = new CounterTracker(register, readingOf(row?.last_at ?? null, row?.last_value ?? null), readingOf(row?.suspect_at ?? null, row?.suspect_value ?? null));
      this.trackers.set(code, tracker);
    } else tracker.register = register;
    return tracker;
  }

  /** Adds 15-minute amounts to the batch's rollups of every step. */
  private add(code: string, quarters: Map<number, number>): void {
    if (!quarters.size) return;
    let buckets = this.rollups.get(code);
    if (!buckets) this.rollups.set(code, (buckets = new Map()));
    for (const [start, amount] of quarters) {
      ENERGY_STEPS.forEach((step, index) => {
        const key = index * STEP_SPAN + (index === 0 ? start : this.calendar.start(step, start));
        buckets.set(key, (buckets.get(key) ?? 0) + amount);
      });
    }
  }
}
