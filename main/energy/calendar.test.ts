import { describe, expect, it } from 'vitest';
import { EnergyCalendar, previousPeriod, samePeriodLastYear } from './calendar';

const SHANGHAI = new EnergyCalendar('Asia/Shanghai');
const BERLIN = new EnergyCalendar('Europe/Berlin');
const iso = (at: number) => new Date(at).toISOString();

describe('energy calendar', () => {
  it("starts days and months at the site's local midnight", () => {
    const at = Date.parse('2026-03-01T01:30:00Z'); // 09:30 on 1 March in Shanghai
    expect(iso(SHANGHAI.start('1d', at))).toBe('2026-02-28T16:00:00.000Z');
    expect(iso(SHANGHAI.start('1mo', at))).toBe('2026-02-28T16:00:00.000Z');
    expect(iso(SHANGHAI.start('1h', at))).toBe('2026-03-01T01:00:00.000Z');
    expect(iso(SHANGHAI.start('15m', Date.parse('2026-03-01T01:44:59Z')))).toBe('2026-03-01T01:30:00.000Z');
    // 23:59 on 28 February in Shanghai still belongs to February.
    expect(iso(SHANGHAI.start('1mo', Date.parse('2026-02-28T15:59:00Z')))).toBe('2026-01-31T16:00:00.000Z');
  });

  it('bounds a day, an ISO week, a month and a year in the zone, and finds the periods before and a year before', () => {
    const span = (unit: 'day' | 'week' | 'month' | 'year', date: string) => {
      const { from, to } = SHANGHAI.period({ unit, date });
      return [iso(from), iso(to)];
    };
    expect(span('day', '2026-03-01')).toEqual(['2026-02-28T16:00:00.000Z', '2026-03-01T16:00:00.000Z']);
    expect(span('week', '2026-12-06')).toEqual(['2026-11-29T16:00:00.000Z', '2026-12-06T16:00:00.000Z']); // a Sunday: the week from Monday 30 November
    expect(span('month', '2026-02-14')).toEqual(['2026-01-31T16:00:00.000Z', '2026-02-28T16:00:00.000Z']);
    expect(span('year', '2026-07-01')).toEqual(['2025-12-31T16:00:00.000Z', '2026-12-31T16:00:00.000Z']);
    const { from, to } = SHANGHAI.period({ unit: 'year', date: '2026-07-01' });
    expect(SHANGHAI.starts('1mo', from, to)).toHaveLength(12);
    expect(previousPeriod({ unit: 'day', date: '2026-03-01' })).toEqual({ unit: 'day', date: '2026-02-28' });
    expect(previousPeriod({ unit: 'month', date: '2026-01-20' })).toEqual({ unit: 'month', date: '2025-12-01' });
    expect(samePeriodLastYear({ unit: 'day', date: '2028-02-29' })).toEqual({ unit: 'day', date: '2027-02-28' });
    expect(samePeriodLastYear({ unit: 'week', date: '2026-12-06' })).toEqual({ unit: 'week', date: '2025-12-07' });
  });

  it('keeps local days whole across daylight saving: 23 and 25 hours', () => {
    const spring = BERLIN.start('1d', Date.parse('2026-03-29T12:00:00Z'));
    expect(iso(spring)).toBe('2026-03-28T23:00:00.000Z');
    expect((BERLIN.next('1d', spring) - spring) / 3_600_000).toBe(23);
    const autumn = BERLIN.start('1d', Date.parse('2026-10-25T12:00:00Z'));
    expect(iso(autumn)).toBe('2026-10-24T22:00:00.000Z');
    expect((BERLIN.next('1d', autumn) - autumn) / 3_600_000).toBe(25);
    expect(BERLIN.starts('1h', autumn, BERLIN.next('1d', autumn))).toHaveLength(25);
  });
});
