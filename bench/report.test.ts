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

describe('bench report runs', () => {
  it('keeps every run beside the figure and refuses a run that was not measured', () => {
    const report = new Report('unit');
    report.add('ratio', 0.5, 'ratio', 'higher', 0.8, [0.4, 0.5, 0.6]);
    expect(report.figures[0]).toMatchObject({ value: 0.5, target: 0.8, runs: [0.4, 0.5, 0.6] });
    expect(() => report.add('ratio_2', 0.5, 'ratio', 'higher', undefined, [0.5, Number.NaN])).toThrow(/ratio_2 could not be measured/);
  });
});
