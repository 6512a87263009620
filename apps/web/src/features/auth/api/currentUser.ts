import type { User } from '@formwork/definitions';
import { hasStatus } from '../../../lib/apiErrors';
import { client } from '../../../lib/client';

export const currentUserKey = ['auth', 'me'] as const;

/** The signed-in user, or null when there is no session (401). */
export async function fetchCurrentUser(): Promise<User | null> {
  try {
    return await client.auth.me();
  } catch (error) {
    if (hasStatus(error, 401)) return null;
    throw error;
  }
}
