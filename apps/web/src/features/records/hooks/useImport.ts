import type { ImportResult } from '@formwork/definitions';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { fetchJob, importRecords, jobKey } from '../api/records';

const DONE = new Set(['completed', 'failed', 'cancelled']);

export function useImportRecords(app: string, entity: string) {
  return useMutation({
    mutationFn: (input: { file: File; mapping: Record<string, string> | undefined }) =>
      importRecords(app, entity, input.file, input.mapping),
  });
}

/** Polls a background job (a large import) until it ends. */
export function useJob(id: string | null) {
  return useQuery({
    queryKey: jobKey(id ?? ''),
    queryFn: () => fetchJob<ImportResult>(id ?? ''),
    enabled: id !== null,
    refetchInterval: (query) =>
      query.state.data && DONE.has(query.state.data.status) ? false : 1000,
    staleTime: 0,
  });
}

/** After an import, every list of the app may have new rows. Stable across renders. */
export function useRefreshAfterImport(app: string) {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      queryClient.invalidateQueries({
        predicate: ({ queryKey }) =>
          queryKey[0] === 'apps' && queryKey[1] === app && queryKey.includes('records'),
      }),
    [queryClient, app],
  );
}
