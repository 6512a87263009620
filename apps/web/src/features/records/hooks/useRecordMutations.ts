import type { RecordValues } from '@formwork/definitions';
import { useMutation, useQueryClient, type Query } from '@tanstack/react-query';
import { createRecord, deleteRecord, restoreRecord, updateRecord } from '../api/records';

/**
 * A write may show in any record query of the app (relations, "records pointing here");
 * `listsOnly` leaves single records alone (a deleted one would only answer 404).
 */
function useInvalidateRecords(app: string, listsOnly = false) {
  const queryClient = useQueryClient();
  const predicate = ({ queryKey }: Query) =>
    queryKey[0] === 'apps' &&
    queryKey[1] === app &&
    queryKey.includes('records') &&
    (!listsOnly || queryKey.includes('list'));
  return () => queryClient.invalidateQueries({ predicate });
}

export function useCreateRecord(app: string, entity: string) {
  const invalidate = useInvalidateRecords(app);
  return useMutation({
    mutationFn: (values: RecordValues) => createRecord(app, entity, values),
    onSuccess: invalidate,
  });
}

export function useUpdateRecord(app: string, entity: string) {
  const invalidate = useInvalidateRecords(app);
  return useMutation({
    mutationFn: (input: { id: string; values: RecordValues; expectedVersion: number }) =>
      updateRecord(app, entity, input.id, input.values, input.expectedVersion),
    onSuccess: invalidate,
  });
}

export function useDeleteRecord(app: string, entity: string) {
  const invalidate = useInvalidateRecords(app, true);
  return useMutation({
    mutationFn: (id: string) => deleteRecord(app, entity, id),
    onSuccess: invalidate,
  });
}

export function useRestoreRecord(app: string, entity: string) {
  const invalidate = useInvalidateRecords(app);
  return useMutation({
    mutationFn: (id: string) => restoreRecord(app, entity, id),
    onSuccess: invalidate,
  });
}
