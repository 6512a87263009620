import { useMutation, useQueryClient } from '@tanstack/react-query';
import { auditKey } from '../api/audit';
import { createUser, usersKey } from '../api/users';

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: usersKey }),
        queryClient.invalidateQueries({ queryKey: auditKey }),
      ]),
  });
}
