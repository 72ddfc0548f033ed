import { describe, expect, it } from 'vitest';
import { median, percentile, Report } from './report';

describe('bench report', () => {
  it('refuses a figure that is not a number instead of printing null', () => {
    const report = new Report('unit');
    expect(() => report.add('never_answered_ms', Number.POSITIVE_INFINITY, 'ms', 'lower')).toThrow(/never_answered_ms could not be measured/);
    expect(() => report.add('nothing_ms', Number.NaN, 'ms', 'lower')).toThrow(/could not be measured/);
    expect(report.figures).toEqual([]);
  });

  it('takes nearest-rank percentiles and refuses an empty sample', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(() => percentile([], 99)).toThrow(/p99 of no values/);
  });
});
