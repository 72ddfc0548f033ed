import type { AnomalyThresholds } from '../../contract';
import type { EnergyCalendar } from '../calendar';
import type { Finding } from './findings';
import { median } from './profile';

const DAY_MS = 86_400_000;
/** The nights before the one judged that a meter's usual night is learnt from, and the fewest that make it known. */
export const BASELINE_NIGHTS = 28;
const BASELINE_MIN_NIGHTS = 7;

/**
 * Minimum night flow (最小夜间流量), the water industry's leak signal: when
 * nobody uses water, what still flows is lost. A night's smallest hourly
 * flow is compared with the median of the meter's 28 nights before (a
 * median, so one odd night does not move what is usual); a night well above
 * it is a leak. With the default thresholds (1.8 × usual and 0.3 m³/h more),
 * tuned on the demo park, whose night minima wander ±10 % around their
 * median, a dripping tap (0.02 m³/h) stays below, a burst pipe does not.
 *
 * `used` holds the meter's hours from BASELINE_NIGHTS days before the day
 * to its end; the night is the day's night hours.
 */
export function nightFlow(
  code: string,
  day: { date: string; start: number },
  used: ReadonlyMap<number, number>,
  calendar: EnergyCalendar,
  limits: AnomalyThresholds['nightFlow'],
): Finding | null {
  const minima = new Map<number, number>();
  for (const [start, amount] of used) {
    const hour = calendar.hour(start);
    if (hour < limits.hours.fromHour || hour >= limits.hours.toHour || start < day.start - BASELINE_NIGHTS * DAY_MS) continue;
    const night = calendar.start('1d', start);
    minima.set(night, Math.min(minima.get(night) ?? Number.POSITIVE_INFINITY, amount));
  }
  // An hour without a row used nothing: a night with one is a quiet night, its minimum 0.
  const nightHours = (night: number) => calendar.starts('1h', night, calendar.next('1d', night)).filter((hour) => { const local = calendar.hour(hour); return local >= limits.hours.fromHour && local < limits.hours.toHour; });
  const minimumOf = (night: number) => (nightHours(night).every((hour) => used.has(hour)) ? minima.get(night)! : 0);
  const tonight = minima.has(day.start) ? minimumOf(day.start) : undefined;
  const before = [...minima.keys()].filter((night) => night < day.start).map(minimumOf);
  if (tonight === undefined || before.length < BASELINE_MIN_NIGHTS) return null;
  const baseline = median(before);
  if (tonight <= Math.max(baseline * limits.ratio, baseline + limits.margin)) return null;
  const nightEnd = day.start + limits.hours.toHour * 3_600_000;
  return {
    alarmId: `night-flow-${code}-${day.date.replaceAll('-', '')}`,
    code,
    kind: 'night_flow',
    day: day.date,
    value: tonight,
    baseline,
    window: limits.hours,
    at: nightEnd,
  };
}
