import type { CreateUserInput, Page, UpdateUserInput, UserDetail } from '@formwork/definitions';
import { client } from '../../../lib/client';

export const usersKey = ['admin', 'users'] as const;

export function fetchUsersPage(cursor: string | null): Promise<Page<UserDetail>> {
  return client.users.list(cursor ? { cursor } : {});
}

export function createUser(input: CreateUserInput): Promise<UserDetail> {
  return client.users.create(input);
}

export function updateUser({
  id,
  input,
}: {
  id: string;
  input: UpdateUserInput;
}): Promise<UserDetail> {
  return client.users.update(id, input);
}
