import { useQuery } from '@tanstack/react-query';
import { entitiesKey, entityKey, fetchEntities, fetchEntity } from '../api/entities';

export function useEntities(app: string, enabled = true) {
  return useQuery({
    queryKey: entitiesKey(app),
    queryFn: () => fetchEntities(app),
    enabled,
  });
}

export function useEntity(app: string, entity: string | undefined) {
  return useQuery({
    queryKey: [...entityKey(app, entity ?? ''), 'detail'],
    queryFn: () => fetchEntity(app, entity ?? ''),
    enabled: entity !== undefined,
  });
}
