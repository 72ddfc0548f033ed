import type { TFunction } from 'i18next';
import type { SavingAction, SavingSchedule, SavingTrigger } from '../../core/contract';
import { siteTime } from '../energy-rows';

/**
 * The site's clock until the core has named it (`energy.plan` does): the
 * core's default. Schedules run on the site's time, whatever this station's
 * is set to.
 */
export const SITE_TIME_ZONE = 'Asia/Shanghai';

const DAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const DAY_MS = 86_400_000;

/** The key of an ISO weekday, 1 = Monday. */
export const dayKey = (day: number) => DAY_KEYS[(day - 1) % 7]!;

/** "日落后 10 分钟", "日出前 30 分钟", "日落", "23:30". */
export function triggerText(t: TFunction, trigger: SavingTrigger): string {
  if (trigger.at === 'time') return trigger.time;
  const sun = t(`saving.text.${trigger.at}`);
  if (!trigger.offsetMinutes) return sun;
  return t(trigger.offsetMinutes < 0 ? 'saving.text.before' : 'saving.text.after', { sun, minutes: Math.abs(trigger.offsetMinutes) });
}

/** "开灯", "停泵", "设定 28 °C". */
export function actionText(t: TFunction, action: SavingAction): string {
  switch (action.command) {
    case 'lighting.switch':
      return t(action.params.on ? 'saving.text.lightingOn' : 'saving.text.lightingOff');
    case 'pump.switch':
      return t(action.params.on ? 'saving.text.pumpOn' : 'saving.text.pumpOff');
    case 'hvac.setpoint':
      return t('saving.text.setpoint', { celsius: action.params.celsius });
  }
}

/** A step in words: "日落后 10 分钟 开灯", "23:30 关灯". */
export function stepText(t: TFunction, step: { trigger: SavingTrigger; action: SavingAction }): string {
  return t('saving.text.step', { when: triggerText(t, step.trigger), action: actionText(t, step.action) });
}

/** "每天", "工作日", "周末", or the days: "一、三、五". */
export function daysText(t: TFunction, days: SavingSchedule['days']): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b).join();
  if (sorted === '1,2,3,4,5,6,7') return t('saving.everyDay');
  if (sorted === '1,2,3,4,5') return t('saving.workdays');
  if (sorted === '6,7') return t('saving.weekend');
  return sorted
    .split(',')
    .map((day) => t(`saving.weekdays.${dayKey(Number(day))}`))
    .join(t('saving.daySeparator'));
}

/** The site's local date of a moment, YYYY-MM-DD. */
export function siteDate(at: number, timeZone: string): string {
  const { year, month, day } = siteTime(at, timeZone);
  return `${year}-${month}-${day}`;
}

/** HH:mm of a moment on the site's clock. */
export function siteClock(at: number, timeZone: string): string {
  const { hour, minute } = siteTime(at, timeZone);
  return `${hour}:${minute}`;
}

/** The site's offset from UTC at a moment, in ms (the parts of its clock read as if UTC, less the moment). */
function offsetAt(at: number, timeZone: string): number {
  const { year, month, day, hour, minute } = siteTime(at, timeZone);
  return Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute)) - Math.floor(at / 60_000) * 60_000;
}

/** When the site's day holding `at` began (its midnight), as a moment. */
export function siteDayStart(at: number, timeZone: string): number {
  const [year, month, day] = siteDate(at, timeZone).split('-').map(Number) as [number, number, number];
  const midnight = Date.UTC(year, month - 1, day);
  // The offset at midnight itself, not at `at`: a change of clocks in between moves it.
  return midnight - offsetAt(midnight - offsetAt(at, timeZone), timeZone);
}

/** The site's dates of `count` days from `from` (a site midnight), with their ISO weekdays. */
export function siteDays(from: number, count: number, timeZone: string): { date: string; weekday: number }[] {
  // Noon of each day keeps a day of 23 or 25 hours on its own date.
  return Array.from({ length: count }, (_, index) => {
    const date = siteDate(from + index * DAY_MS + DAY_MS / 2, timeZone);
    return { date, weekday: new Date(`${date}T00:00:00Z`).getUTCDay() || 7 };
  });
}
