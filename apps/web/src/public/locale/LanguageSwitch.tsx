import { useLocale } from './LocaleContext';
import { LOCALE_NAMES, LOCALES } from './messages';

/** Two buttons rather than a select: one tap, and each names its language in that language. */
export function LanguageSwitch() {
  const { locale, messages, setLocale } = useLocale();
  return (
    <div className="fw-language" role="group" aria-label={messages.language}>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === locale}
          onClick={() => setLocale(option)}
        >
          {LOCALE_NAMES[option]}
        </button>
      ))}
    </div>
  );
}
