import type { EnergyPeriod, EnergyStep } from '../contract';

const QUARTER_MS = 900_000;
const HOUR_MS = 3_600_000;

/**
 * Where 15-minute, hour, day and month buckets start in the site's time
 * zone. Days and months are local (a day in Shanghai starts at 16:00 UTC),
 * so the zone's offset is looked up once per UTC hour and remembered: a
 * year of readings asks about the same hours thousands of times.
 */
export class EnergyCalendar {
  private readonly format: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
  }

  /** The zone's offset from UTC at `at`, in milliseconds. */
  offset(at: number): number {
    const hour = Math.floor(at / HOUR_MS);
    let offset = this.offsets.get(hour);
    if (offset === undefined) {
      const parts = Object.fromEntries(this.format.formatToParts(hour * HOUR_MS).map((part) => [part.type, Number(part.value)]));
      offset = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!) - hour * HOUR_MS;
      if (this.offsets.size > 100_000) this.offsets.clear();
      this.offsets.set(hour, offset);
    }
    return offset;
  }

  /** The local date (YYYY-MM-DD) holding `at`. */
  date(at: number): string {
    return new Date(at + this.offset(at)).toISOString().slice(0, 10);
  }

  /** The local hour of the day (0–23) at `at`. */
  hour(at: number): number {
    return new Date(at + this.offset(at)).getUTCHours();
  }

  /** The start of the bucket of `step` that holds `at`. */
  start(step: EnergyStep, at: number): number {
    if (step === '15m') return Math.floor(at / QUARTER_MS) * QUARTER_MS;
    const offset = this.offset(at);
    const local = at + offset;
    switch (step) {
      case '1h':
        return Math.floor(local / HOUR_MS) * HOUR_MS - offset;
      case '1d':
        return this.utcOf(Math.floor(local / 86_400_000) * 86_400_000);
      case '1mo': {
        const date = new Date(local);
        return this.utcOf(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
      }
      default: {
        const unknown: never = step;
        throw new Error(`unknown step ${String(unknown)}`);
      }
    }
  }

  /** The start of the bucket after the one starting at `start`. */
  next(step: EnergyStep, start: number): number {
    if (step === '15m') return start + QUARTER_MS;
    if (step === '1h') return start + HOUR_MS;
    const local = new Date(start + this.offset(start));
    const next = step === '1d' ? Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1) : Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1);
    return this.utcOf(next);
  }

  /** The bounds of a calendar period in the zone: the day, ISO week (from Monday), month or year holding `date` (YYYY-MM-DD). */
  period(period: EnergyPeriod): { from: number; to: number } {
    const [year, month, day] = period.date.split('-').map(Number) as [number, number, number];
    const local = (y: number, m: number, d: number) => this.utcOf(Date.UTC(y, m, d));
    switch (period.unit) {
      case 'day':
        return { from: local(year, month - 1, day), to: local(year, month - 1, day + 1) };
      case 'week': {
        const monday = day - ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7);
        return { from: local(year, month - 1, monday), to: local(year, month - 1, monday + 7) };
      }
      case 'month':
        return { from: local(year, month - 1, 1), to: local(year, month, 1) };
      case 'year':
        return { from: local(year, 0, 1), to: local(year + 1, 0, 1) };
      default: {
        const unknown: never = period.unit;
        throw new Error(`unknown period ${String(unknown)}`);
      }
    }
  }

  /** Every bucket start of `step` from the one holding `from` up to `to` (exclusive). */
  starts(step: EnergyStep, from: number, to: number): number[] {
    const starts: number[] = [];
    for (let start = this.start(step, from); start < to; start = this.next(step, start)) starts.push(start);
    return starts;
  }

  /** The UTC instant of a local wall-clock time (given as if it were UTC). */
  private utcOf(local: number): number {
    // The offset at the local time read as UTC is right except within hours of a daylight-saving change; a second look settles those.
    const guess = local - this.offset(local);
    return local - this.offset(guess);
  }
}

const DAY_MS = 86_400_000;
const isoDate = (at: number) => new Date(at).toISOString().slice(0, 10);

/** 环比: the period just before (the day, week, month or year before). */
export function previousPeriod(period: EnergyPeriod): EnergyPeriod {
  const [year, month, day] = period.date.split('-').map(Number) as [number, number, number];
  const date = {
    day: () => Date.UTC(year, month - 1, day - 1),
    week: () => Date.UTC(year, month - 1, day - 7),
    month: () => Date.UTC(year, month - 2, 1),
    year: () => Date.UTC(year - 1, 0, 1),
  }[period.unit]();
  return { unit: period.unit, date: isoDate(date) };
}

/** 同比: the same period a year before; a week, 52 weeks before, so its days fall on the same weekdays. */
export function samePeriodLastYear(period: EnergyPeriod): EnergyPeriod {
  const [year, month, day] = period.date.split('-').map(Number) as [number, number, number];
  if (period.unit === 'week') return { unit: 'week', date: isoDate(Date.UTC(year, month - 1, day) - 364 * DAY_MS) };
  // 29 February's year before has none: the 28th stands in.
  const lastDay = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
  return { unit: period.unit, date: isoDate(Date.UTC(year - 1, month - 1, Math.min(day, lastDay))) };
}
