import type { AnomalyThresholds } from '../../contract';
import type { EnergyCalendar } from '../calendar';
import type { Finding } from './findings';
import { expectations, overProfile } from './profile';

/**
 * A day's use well above the meter's weekly profile (see profile.ts for the
 * method). `used` holds the meter's hours from the profile's weeks before
 * the day to its end. The finding marks the hours that ran furthest over
 * (from the first to the last hour over by at least half the largest hour's
 * excess) and carries the profile's hours, which the alarm's chart draws
 * under the day.
 */
export function dayOverProfile(
  code: string,
  day: { date: string; start: number; end: number },
  used: ReadonlyMap<number, number>,
  calendar: EnergyCalendar,
  limits: AnomalyThresholds['profile'],
): Finding | null {
  const hours = calendar.starts('1h', day.start, day.end);
  const expected = expectations(hours, used, limits.weeks);
  const actual = hours.map((hour) => used.get(hour) ?? 0);
  const over = overProfile(actual, expected, limits);
  if (!over) return null;
  const excess = hours.map((_, index) => actual[index]! - expected[index]!.median);
  const largest = Math.max(...excess);
  const high = hours.filter((_, index) => excess[index]! >= largest / 2);
  const window = { fromHour: calendar.hour(high[0]!), toHour: calendar.hour(high.at(-1)!) + 1 };
  return {
    alarmId: `over-profile-${code}-${day.date.replaceAll('-', '')}`,
    code,
    kind: 'over_profile',
    day: day.date,
    value: over.total,
    baseline: over.usual,
    window,
    expected: expected.map((hour) => hour.median),
    at: day.end,
  };
}
