import { describe, expect, it } from 'vitest';
import type { SavingSchedule } from '../../contract';
import { EnergyCalendar } from '../calendar';
import { planRuns, triggerTime } from './plan';

const calendar = new EnergyCalendar('Asia/Shanghai');
/** Nantong, the demo park's city. */
const NANTONG = { latitude: 32.0, longitude: 120.9 };
const localTime = (at: number) => new Date(at + 8 * 3_600_000).toISOString().slice(11, 16);

const schedule = (overrides: Partial<SavingSchedule> = {}): SavingSchedule => ({
  id: 'street-lights',
  name: '公共照明',
  load: 'lighting',
  devices: ['32061201011530000201', '32061201011530000202'],
  days: [1, 2, 3, 4, 5, 6, 7],
  steps: [
    { trigger: { at: 'sunset', offsetMinutes: 10 }, action: { command: 'lighting.switch', params: { on: true } } },
    { trigger: { at: 'time', time: '23:30' }, action: { command: 'lighting.switch', params: { on: false } } },
  ],
  enabled: true,
  updatedBy: 'property',
  updatedAt: 0,
  ...overrides,
});

describe('energy-saving plan', () => {
  it('puts sunrise and sunset where the almanac has them for the site, and a time on the site’s clock', () => {
    // Nantong: sunrise about 06:50 and sunset about 16:57 at the winter solstice, 04:50 and 19:05 at the summer one.
    expect(localTime(triggerTime({ at: 'sunrise', offsetMinutes: 0 }, '2026-12-21', calendar, NANTONG)!)).toMatch(/^06:(4[5-9]|5\d)$/);
    expect(localTime(triggerTime({ at: 'sunset', offsetMinutes: 0 }, '2026-12-21', calendar, NANTONG)!)).toMatch(/^(16:5\d|17:0\d)$/);
    expect(localTime(triggerTime({ at: 'sunset', offsetMinutes: 0 }, '2026-06-21', calendar, NANTONG)!)).toMatch(/^19:0\d$/);
    expect(localTime(triggerTime({ at: 'time', time: '07:30' }, '2026-06-21', calendar, NANTONG)!)).toBe('07:30');
    // Beyond the arctic circle in midwinter the sun never rises: no time, not a wrong one.
    expect(triggerTime({ at: 'sunrise', offsetMinutes: 0 }, '2026-12-21', calendar, { latitude: 78.2, longitude: 15.6 })).toBeNull();
  });

  it('lists every step of a week in time order, on the schedule’s weekdays only, and none of a switched-off schedule', () => {
    const monday = calendar.period({ unit: 'day', date: '2026-12-07' }).from;
    const week = planRuns([schedule(), schedule({ id: 'office-hvac', name: '空调', load: 'hvac', days: [1, 2, 3, 4, 5], steps: [{ trigger: { at: 'time', time: '19:00' }, action: { command: 'hvac.setpoint', params: { celsius: 28 } } }] })], monday, monday + 7 * 86_400_000, calendar, NANTONG);
    expect(week.filter((run) => run.schedule === 'street-lights')).toHaveLength(14);
    expect(week.filter((run) => run.schedule === 'office-hvac').map((run) => calendar.date(run.at))).toEqual(['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11']);
    expect(week.every((run, index) => index === 0 || week[index - 1]!.at <= run.at)).toBe(true);
    expect(planRuns([schedule({ enabled: false })], monday, monday + 7 * 86_400_000, calendar, NANTONG)).toEqual([]);
  });
});
