import { describe, expect, it } from 'vitest';
import { AnomalyThresholdsSchema, DEFAULT_ANOMALY_THRESHOLDS, inHours } from './energy-anomalies';

describe('energy anomaly thresholds', () => {
  it('take the defaults, and refuse a night across midnight, empty hours or a ratio below 1 with where it is wrong', () => {
    expect(AnomalyThresholdsSchema.parse(DEFAULT_ANOMALY_THRESHOLDS)).toEqual(DEFAULT_ANOMALY_THRESHOLDS);
    const paths = (thresholds: unknown) => (AnomalyThresholdsSchema.safeParse(thresholds).error?.issues ?? []).map((issue) => issue.path.join('.'));
    expect(paths({ ...DEFAULT_ANOMALY_THRESHOLDS, nightFlow: { ...DEFAULT_ANOMALY_THRESHOLDS.nightFlow, hours: { fromHour: 23, toHour: 5 } } })).toEqual(['nightFlow.hours']);
    expect(paths({ ...DEFAULT_ANOMALY_THRESHOLDS, occupied: { fromHour: 7, toHour: 7 } })).toEqual(['occupied']);
    expect(paths({ ...DEFAULT_ANOMALY_THRESHOLDS, profile: { ...DEFAULT_ANOMALY_THRESHOLDS.profile, ratio: 0.9 } })).toEqual(['profile.ratio']);
  });

  it('tell whether an hour lies in hours that may run past midnight', () => {
    expect([6, 7, 21, 22].map((hour) => inHours(hour, { fromHour: 7, toHour: 22 }))).toEqual([false, true, true, false]);
    expect([21, 22, 23, 0, 5, 6].map((hour) => inHours(hour, { fromHour: 22, toHour: 6 }))).toEqual([false, true, true, true, true, false]);
  });
});
