import { PublicFormPage } from './components/PublicFormPage';
import { LanguageSwitch } from './locale/LanguageSwitch';
import { LocaleProvider } from './locale/LocaleContext';

/** `/f/<share token>[?c=<customer token>]` */
function linkParts(location: Location) {
  const match = /^\/f\/([^/]+)\/?$/.exec(location.pathname);
  return {
    shareToken: match?.[1] ? decodeURIComponent(match[1]) : undefined,
    customerToken: new URLSearchParams(location.search).get('c'),
  };
}

export function PublicFormApp() {
  const { shareToken, customerToken } = linkParts(window.location);
  return (
    <LocaleProvider>
      <div className="fw-page">
        <div className="fw-topbar">
          <LanguageSwitch />
        </div>
        <main>
          <PublicFormPage shareToken={shareToken} customerToken={customerToken} />
        </main>
      </div>
    </LocaleProvider>
  );
}
