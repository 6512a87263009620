import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shown when a page fails to render or its code fails to load (e.g. after a deploy). */
export function RouteErrorPage() {
  const { t } = useTranslation();
  return (
    <main className="fw-full-page" data-testid="route-error">
      <Result
        status="error"
        title={<h1 className="fw-result-title">{t('errors.crashTitle')}</h1>}
        subTitle={t('errors.crashHint')}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {t('errors.reload')}
          </Button>
        }
      />
    </main>
  );
}
