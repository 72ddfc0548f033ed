import { getTimes } from 'suncalc';
import type { PlannedRun, SavingSchedule, SavingTrigger, SitePosition } from '../../contract';
import type { EnergyCalendar } from '../calendar';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * When a trigger fires on a local date (YYYY-MM-DD) of the site: a time of
 * day, or sunrise or sunset at the site's position (computed with SunCalc,
 * the sun's elevation crossing −0.833°, accurate to about a minute) moved by
 * the offset. Null on a day the sun does not rise or set (polar sites).
 */
export function triggerTime(trigger: SavingTrigger, date: string, calendar: EnergyCalendar, position: SitePosition): number | null {
  const start = calendar.period({ unit: 'day', date }).from;
  if (trigger.at === 'time') {
    const [hours, minutes] = trigger.time.split(':').map(Number) as [number, number];
    return start + (hours * 60 + minutes) * MINUTE_MS;
  }
  // The times of the sun around the day's local noon are that day's.
  const times = getTimes(new Date(start + DAY_MS / 2), position.latitude, position.longitude);
  // Where the sun stays up or down the library gives no time (null, or an invalid date in older versions).
  const sun = (trigger.at === 'sunrise' ? times.sunrise : times.sunset) as Date | null;
  const at = sun?.getTime() ?? Number.NaN;
  return Number.isFinite(at) ? at + trigger.offsetMinutes * MINUTE_MS : null;
}

/** ISO weekday of a local date, 1 = Monday. */
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;

/** Every step of the enabled schedules that runs in [from, to), in time order: the calendar of what will run. */
export function planRuns(schedules: readonly SavingSchedule[], from: number, to: number, calendar: EnergyCalendar, position: SitePosition): PlannedRun[] {
  const runs: PlannedRun[] = [];
  // A day before `from` too: an offset can move a step of yesterday's date past midnight.
  for (let day = calendar.start('1d', from - DAY_MS); day < to; day = calendar.next('1d', day)) {
    const date = calendar.date(day);
    for (const schedule of schedules) {
      if (!schedule.enabled || !schedule.days.includes(weekdayOf(date))) continue;
      schedule.steps.forEach((step, index) => {
        const at = triggerTime(step.trigger, date, calendar, position);
        if (at !== null && at >= from && at < to) {
          runs.push({ schedule: schedule.id, name: schedule.name, load: schedule.load, step: index, at, trigger: step.trigger, action: step.action, devices: schedule.devices.length });
        }
      });
    }
  }
  return runs.sort((a, b) => a.at - b.at || a.schedule.localeCompare(b.schedule) || a.step - b.step);
}
