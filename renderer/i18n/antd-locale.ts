import type { ConfigProviderProps } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { Language } from './index';

export function antdLocale(language: Language): ConfigProviderProps['locale'] {
  return language === 'zh-CN' ? zhCN : enUS;
}
