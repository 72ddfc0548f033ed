import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { create } from 'zustand';
import { en } from './en';
import { zhCN, type Messages } from './zh-CN';

declare module 'i18next' {
  // Declaration merging needs an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'vigil.language';

function storedLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return LANGUAGES.find((language) => language === stored) ?? 'zh-CN';
}

function applyLanguage(language: Language): void {
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = language;
}

const initial = storedLanguage();
applyLanguage(initial);
// Resources are bundled, so initialisation completes synchronously.
void i18next.use(initReactI18next).init({
  lng: initial,
  fallbackLng: 'zh-CN',
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

type LanguageState = { language: Language; setLanguage(language: Language): void };

/** The UI language: remembered per browser, followed by i18next, antd and dayjs. */
export const useLanguage = create<LanguageState>((set) => ({
  language: initial,
  setLanguage(language) {
    localStorage.setItem(STORAGE_KEY, language);
    applyLanguage(language);
    void i18next.changeLanguage(language);
    set({ language });
  },
}));

export { i18next };
