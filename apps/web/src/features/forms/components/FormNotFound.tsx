import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The 404 of a form page: the form (or its app) does not exist. */
export function FormNotFound({ app, formKey }: { app: string; formKey: string }) {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={<h1 className="fw-result-title">{t('forms.notFound', { key: formKey })}</h1>}
      extra={<Link to={`/apps/${app}`}>{t('forms.backToApp')}</Link>}
    />
  );
}
