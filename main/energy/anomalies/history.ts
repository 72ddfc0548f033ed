import type { EnergyKind } from '../../contract';
import type { Database } from '../../store/database';

/** A meter as the watch sees it: what it counts, where, and its last reading. */
export type WatchedMeter = { code: string; kind: EnergyKind; building: string; lastAt: number };

/** Reads of the meters' hourly rollups for the detectors. */
export class MeterHistory {
  private readonly statements;

  constructor(db: Database) {
    this.statements = {
      hours: db.prepare<[string, number, number], { start: number; amount: number }>('SELECT start, amount FROM energy_rollups WHERE code = ? AND step = 1 AND start >= ? AND start < ?'),
      first: db.prepare<[string], number | null>('SELECT min(start) FROM energy_rollups WHERE code = ? AND step = 1').pluck(),
    };
  }

  /** What the meter used in each hour starting in [from, to), by the hour's start; an hour it used nothing in has no entry. */
  hourly(code: string, from: number, to: number): Map<number, number> {
    return new Map(this.statements.hours.all(code, from, to).map((row) => [row.start, row.amount]));
  }

  /** The first hour the meter counted anything, or null. */
  firstHour(code: string): number | null {
    return this.statements.first.get(code) ?? null;
  }
}

/** The sum of what was used in the given hours. */
export const usedIn = (used: ReadonlyMap<number, number>, hours: readonly number[]) => hours.reduce((sum, hour) => sum + (used.get(hour) ?? 0), 0);
