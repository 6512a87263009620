import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../hooks/useDocumentTitle';

export function ForbiddenPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('errors.forbidden'));
  return (
    <div data-testid="forbidden">
      <Result
        status="403"
        title={<h1 className="fw-result-title">{t('errors.forbidden')}</h1>}
        subTitle={t('errors.forbiddenHint')}
        extra={<Link to="/apps">{t('errors.backHome')}</Link>}
      />
    </div>
  );
}
