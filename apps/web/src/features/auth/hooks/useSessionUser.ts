import type { Role, User } from '@formwork/definitions';
import { useContext } from 'react';
import { SessionUserContext } from './sessionUserContext';

/** The signed-in user; only for components rendered behind RequireAuth. */
export function useSessionUser(): User {
  const user = useContext(SessionUserContext);
  if (!user) throw new Error('useSessionUser must be used behind RequireAuth');
  return user;
}

export function useHasRole(role: Role): boolean {
  return useSessionUser().roles.includes(role);
}
