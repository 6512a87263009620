import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  fetchHistory,
  fetchRecord,
  fetchRecordsPage,
  recordKey,
  recordsKey,
  type ListQuery,
} from '../api/records';

/** One keyset-paged list of records: the pages loaded so far, flattened. */
export function useRecordList(
  app: string,
  entity: string,
  query: ListQuery & { limit?: number },
  enabled = true,
) {
  const list = useInfiniteQuery({
    queryKey: [...recordsKey(app, entity), 'list', query],
    queryFn: ({ pageParam }) => fetchRecordsPage(app, entity, query, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
  const records = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  return { list, records };
}

export function useRecord(app: string, entity: string, id: string | null, expand?: string) {
  return useQuery({
    queryKey: [...recordKey(app, entity, id ?? ''), expand ?? ''],
    queryFn: () => fetchRecord(app, entity, id ?? '', expand),
    enabled: id !== null,
  });
}

export function useRecordHistory(app: string, entity: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...recordKey(app, entity, id), 'history'],
    queryFn: () => fetchHistory(app, entity, id),
    enabled,
  });
}
