import { useQuery } from '@tanstack/react-query';
import { currentUserKey, fetchCurrentUser } from '../api/currentUser';

export function useCurrentUser() {
  return useQuery({
    queryKey: currentUserKey,
    queryFn: fetchCurrentUser,
    staleTime: 5 * 60_000,
  });
}
