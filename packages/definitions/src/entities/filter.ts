import { z } from 'zod';
import { FILTER_OPERATORS, type FilterOperator } from './field-types.js';

export interface FilterCondition {
  field: string;
  op: FilterOperator;
  value?: unknown;
}
export type Filter = FilterCondition | { and: Filter[] } | { or: Filter[] } | { not: Filter };

export const FILTER_LIMITS = { depth: 8, conditions: 100 } as const;

const conditionSchema = z.strictObject({
  field: z
    .string()
    .regex(
      /^[a-z][a-z0-9_]{0,39}(\.[a-z][a-z0-9_]{0,39}){0,3}$/,
      'must be a field key or a relation path such as customer.city',
    ),
  op: z.enum(FILTER_OPERATORS, { error: `must be one of ${FILTER_OPERATORS.join(', ')}` }),
  value: z.unknown().optional(),
});

export const filterSchema: z.ZodType<Filter> = z.lazy(() =>
  z.union(
    [
      conditionSchema,
      z.strictObject({ and: z.array(filterSchema).min(1, 'must hold at least one filter') }),
      z.strictObject({ or: z.array(filterSchema).min(1, 'must hold at least one filter') }),
      z.strictObject({ not: filterSchema }),
    ],
    { error: 'must be a condition {field, op, value} or {and: [...]}, {or: [...]}, {not: ...}' },
  ),
);

export const isCondition = (filter: Filter): filter is FilterCondition => 'field' in filter;

/** One sort key: a field key, `-` first for descending. */
export interface SortKey {
  field: string;
  descending: boolean;
}

export function parseSort(text: string): SortKey[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => ({ field: part.replace(/^-/, ''), descending: part.startsWith('-') }));
}

export interface RecordListQuery {
  filter?: Filter;
  sort?: string;
  limit?: number;
  cursor?: string;
  search?: string;
  expand?: string;
}

export type RecordValues = Record<string, unknown>;

/** A record as the API returns it: system fields plus the entity's fields. */
export interface EntityRecord extends RecordValues {
  id: string;
  version: number;
  created_at: string;
  updated_at: string;
  created_by: string | null;
  owner_id: string | null;
}

export interface RecordHistoryEntry {
  at: string;
  by: string | null;
  action: 'create' | 'update' | 'delete' | 'restore' | 'import';
  before: RecordValues | null;
  after: RecordValues | null;
}

export interface ImportResult {
  created: number;
  updated: number;
  failed: { row: number; errors: { path: string; message: string }[] }[];
}
