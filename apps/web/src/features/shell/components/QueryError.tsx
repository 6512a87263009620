import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../lib/problemText';

interface QueryErrorProps {
  title: string;
  error: unknown;
  onRetry?: () => void;
  testId?: string;
}

/** A failed load, with the server's explanation and a retry button. */
export function QueryError({ title, error, onRetry, testId }: QueryErrorProps) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={problemText(error, t)}
      action={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
      className="fw-block"
      data-testid={testId}
    />
  );
}
