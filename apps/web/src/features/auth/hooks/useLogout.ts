import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '../../../lib/client';
import { currentUserKey } from '../api/currentUser';

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.auth.logout(),
    // Signed out locally even when the server could not be told.
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(currentUserKey, null);
    },
  });
}
