import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { PageLoading } from '../../shell/components/PageLoading';
import { SessionUserContext } from '../hooks/sessionUserContext';
import { useCurrentUser } from '../hooks/useCurrentUser';

/** Renders its child routes for a signed-in user; sends everyone else to /login and back. */
export function RequireAuth() {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: user, isError, isFetching, refetch } = useCurrentUser();

  if (user === undefined) {
    if (!isError) return <PageLoading fullPage />;
    return (
      <Result
        status="warning"
        title={<h1 className="fw-result-title">{t('auth.sessionCheckFailed')}</h1>}
        subTitle={t('auth.sessionCheckFailedDetail')}
        extra={
          <Button type="primary" loading={isFetching} onClick={() => void refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (user === null) return <Navigate to="/login" replace state={{ from: location }} />;
  return (
    <SessionUserContext value={user}>
      <Outlet />
    </SessionUserContext>
  );
}
