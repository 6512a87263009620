import type { Entity, Field } from '@formwork/definitions';
import type { EntityManager } from 'typeorm';
import { badRequest } from '../common/problem.js';
import { tableOf } from '../entities/physical-names.js';
import { selectList, toApiRecord } from './record-columns.js';

/** The relation and user fields named by `?expand=a,b`; anything else answers 400. */
export function expandableFields(entity: Entity, expand: string | undefined): Field[] {
  if (!expand) return [];
  const keys = [
    ...new Set(
      expand
        .split(',')
        .map((key) => key.trim())
        .filter(Boolean),
    ),
  ];
  return keys.map((key) => {
    if (key === 'created_by' || key === 'owner_id')
      return { key, name: key, type: 'user' } satisfies Field;
    const field = entity.fields.find((candidate) => candidate.key === key);
    if (!field || (field.type !== 'relation' && field.type !== 'user')) {
      throw badRequest(`Only relation and user fields can be expanded; ${key} is not one.`, [
        { path: '/expand', message: `${key} is not a relation or user field` },
      ]);
    }
    return field;
  });
}

async function loadTargets(
  manager: EntityManager,
  app: string,
  field: Field,
  related: ReadonlyMap<string, Entity>,
  ids: string[],
): Promise<Map<string, unknown>> {
  if (field.type === 'user') {
    const users: { id: string; name: string; email: string }[] = await manager.query(
      `SELECT id, name, email FROM formwork.users WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(users.map((user) => [user.id, user]));
  }
  const target = related.get(field.target!);
  if (!target) return new Map();
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT ${selectList(target)} FROM ${tableOf(app, target.key)} t WHERE t.id = ANY($1::uuid[]) AND t.deleted_at IS NULL`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id as string, toApiRecord(row)]));
}

/** Replaces each expanded field's id with the target object (null when it is gone), one query per field. */
export async function expandRelations(
  manager: EntityManager,
  app: string,
  fields: Field[],
  related: ReadonlyMap<string, Entity>,
  records: Record<string, unknown>[],
): Promise<void> {
  for (const field of fields) {
    const ids = [
      ...new Set(
        records
          .map((record) => record[field.key])
          .filter((id): id is string => typeof id === 'string'),
      ),
    ];
    if (ids.length === 0) continue;
    const targets = await loadTargets(manager, app, field, related, ids);
    for (const record of records) {
      const id = record[field.key];
      if (typeof id === 'string') record[field.key] = targets.get(id) ?? null;
    }
  }
}
