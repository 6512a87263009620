import type { Page, UserDetail } from '@formwork/definitions';
import type { InfiniteData } from '@tanstack/react-query';

type UserPages = InfiniteData<Page<UserDetail>, string | null>;

/** Puts an updated user in place in the pages already loaded, keeping the user's position. */
export function replaceUser(
  data: UserPages | undefined,
  updated: UserDetail,
): UserPages | undefined {
  if (!data) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.map((user) => (user.id === updated.id ? updated : user)),
    })),
  };
}
