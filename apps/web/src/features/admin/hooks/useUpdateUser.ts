import { useMutation, useQueryClient } from '@tanstack/react-query';
import { currentUserKey } from '../../auth/api/currentUser';
import { useSessionUser } from '../../auth/hooks/useSessionUser';
import { auditKey } from '../api/audit';
import { updateUser, usersKey } from '../api/users';
import { replaceUser } from '../utils/replaceUser';

export function useUpdateUser() {
  const queryClient = useQueryClient();
  const me = useSessionUser();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: async (updated) => {
      queryClient.setQueryData(usersKey, (data: Parameters<typeof replaceUser>[0]) =>
        replaceUser(data, updated),
      );
      await queryClient.invalidateQueries({ queryKey: auditKey });
      // Changing one's own roles changes what the app shows (e.g. the Admin entry).
      if (updated.id === me.id) await queryClient.invalidateQueries({ queryKey: currentUserKey });
    },
  });
}
