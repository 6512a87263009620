import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Shown when a page fails to render or its code fails to load (e.g. after a deploy).
 * Kept light: it is part of the first load.
 */
export function RouteErrorPage() {
  const { t } = useTranslation();
  return (
    <main className="fw-full-page" data-testid="route-error">
      <div className="fw-error-box" role="alert">
        <h1 className="fw-result-title">{t('errors.crashTitle')}</h1>
        <p>{t('errors.crashHint')}</p>
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </Button>
      </div>
    </main>
  );
}
