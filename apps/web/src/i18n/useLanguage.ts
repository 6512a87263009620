import { useTranslation } from 'react-i18next';
import { storeLanguage, toLanguage, type Language } from './languages';

export function useLanguage(): [Language, (language: Language) => void] {
  const { i18n } = useTranslation();
  const setLanguage = (language: Language): void => {
    storeLanguage(language);
    void i18n.changeLanguage(language);
  };
  return [toLanguage(i18n.resolvedLanguage ?? i18n.language), setLanguage];
}
