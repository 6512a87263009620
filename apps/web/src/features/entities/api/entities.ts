import type { Entity, EntityChangePlan, EntityInput } from '@formwork/definitions';
import { client } from '../../../lib/client';
import { appKey } from '../../apps/api/apps';

export const entitiesKey = (app: string) => [...appKey(app), 'entity-list'] as const;
/** Every query about one entity and its records sits under this key. */
export const entityKey = (app: string, entity: string) =>
  [...appKey(app), 'entities', entity] as const;

export async function fetchEntities(app: string): Promise<Entity[]> {
  return (await client.entities.list(app)).items;
}

export function fetchEntity(app: string, entity: string): Promise<Entity> {
  return client.entities.get(app, entity);
}

export function planEntityChange(app: string, definition: EntityInput): Promise<EntityChangePlan> {
  return client.entities.plan(app, definition);
}

export function putEntity(
  app: string,
  definition: EntityInput,
  expectedVersion: number | undefined,
): Promise<Entity> {
  return client.entities.put(app, definition, { expectedVersion });
}

export function deleteEntity(app: string, entity: string): Promise<void> {
  return client.entities.delete(app, entity);
}
