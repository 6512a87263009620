import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

interface SessionCheckFailedProps {
  retrying: boolean;
  onRetry: () => void;
}

/** The engine could not say who is signed in (down, unreachable, 5xx). */
export function SessionCheckFailed({ retrying, onRetry }: SessionCheckFailedProps) {
  const { t } = useTranslation();
  return (
    <main className="fw-full-page" data-testid="session-check-failed">
      <Result
        status="warning"
        title={<h1 className="fw-result-title">{t('auth.sessionCheckFailed')}</h1>}
        subTitle={t('auth.sessionCheckFailedDetail')}
        extra={
          <Button type="primary" loading={retrying} onClick={onRetry}>
            {t('common.retry')}
          </Button>
        }
      />
    </main>
  );
}
