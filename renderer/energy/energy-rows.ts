import type { EnergySeries, EnergyStep } from '../core/contract';

/** One step of a period beside the same step of the period before (环比) and of a year before (同比). */
export type EnergyRow = { start: number; label: string; amount: number; previous: number | null; lastYear: number | null };

const formats = new Map<string, Intl.DateTimeFormat>();

/** Year, month, day, hour and minute of `at` on the site's clock, two digits each but the year. */
export function siteTime(at: number, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute! };
}

/**
 * A step's label on the axis and in the table, on the site's clock (the
 * rollups' days are the site's): the time of day, the date or the month.
 */
export function stepLabel(step: EnergyStep, start: number, timeZone: string): string {
  const { year, month, day, hour, minute } = siteTime(start, timeZone);
  if (step === '1d') return `${month}-${day}`;
  if (step === '1mo') return `${year}-${month}`;
  return `${hour}:${minute}`;
}

/** A moment in full on the site's clock, as exports write it. */
export function siteDateTime(at: number, timeZone: string): string {
  const { year, month, day, hour, minute } = siteTime(at, timeZone);
  return `${year}-${month}-${day} ${hour}:${minute}`;
}

/** The series as rows, point by point; the comparisons line up by position (the first hour beside the first hour). */
export function energyRows(series: EnergySeries, step: EnergyStep): EnergyRow[] {
  return series.points.map((point, index) => ({
    start: point.start,
    label: stepLabel(step, point.start, series.timeZone),
    amount: point.amount,
    previous: series.previous?.points[index]?.amount ?? null,
    lastYear: series.lastYear?.points[index]?.amount ?? null,
  }));
}

/** Change from `before` to `now` as a share (0.12 is +12 %); null when there is nothing to compare with. */
export function change(now: number, before: number | null | undefined): number | null {
  if (before === null || before === undefined || before <= 0) return null;
  return (now - before) / before;
}

/** A register's unit as people write it: m3 is m³ (the same in both languages). */
export const unitLabel = (unit: string | undefined) => (unit === 'm3' ? 'm³' : (unit ?? ''));

/** Amounts with as many decimals as their size needs: 12 345, 123.4, 1.23. */
export function formatAmount(value: number): string {
  const digits = Math.abs(value) >= 1000 ? 0 : Math.abs(value) >= 100 ? 1 : 2;
  return value.toLocaleString(undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatChange(share: number | null): string {
  if (share === null) return '—';
  return `${share > 0 ? '+' : ''}${(share * 100).toFixed(1)}%`;
}

/**
 * The totals to compare a period with: only as many steps of the period
 * before and of the year before as this one has begun, so a month two days
 * old is set against two days, not against a whole month.
 */
export function totalsToDate(series: EnergySeries, now: number): { total: number; previous: number | null; lastYear: number | null } {
  const begun = series.points.filter((point) => point.start <= now).length;
  const upTo = (points: EnergySeries['points'] | undefined) => (points ? points.slice(0, begun).reduce((sum, point) => sum + point.amount, 0) : null);
  return { total: series.total, previous: upTo(series.previous?.points), lastYear: upTo(series.lastYear?.points) };
}
