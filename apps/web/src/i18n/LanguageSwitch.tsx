import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_LABELS, LANGUAGES, type Language } from './languages';
import { useLanguage } from './useLanguage';

const OPTIONS = LANGUAGES.map((value) => ({
  value,
  label: <span lang={value}>{LANGUAGE_LABELS[value]}</span>,
}));

export function LanguageSwitch({ size }: { size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  return (
    <Segmented<Language>
      data-testid="lang-switch"
      aria-label={t('language.label')}
      size={size}
      options={OPTIONS}
      value={language}
      onChange={setLanguage}
    />
  );
}
