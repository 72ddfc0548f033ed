import { describe, expect, it } from 'vitest';
import { inSchedule, localTime } from './schedule';

// 2026-11-27 is a Friday; 23:30 in Shanghai is 15:30 UTC.
const shanghai = (iso: string) => Date.parse(`${iso}+08:00`);
const nights = { days: [5], from: '22:00', to: '06:00', timeZone: 'Asia/Shanghai' };

describe('rule schedules', () => {
  it('reads the day and minute in the site time zone, not the station’s', () => {
    expect(localTime(shanghai('2026-11-27T23:30:00'), 'Asia/Shanghai')).toEqual({ day: 5, minute: 23 * 60 + 30 });
    expect(localTime(shanghai('2026-11-27T23:30:00'), 'UTC')).toEqual({ day: 5, minute: 15 * 60 + 30 });
    expect(localTime(shanghai('2026-11-30T00:05:00'), 'Asia/Shanghai')).toEqual({ day: 1, minute: 5 });
  });

  it('gives a night that spans midnight to the day it starts on', () => {
    expect(inSchedule(nights, shanghai('2026-11-27T21:59:00'))).toBe(false);
    expect(inSchedule(nights, shanghai('2026-11-27T22:00:00'))).toBe(true);
    expect(inSchedule(nights, shanghai('2026-11-28T05:59:00'))).toBe(true); // Saturday morning: Friday's night
    expect(inSchedule(nights, shanghai('2026-11-28T06:00:00'))).toBe(false);
    expect(inSchedule(nights, shanghai('2026-11-28T23:00:00'))).toBe(false); // Saturday's own night is not scheduled
    expect(inSchedule(nights, shanghai('2026-11-27T03:00:00'))).toBe(false); // Thursday's night
  });

  it('takes a daytime window as it is, equal ends as the whole day, and no schedule as always', () => {
    const office = { days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00', timeZone: 'Asia/Shanghai' };
    expect(inSchedule(office, shanghai('2026-11-27T09:00:00'))).toBe(true);
    expect(inSchedule(office, shanghai('2026-11-27T18:00:00'))).toBe(false);
    expect(inSchedule(office, shanghai('2026-11-28T12:00:00'))).toBe(false);
    expect(inSchedule({ ...office, from: '00:00', to: '00:00' }, shanghai('2026-11-27T23:59:00'))).toBe(true);
    expect(inSchedule(null, 0)).toBe(true);
  });
});
