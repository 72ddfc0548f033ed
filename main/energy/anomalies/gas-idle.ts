import { inHours, type AnomalyThresholds } from '../../contract';
import type { EnergyCalendar } from '../calendar';
import type { Finding } from './findings';
import type { WatchedMeter } from './history';

/** Hours in a row of unscheduled flow that make a finding: one could be a cleaner's kettle, two is a burner left on. */
const IDLE_RUN_HOURS = 2;

/**
 * Gas flowing with nothing scheduled to use it: in a building whose gas is
 * used on a schedule (a canteen's kitchen, boilers), hours outside it in
 * which more than idlePerHour flowed, two or more in a row. Judged on the
 * day's complete hours so far; one finding per meter and day, the first run.
 */
export function gasIdle(
  meter: WatchedMeter,
  day: { date: string; start: number; end: number },
  used: ReadonlyMap<number, number>,
  calendar: EnergyCalendar,
  limits: AnomalyThresholds['gas'],
): Finding | null {
  const scheduled = limits.scheduled[meter.building];
  if (!scheduled) return null;
  const reported = Math.min(day.end, calendar.start('1h', meter.lastAt));
  let run: number[] = [];
  for (const hour of calendar.starts('1h', day.start, reported)) {
    const idle = !scheduled.some((hours) => inHours(calendar.hour(hour), hours)) && (used.get(hour) ?? 0) > limits.idlePerHour;
    if (idle) run.push(hour);
    else if (run.length >= IDLE_RUN_HOURS) break;
    else run = [];
  }
  if (run.length < IDLE_RUN_HOURS) return null;
  const flow = run.reduce((sum, hour) => sum + (used.get(hour) ?? 0), 0) / run.length;
  const last = run.at(-1)!;
  return {
    alarmId: `gas-idle-${meter.code}-${day.date.replaceAll('-', '')}`,
    code: meter.code,
    kind: 'gas_idle',
    day: day.date,
    value: flow,
    baseline: limits.idlePerHour,
    window: { fromHour: calendar.hour(run[0]!), toHour: calendar.hour(last) + 1 },
    at: last + 3_600_000,
  };
}
