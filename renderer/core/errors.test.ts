import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { ContractError } from './contract';
import { describeError } from './errors';

const translator = async (language: 'zh-CN' | 'en') => {
  const instance = i18next.createInstance();
  await instance.init({ lng: language, resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, interpolation: { escapeValue: false } });
  return instance.t;
};

describe('describeError', () => {
  it('names the device out of reach and its status, and says to send someone', async () => {
    const refusal = (status: string) => new ContractError('device_offline', `1号楼东门 is ${status}: the command cannot reach it; send someone instead`);
    const zh = await translator('zh-CN');
    expect(describeError(zh, refusal('offline'))).toBe('1号楼东门 离线，指令无法送达，请派人现场处置');
    expect(describeError(zh, refusal('fault'))).toBe('1号楼东门 故障，指令无法送达，请派人现场处置');
    const english = await translator('en');
    expect(describeError(english, refusal('unknown'))).toBe('1号楼东门 is in an unknown state: the command cannot reach it; send someone to the site');
    // A refusal in words this window does not know is still shown, in the core's words.
    expect(describeError(english, new ContractError('device_offline', 'gone'))).toBe('Not available: gone');
  });
});
