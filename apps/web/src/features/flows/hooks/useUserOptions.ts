import { useQuery } from '@tanstack/react-query';
import { fetchUsersPage, usersKey } from '../../admin/api/users';
import { useSessionUser } from '../../auth/hooks/useSessionUser';

/** Users to pick as an assignee: only admins may list users, others type a user id. */
export function useUserOptions() {
  const { roles } = useSessionUser();
  const isAdmin = roles.includes('admin');
  const users = useQuery({
    queryKey: [...usersKey, 'first-page'],
    queryFn: () => fetchUsersPage(null),
    enabled: isAdmin,
  });
  const options = users.data?.items.map((user) => ({
    value: user.id,
    label: `${user.name} (${user.email})`,
  }));
  return isAdmin && !users.isError ? (options ?? []) : null;
}
