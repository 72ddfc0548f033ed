import type { EnergyCalendar } from '../calendar';
import type { Reading } from '../counter';
import type { Finding } from './findings';

/**
 * A register reset, rolled back or exchanged, as the ledger accepted it: the
 * use it counted stays right (counter.ts), but someone should know the meter
 * was touched. The finding keeps the register before and after.
 */
export function resetFinding(code: string, before: Reading, after: Reading, calendar: EnergyCalendar): Finding {
  const hour = calendar.hour(after.at);
  return {
    alarmId: `reset-${code}-${after.at}`,
    code,
    kind: 'reset',
    day: calendar.date(after.at),
    value: before.value,
    baseline: after.value,
    window: { fromHour: calendar.hour(before.at) <= hour && calendar.date(before.at) === calendar.date(after.at) ? calendar.hour(before.at) : 0, toHour: hour + 1 },
    at: after.at,
  };
}
