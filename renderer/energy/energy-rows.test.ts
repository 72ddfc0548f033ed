import { describe, expect, it } from 'vitest';
import type { EnergySeries } from '../core/contract';
import { change, energyRows, formatChange, stepLabel, totalsToDate } from './energy-rows';

const SHANGHAI = 'Asia/Shanghai';
const DAY = 86_400_000;
/** 1 December 2026, 00:00 in Shanghai. */
const DEC1 = Date.parse('2026-11-30T16:00:00Z');

const series = (amounts: number[], previous: number[], lastYear: number[]): EnergySeries => {
  const points = (values: number[]) => values.map((amount, i) => ({ start: DEC1 + i * DAY, amount }));
  return {
    unit: 'kWh',
    from: DEC1,
    to: DEC1 + amounts.length * DAY,
    timeZone: SHANGHAI,
    points: points(amounts),
    total: amounts.reduce((a, b) => a + b, 0),
    previous: { points: points(previous), total: previous.reduce((a, b) => a + b, 0) },
    lastYear: { points: points(lastYear), total: lastYear.reduce((a, b) => a + b, 0) },
  };
};

describe('energy rows', () => {
  it("labels steps on the site's clock, whatever the window's time zone", () => {
    expect(stepLabel('1h', DEC1, SHANGHAI)).toBe('00:00');
    expect(stepLabel('15m', DEC1 + 45 * 60_000, SHANGHAI)).toBe('00:45');
    expect(stepLabel('1d', DEC1, SHANGHAI)).toBe('12-01');
    expect(stepLabel('1mo', DEC1, SHANGHAI)).toBe('2026-12');
  });

  it('lines the period before and the year before up with this period, step by step', () => {
    const rows = energyRows(series([1, 2], [3, 4], [5, 6]), '1d');
    expect(rows.map((row) => [row.label, row.amount, row.previous, row.lastYear])).toEqual([
      ['12-01', 1, 3, 5],
      ['12-02', 2, 4, 6],
    ]);
  });

  it('compares a period in progress with as much of the others as it has begun', () => {
    const month = series([10, 10, 0, 0], [10, 5, 40, 40], [20, 20, 20, 20]);
    const totals = totalsToDate(month, DEC1 + DAY + 3_600_000);
    expect(totals).toEqual({ total: 20, previous: 15, lastYear: 40 });
    expect(formatChange(change(totals.total, totals.previous))).toBe('+33.3%');
    expect(formatChange(change(totals.total, totals.lastYear))).toBe('-50.0%');
    expect(formatChange(change(5, 0))).toBe('—');
  });
});
