import { fetchUsersPage, usersKey } from '../api/users';
import { usePagedList } from './usePagedList';

export function useUsers() {
  const { query, items } = usePagedList(usersKey, fetchUsersPage);
  return { query, users: items };
}
