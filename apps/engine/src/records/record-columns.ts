import type { Entity, Field, FieldType } from '@formwork/definitions';
import { COLUMN_TYPES } from '../entities/column-types.js';
import { quoteIdentifier } from '../entities/physical-names.js';

/** A column a query may read, filter or sort on: an active field, or a system column. */
export interface QueryableColumn {
  key: string;
  type: FieldType;
  /** For relations: the target entity. */
  target?: string;
  field?: Field;
}

const SYSTEM_COLUMNS: QueryableColumn[] = [
  { key: 'id', type: 'relation' },
  { key: 'version', type: 'integer' },
  { key: 'created_at', type: 'datetime' },
  { key: 'updated_at', type: 'datetime' },
  { key: 'created_by', type: 'user' },
  { key: 'owner_id', type: 'user' },
];

export function queryableColumns(entity: Entity): Map<string, QueryableColumn> {
  const columns = new Map(SYSTEM_COLUMNS.map((column) => [column.key, column]));
  for (const field of entity.fields)
    columns.set(field.key, { key: field.key, type: field.type, target: field.target, field });
  return columns;
}

/** The list of columns a record is read with, in order (archived columns and deleted_at stay hidden). */
export function selectList(entity: Entity, alias = 't'): string {
  return [
    'id',
    'version',
    'created_at',
    'updated_at',
    'created_by',
    'owner_id',
    ...entity.fields.map((field) => field.key),
  ]
    .map((key) => `${alias}.${quoteIdentifier(key)}`)
    .join(', ');
}

export const castOf = (type: FieldType) =>
  type === 'relation' || type === 'user' ? 'uuid' : COLUMN_TYPES[type];

/** A value as a SQL parameter: multiselect arrays go in as JSON text. */
export function toParameter(type: FieldType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  return type === 'multiselect' ? JSON.stringify(value) : value;
}

/** A row as the API returns it: timestamps in UTC RFC 3339. */
export function toApiRecord(row: Record<string, unknown>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row))
    record[key] = value instanceof Date ? value.toISOString() : value;
  return record;
}
