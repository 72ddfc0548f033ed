import type { RuleSchedule } from '../contract';

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The last minute asked for, per time zone: telemetry asks about the same minute thousands of times. */
const lastMinute = new Map<string, { minute: number; local: { day: number; minute: number } }>();

/** Day of the week (1 = Monday) and minute of the day at `at`, in a time zone. */
export function localTime(at: number, timeZone: string): { day: number; minute: number } {
  // Every time zone in use is offset by whole minutes, so one minute of UTC is one local minute.
  const minute = Math.floor(at / 60_000);
  const cached = lastMinute.get(timeZone);
  if (cached?.minute === minute) return cached.local;
  const local = formatLocal(at, timeZone);
  lastMinute.set(timeZone, { minute, local });
  return local;
}

function formatLocal(at: number, timeZone: string): { day: number; minute: number } {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
  return { day: WEEKDAYS[parts.weekday!]!, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/**
 * Whether a moment falls in a schedule. A window that spans midnight
 * (22:00–06:00) belongs to the day it starts on: Friday's night ends on
 * Saturday morning. from = to is the whole day.
 */
export function inSchedule(schedule: RuleSchedule | null, at: number): boolean {
  if (!schedule) return true;
  const { day, minute } = localTime(at, schedule.timeZone);
  const from = minutes(schedule.from);
  const to = minutes(schedule.to);
  const days = new Set(schedule.days);
  if (from === to) return days.has(day);
  if (from < to) return days.has(day) && minute >= from && minute < to;
  const yesterday = day === 1 ? 7 : day - 1;
  return (days.has(day) && minute >= from) || (days.has(yesterday) && minute < to);
}
