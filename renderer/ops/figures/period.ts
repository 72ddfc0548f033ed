import dayjs from 'dayjs';
import type { FigurePeriod } from '../../core/contract';

/** The day of the period before or after the one holding `at` (a day, 7 days, or a month on). */
export function stepPeriod(period: FigurePeriod, at: string, step: -1 | 1): string {
  const unit = period === 'month' ? 'month' : 'day';
  return dayjs(at).add(period === 'week' ? 7 * step : step, unit).format('YYYY-MM-DD');
}

/** Whether the period after the one holding `at` has begun by `today`. */
export function hasNext(period: FigurePeriod, at: string, today: string): boolean {
  const next = stepPeriod(period, at, 1);
  const start = period === 'month' ? dayjs(next).startOf('month') : period === 'week' ? dayjs(next).subtract((dayjs(next).day() + 6) % 7, 'day') : dayjs(next);
  return start.format('YYYY-MM-DD') <= today;
}

/** Seconds from milliseconds, for display: one decimal under a minute. */
export function seconds(ms: number | null): string {
  if (ms === null) return '–';
  const s = ms / 1000;
  return s < 60 ? s.toFixed(1).replace(/\.0$/, '') : String(Math.round(s));
}

export const percentText = (pct: number | null) => (pct === null ? '–' : `${pct.toFixed(pct >= 99 ? 2 : 1)} %`);
