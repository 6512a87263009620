import type { Entity } from '@formwork/definitions';

/** The `expand` parameter that brings relation targets and users along, to show their names. */
export function expandOf(entity: Entity | undefined): string | undefined {
  const keys = (entity?.fields ?? [])
    .filter((field) => !field.archived && (field.type === 'relation' || field.type === 'user'))
    .map((field) => field.key);
  return keys.length > 0 ? keys.join(',') : undefined;
}
