import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { hoursText, reasonText } from './reasons';

beforeAll(async () => {
  await i18next.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, interpolation: { escapeValue: false } });
});

describe('reasons', () => {
  it('say why in Chinese and in English', async () => {
    const t = i18next.getFixedT('zh-CN');
    expect(reasonText(t, { code: 'interest', category: 'housekeeping' })).toBe('因为您关注了家政服务');
    expect(reasonText(t, { code: 'household', household: 'elderly' })).toBe('因为适合有老人的家庭');
    expect(reasonText(t, { code: 'same_building', building: 'C栋 人才公寓' })).toBe('因为就在您所在的C栋 人才公寓');
    const e = i18next.getFixedT('en');
    expect(reasonText(e, { code: 'interest', category: 'housekeeping' })).toBe('because you asked for housekeeping');
    expect(reasonText(e, { code: 'household', household: 'elderly' })).toBe('because it suits households with older people');
    expect(reasonText(e, { code: 'nearby', distance: 180 })).toBe('because it is only 180 m from the gate');
  });

  it('put opening hours in a line', () => {
    const t = i18next.getFixedT('zh-CN');
    expect(hoursText(t, [])).toBe('需预约');
    expect(hoursText(t, [{ days: [1, 2, 3, 4, 5], from: '08:30', to: '18:00' }, { days: [6, 7], from: '10:00', to: '16:00' }])).toBe('工作日 08:30–18:00 · 周六、日 10:00–16:00');
  });
});
