import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/apiErrors';

interface ListErrorProps {
  title: string;
  error: unknown;
  onRetry: () => void;
}

export function ListError({ title, error, onRetry }: ListErrorProps) {
  const { t } = useTranslation();
  const detail = isApiError(error)
    ? error.problem.detail || error.problem.title
    : t('errors.network');
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={detail}
      action={<Button onClick={onRetry}>{t('common.retry')}</Button>}
      className="fw-block"
    />
  );
}
