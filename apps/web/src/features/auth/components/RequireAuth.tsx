import { Navigate, Outlet, useLocation } from 'react-router';
import { lazyPage } from '../../../lazyPage';
import { PageLoading } from '../../shell/components/PageLoading';
import { SessionUserContext } from '../hooks/sessionUserContext';
import { useCurrentUser } from '../hooks/useCurrentUser';

const SessionCheckFailed = lazyPage(() => import('./SessionCheckFailed'), 'SessionCheckFailed');

/** Renders its child routes for a signed-in user; sends everyone else to /login and back. */
export function RequireAuth() {
  const location = useLocation();
  const { data: user, isError, isFetching, refetch } = useCurrentUser();

  if (user === undefined) {
    if (!isError) return <PageLoading fullPage />;
    return <SessionCheckFailed retrying={isFetching} onRetry={() => void refetch()} />;
  }
  if (user === null) return <Navigate to="/login" replace state={{ from: location }} />;
  return (
    <SessionUserContext value={user}>
      <Outlet />
    </SessionUserContext>
  );
}
