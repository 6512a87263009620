import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { classifierJobKey, fetchRunJob } from '../api/classifiers';

const DONE = new Set(['completed', 'failed', 'cancelled']);

/** Polls a classifier run until it ends; then every record list of the entity is stale. */
export function useRunJob(app: string, entity: string, id: string | null) {
  const queryClient = useQueryClient();
  const job = useQuery({
    queryKey: classifierJobKey(id ?? ''),
    queryFn: () => fetchRunJob(id ?? ''),
    enabled: id !== null,
    refetchInterval: (query) =>
      query.state.data && DONE.has(query.state.data.status) ? false : 1000,
    staleTime: 0,
  });
  const finished = job.data?.status === 'completed';
  useEffect(() => {
    if (!finished) return;
    void queryClient.invalidateQueries({
      predicate: ({ queryKey }) =>
        queryKey[0] === 'apps' &&
        queryKey[1] === app &&
        queryKey[2] === 'entities' &&
        queryKey[3] === entity &&
        queryKey.includes('records'),
    });
  }, [finished, queryClient, app, entity]);
  return job;
}
