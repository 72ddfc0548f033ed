import { afterEach, describe, expect, it } from 'vitest';
import type { SavingSchedule } from '../../contract';
import type { Core } from '../../core';
import { pushSite, testCore } from '../../testing/harness';
import { EnergyCalendar } from '../calendar';
import { estimateSaving, savingHours } from './estimate';
import { planRuns } from './plan';

const SITE = 'test-site';
const POWER = '32061201011500000001';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** Midnight of Sunday 1 March 2026 in Shanghai. */
const T0 = Date.parse('2026-02-28T16:00:00Z');
const calendar = new EnergyCalendar('Asia/Shanghai');
const POSITION = { latitude: 32.07, longitude: 121.07 };

/** Set back to 28 °C at 19:00, to 24 °C at 07:00, every day; changed at the start of week 9. */
const hvac: SavingSchedule = {
  id: 'office-hvac',
  name: '空调',
  load: 'hvac',
  devices: ['32061201011540000001'],
  days: [1, 2, 3, 4, 5, 6, 7],
  steps: [
    { trigger: { at: 'time', time: '19:00' }, action: { command: 'hvac.setpoint', params: { celsius: 28 } } },
    { trigger: { at: 'time', time: '07:00' }, action: { command: 'hvac.setpoint', params: { celsius: 24 } } },
  ],
  enabled: true,
  building: 'B栋',
  updatedBy: 'property',
  updatedAt: T0 + 9 * WEEK,
};

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

describe('energy-saving estimate', () => {
  it('counts the whole hours a schedule held its loads low, from each saving step to the next step', () => {
    const runs = planRuns([hvac], T0 - DAY, T0 + 2 * DAY, calendar, POSITION);
    // 19:00–07:00 twice, and the evening of the second day up to the window's end: 12 + 12 + 5 hours.
    const hours = savingHours(runs, T0, T0 + 2 * DAY);
    expect(hours).toHaveLength(7 + 12 + 5);
    expect(hours[0]).toBe(T0);
    expect(hours.every((hour) => calendar.hour(hour) >= 19 || calendar.hour(hour) < 7)).toBe(true);
  });

  it('sets the building’s use in those hours against the same hours of the 8 weeks before the change', () => {
    core = testCore();
    pushSite(core, `devices/${POWER}/info`, { name: 'B栋 电表', area: '北区', building: 'B栋', floor: '1F', ts: 1 }, SITE);
    // 5 kWh an hour, and from the change on 3 kWh in the hours the set-point is back.
    const night = (hour: number) => hour % 24 >= 19 || hour % 24 < 7;
    let value = 0;
    const readings = [{ ts: T0, value }];
    for (let hour = 0; hour < 11 * 7 * 24; hour++) readings.push({ ts: T0 + (hour + 1) * HOUR, value: (value += hour >= 9 * 7 * 24 && night(hour) ? 3 : 5) });
    for (let i = 0; i < readings.length; i += 96) pushSite(core, `devices/${POWER}/readings`, { unit: 'kWh', readings: readings.slice(i, i + 96) }, SITE);
    core.ingest.flush();
    // The week after the change (week 10, days 63–70).
    const window = { from: T0 + 10 * WEEK, to: T0 + 11 * WEEK };
    const estimate = estimateSaving(core.db, hvac, planRuns([hvac], window.from - DAY, window.to, calendar, POSITION), window, calendar)!;
    expect(estimate).toMatchObject({ hours: 7 * 12, baseline: 7 * 12 * 5, actual: 7 * 12 * 3, saved: 7 * 12 * 2, basis: 'before_change', learnedTo: hvac.updatedAt });
    // A schedule with no building, or changed before the meters began, says so rather than guess.
    expect(estimateSaving(core.db, { ...hvac, building: undefined }, [], window, calendar)).toBeNull();
    // Changed before the meters began: learnt from the 8 weeks before the window, one of which already saved; the median holds at 5.
    expect(estimateSaving(core.db, { ...hvac, updatedAt: 0 }, planRuns([hvac], window.from - DAY, window.to, calendar, POSITION), window, calendar)).toMatchObject({ basis: 'before_period', saved: 7 * 12 * 2 });
  });
});

