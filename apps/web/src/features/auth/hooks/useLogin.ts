import type { LoginInput } from '@formwork/definitions';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '../../../lib/client';
import { currentUserKey } from '../api/currentUser';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => client.auth.login(input),
    onSuccess: ({ user }) => {
      // Nothing cached for a previous user may leak into this session. The current-user query
      // itself is kept (pages observe it) and overwritten instead.
      queryClient.removeQueries({
        predicate: (query) => query.queryHash !== JSON.stringify(currentUserKey),
      });
      queryClient.setQueryData(currentUserKey, user);
    },
  });
}
