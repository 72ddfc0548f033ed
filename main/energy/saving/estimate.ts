import type { PlannedRun, SavingAction, SavingEstimate, SavingSchedule } from '../../contract';
import type { Database } from '../../store/database';
import { median, WEEK_MS } from '../anomalies/profile';
import type { EnergyCalendar } from '../calendar';

const HOUR_MS = 3_600_000;
/** Weeks of the same hour the baseline takes the median of, as the weekly profile does. */
const WEEKS = 8;

/** A step that puts its load in its low-energy state: lights or pumps off, the set-point raised to 26 °C or more. */
const saves = (action: SavingAction) => (action.command === 'hvac.setpoint' ? action.params.celsius >= 26 : !action.params.on);

/**
 * The hours a schedule held its loads in their low-energy state in [from,
 * to): from each saving step to the schedule's next step. `runs` are the
 * schedule's planned runs from a day before `from`, in time order.
 */
export function savingHours(runs: readonly PlannedRun[], from: number, to: number): number[] {
  const hours = new Set<number>();
  runs.forEach((run, index) => {
    if (!saves(run.action)) return;
    const until = Math.min(runs[index + 1]?.at ?? to, to);
    for (let hour = Math.ceil(Math.max(run.at, from) / HOUR_MS) * HOUR_MS; hour + HOUR_MS <= until; hour += HOUR_MS) hours.add(hour);
  });
  return [...hours].sort((a, b) => a - b);
}

/**
 * What a schedule saved, estimated: in the hours it held its loads low, the
 * building's electricity against its baseline — for each hour, the median
 * of the same hour of the week over the 8 weeks before the schedule was
 * last changed (or, when the meters began after that, the 8 weeks before
 * the period). An estimate, and said to be one: the baseline is what the
 * building used before, not what it would have used now.
 */
export function estimateSaving(
  db: Database,
  schedule: SavingSchedule,
  runs: readonly PlannedRun[],
  window: { from: number; to: number },
  calendar: EnergyCalendar,
): SavingEstimate | null {
  if (!schedule.building) return null;
  const first = db
    .prepare<[string], number | null>("SELECT min(r.start) FROM devices d CROSS JOIN energy_rollups r ON r.code = d.code AND r.step = 1 WHERE d.building = ? AND d.kind = 'electricity_meter'")
    .pluck()
    .get(schedule.building);
  if (first === null || first === undefined) return null;
  const changedWithinData = schedule.updatedAt - WEEKS * WEEK_MS >= first;
  const learnedBefore = changedWithinData ? schedule.updatedAt : window.from;
  const hours = savingHours(runs, window.from, window.to);
  const used = new Map(
    db
      .prepare<[number, number, string], { start: number; amount: number }>(
        // Meter by meter, each a range of the rollups' key (see EnergyQueries on CROSS JOIN).
        "SELECT r.start, sum(r.amount) AS amount FROM devices d CROSS JOIN energy_rollups r ON r.code = d.code AND r.step = 1 AND r.start >= ? AND r.start < ? WHERE d.building = ? AND d.kind = 'electricity_meter' GROUP BY r.start",
      )
      .all(Math.min(learnedBefore, window.from) - (WEEKS + 1) * WEEK_MS, window.to, schedule.building)
      .map((row) => [row.start, row.amount]),
  );
  let baseline = 0;
  let actual = 0;
  for (const hour of hours) {
    // The same hour of the week, in the weeks before the baseline's end.
    const back = Math.max(0, Math.ceil((hour - learnedBefore) / WEEK_MS));
    baseline += median(Array.from({ length: WEEKS }, (_, k) => used.get(hour - (back + k + 1) * WEEK_MS) ?? 0));
    actual += used.get(hour) ?? 0;
  }
  return {
    schedule: schedule.id,
    building: schedule.building,
    from: window.from,
    to: window.to,
    hours: hours.length,
    unit: 'kWh',
    baseline,
    actual,
    saved: baseline - actual,
    learnedFrom: calendar.start('1d', learnedBefore - WEEKS * WEEK_MS),
    learnedTo: learnedBefore,
    basis: changedWithinData ? 'before_change' : 'before_period',
  };
}
