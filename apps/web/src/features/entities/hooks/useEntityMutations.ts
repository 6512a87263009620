import type { EntityInput } from '@formwork/definitions';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { appKey } from '../../apps/api/apps';
import { deleteEntity, entitiesKey, entityKey, planEntityChange, putEntity } from '../api/entities';

export function usePlanEntityChange(app: string) {
  return useMutation({
    mutationFn: (definition: EntityInput) => planEntityChange(app, definition),
  });
}

export function usePutEntity(app: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { definition: EntityInput; expectedVersion: number | undefined }) =>
      putEntity(app, input.definition, input.expectedVersion),
    onSuccess: async (saved) => {
      queryClient.setQueryData([...entityKey(app, saved.key), 'detail'], saved);
      // Other entities' relations and every grid of the app may show this entity's fields.
      await queryClient.invalidateQueries({ queryKey: appKey(app) });
    },
  });
}

export function useDeleteEntity(app: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entity: string) => deleteEntity(app, entity),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: entitiesKey(app) }),
  });
}
