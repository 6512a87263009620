import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { currentUserKey } from '../features/auth/api/currentUser';
import { hasStatus, isApiError } from './apiErrors';

/** A 401 anywhere means the session ended: forget the user, the route guard sends them to /login. */
function onApiError(error: unknown): void {
  if (hasStatus(error, 401)) queryClient.setQueryData(currentUserKey, null);
}

function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status < 500) return false;
  return failureCount < 2;
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});
