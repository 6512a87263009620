import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../hooks/useDocumentTitle';

/** `fullPage` when rendered outside the app shell (unknown top-level address). */
export function NotFoundPage({ fullPage = false }: { fullPage?: boolean }) {
  const { t } = useTranslation();
  useDocumentTitle(t('errors.notFound'));
  const result = (
    <Result
      status="404"
      title={<h1 className="fw-result-title">{t('errors.notFound')}</h1>}
      subTitle={t('errors.notFoundHint')}
      extra={<Link to="/apps">{t('errors.backHome')}</Link>}
    />
  );
  return (
    <div data-testid="not-found" className={fullPage ? 'fw-full-page' : undefined}>
      {fullPage ? <main>{result}</main> : result}
    </div>
  );
}
