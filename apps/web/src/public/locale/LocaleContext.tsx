import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { localeFor, MESSAGES, type Locale, type Messages } from './messages';

const STORAGE_KEY = 'formwork.publicForm.locale';

interface LocaleState {
  locale: Locale;
  messages: Messages;
  setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleState | undefined>(undefined);

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'zh-CN') return saved;
  } catch {
    // Storage can be blocked (private mode, embedded views): fall back to the browser's language.
  }
  return localeFor(navigator.language);
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState(initialLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = (next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembering the choice is fine.
    }
  };

  return (
    <LocaleContext.Provider value={{ locale, messages: MESSAGES[locale], setLocale }}>
      {children}
    </LocaleContext.Provider>
  );
}

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useLocale needs a LocaleProvider');
  return state;
}
