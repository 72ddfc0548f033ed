import { inHours, type AnomalyThresholds } from '../../contract';
import type { EnergyCalendar } from '../calendar';
import type { Finding } from './findings';
import { usedIn, type WatchedMeter } from './history';
import { expectations, WEEK_MS } from './profile';

const HOUR_MS = 3_600_000;

/**
 * A stuck meter: it keeps reporting, but its register has not moved for
 * stuckHours hours of the site's occupied day, in every one of which its
 * weekly profile says it usually counts. Readings that arrive after a
 * silence spread their use over the gap, so hours without use here mean a
 * register that did not move, not a meter that did not speak. `used` holds
 * the meter's hours from the profile's weeks before the day to the last
 * complete hour.
 */
export function stuckMeter(
  meter: WatchedMeter,
  used: ReadonlyMap<number, number>,
  calendar: EnergyCalendar,
  thresholds: Pick<AnomalyThresholds, 'occupied' | 'stuckHours' | 'profile'>,
): Finding | null {
  const end = calendar.start('1h', meter.lastAt);
  const hours = calendar.starts('1h', end - thresholds.stuckHours * HOUR_MS, end);
  const date = calendar.date(hours[0]!);
  if (hours.some((hour) => !inHours(calendar.hour(hour), thresholds.occupied) || calendar.date(hour) !== date)) return null;
  if (usedIn(used, hours) > 0) return null;
  const expected = expectations(hours, used, thresholds.profile.weeks);
  if (expected.some((hour) => hour.median <= 0)) return null;
  const dayStart = calendar.start('1d', hours[0]!);
  const dayHours = calendar.starts('1h', dayStart, calendar.next('1d', dayStart));
  return {
    alarmId: `stuck-${meter.code}-${date.replaceAll('-', '')}`,
    code: meter.code,
    kind: 'stuck',
    day: date,
    value: hours.length,
    baseline: expected.reduce((sum, hour) => sum + hour.median, 0),
    window: { fromHour: calendar.hour(hours[0]!), toHour: calendar.hour(hours.at(-1)!) + 1 },
    expected: expectations(dayHours, used, thresholds.profile.weeks).map((hour) => hour.median),
    at: end,
  };
}

/** The hours a stuck-meter judgement needs: the profile's weeks before the day of the window, to the window's end. */
export function stuckRange(meter: WatchedMeter, calendar: EnergyCalendar, thresholds: Pick<AnomalyThresholds, 'stuckHours' | 'profile'>): { from: number; to: number } {
  const end = calendar.start('1h', meter.lastAt);
  return { from: calendar.start('1d', end - thresholds.stuckHours * HOUR_MS) - thresholds.profile.weeks * WEEK_MS, to: end };
}
