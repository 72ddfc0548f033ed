import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';
import { NEW_SCHEDULE, newScheduleId, toDraft, toFormValues } from './schedule-form-values';
import { daysText, siteDayStart, siteDays, stepText } from './saving-text';

const t = (language: string) => i18next.getFixedT(language);

beforeAll(async () => {
  await i18next.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, interpolation: { escapeValue: false } });
});

describe('steps in words', () => {
  it('says when and what, in both languages', () => {
    const sunset = { trigger: { at: 'sunset' as const, offsetMinutes: 10 }, action: { command: 'lighting.switch' as const, params: { on: true } } };
    expect(stepText(t('zh-CN'), sunset)).toBe('日落后 10 分钟 开灯');
    expect(stepText(t('en'), sunset)).toBe('10 min after sunset: lights on');
    expect(stepText(t('zh-CN'), { trigger: { at: 'sunrise', offsetMinutes: -30 }, action: { command: 'lighting.switch', params: { on: false } } })).toBe('日出前 30 分钟 关灯');
    expect(stepText(t('zh-CN'), { trigger: { at: 'sunset', offsetMinutes: 0 }, action: { command: 'lighting.switch', params: { on: true } } })).toBe('日落 开灯');
    expect(stepText(t('zh-CN'), { trigger: { at: 'time', time: '19:00' }, action: { command: 'hvac.setpoint', params: { celsius: 28 } } })).toBe('19:00 设定 28 °C');
    expect(stepText(t('zh-CN'), { trigger: { at: 'time', time: '22:00' }, action: { command: 'pump.switch', params: { on: false } } })).toBe('22:00 停泵');
  });

  it('names every day, the weekdays, the weekend, or the days', () => {
    expect(daysText(t('zh-CN'), [7, 1, 2, 3, 4, 5, 6])).toBe('每天');
    expect(daysText(t('zh-CN'), [1, 2, 3, 4, 5])).toBe('工作日');
    expect(daysText(t('en'), [6, 7])).toBe('Weekends');
    expect(daysText(t('zh-CN'), [5, 1, 3])).toBe('周一、周三、周五');
  });
});

describe("the site's days", () => {
  it('starts the week at the site’s midnight, whatever the station’s clock', () => {
    // 2026-12-06 20:28 UTC is already the 7th, 04:28, in Shanghai.
    const at = Date.UTC(2026, 11, 6, 20, 28);
    expect(siteDayStart(at, 'Asia/Shanghai')).toBe(Date.UTC(2026, 11, 6, 16, 0));
    const days = siteDays(siteDayStart(at, 'Asia/Shanghai'), 7, 'Asia/Shanghai');
    expect(days[0]).toEqual({ date: '2026-12-07', weekday: 1 });
    expect(days[6]).toEqual({ date: '2026-12-13', weekday: 7 });
  });

  it('takes the offset of the midnight itself on a day the clocks change', () => {
    // Berlin goes to summer time at 02:00 on 29 March 2026: its midnight was still UTC+1.
    expect(siteDayStart(Date.UTC(2026, 2, 29, 12), 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 28, 23));
    expect(siteDays(Date.UTC(2026, 2, 28, 23), 2, 'Europe/Berlin').map((day) => day.date)).toEqual(['2026-03-29', '2026-03-30']);
  });
});

describe('the editor', () => {
  it('gives a new schedule an id from its name, or from the time when the name has no letters', () => {
    expect(newScheduleId('Street lights 2', new Set())).toBe('street-lights-2');
    expect(newScheduleId('Street lights 2', new Set(['street-lights-2']))).toBe('street-lights-2-2');
    expect(newScheduleId('东门路灯 2', new Set(), 36 ** 5)).toBe('sched-100000');
    expect(newScheduleId('东门路灯', new Set(), 1_796_589_615_378)).toMatch(/^sched-[a-z0-9]{4,}$/);
  });

  it('round-trips a schedule and keeps the load’s command on every step', () => {
    const draft = toDraft({ ...NEW_SCHEDULE, id: 'gate-lights', name: ' 东门路灯 ', devices: ['32061201011530000127'], building: ' ' });
    expect(draft).toEqual({
      id: 'gate-lights',
      name: '东门路灯',
      load: 'lighting',
      devices: ['32061201011530000127'],
      days: [1, 2, 3, 4, 5, 6, 7],
      steps: [
        { trigger: { at: 'sunset', offsetMinutes: 0 }, action: { command: 'lighting.switch', params: { on: true } } },
        { trigger: { at: 'time', time: '22:00' }, action: { command: 'lighting.switch', params: { on: false } } },
      ],
      enabled: true,
    });
    const hvac = toDraft({ ...toFormValues({ ...draft, updatedBy: 'property', updatedAt: 0 }), load: 'hvac', building: 'B栋 办公楼' });
    expect(hvac.steps.map((step) => step.action)).toEqual([
      { command: 'hvac.setpoint', params: { celsius: 26 } },
      { command: 'hvac.setpoint', params: { celsius: 26 } },
    ]);
    expect(hvac.building).toBe('B栋 办公楼');
  });
});
