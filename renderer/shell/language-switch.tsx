import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage, type Language } from '../i18n';

const OPTIONS: { value: Language; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage((state) => state.language);
  const setLanguage = useLanguage((state) => state.setLanguage);
  return (
    <Segmented
      size="small"
      aria-label={t('shell.language')}
      data-testid="language-switch"
      options={OPTIONS}
      value={language}
      onChange={(value) => setLanguage(value)}
    />
  );
}
