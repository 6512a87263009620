import type { Page } from '@formwork/definitions';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';

/** A keyset-paged list: the pages fetched so far, flattened, and a way to fetch the next one. */
export function usePagedList<T>(
  queryKey: readonly unknown[],
  fetchPage: (cursor: string | null) => Promise<Page<T>>,
) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  return { query, items };
}
