import type { Filter, FilterCondition } from '@formwork/definitions';
import { FILTER_LIMITS, isCondition } from '@formwork/definitions';
import {
  CAST_OF,
  columnAs,
  kindOfField,
  type SqlEntityInfo,
  type SqlKind,
  type SqlParameters,
} from './sql-schema.js';

export interface SqlError {
  path: string;
  message: string;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** A filter value as the text PostgreSQL reads for the column's kind; undefined when it is not one. */
export function valueText(kind: SqlKind, value: unknown): string | undefined {
  switch (kind) {
    case 'numeric':
    case 'float':
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())
        ? value.trim()
        : undefined;
    case 'text':
      return typeof value === 'string' ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? String(value) : undefined;
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
    case 'timestamptz':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : undefined;
  }
}

/**
 * An aggregate's `where`, over the related table aliased `alias`, with the operators and meaning
 * of the records API (`ne` keeps nulls, `contains`/`starts` ignore case). Relation paths are not
 * followed here. Problems go to `errors`; the returned SQL is then not to be run.
 */
export function compileFilterToSql(
  filter: Filter,
  entity: SqlEntityInfo,
  alias: string,
  parameters: SqlParameters,
  path: string,
  errors: SqlError[],
  depth = 0,
): string {
  if (depth > FILTER_LIMITS.depth) {
    errors.push({ path, message: `nests deeper than ${FILTER_LIMITS.depth} levels` });
    return 'false';
  }
  const nested = (part: Filter, at: string) =>
    compileFilterToSql(part, entity, alias, parameters, at, errors, depth + 1);
  if (isCondition(filter)) return condition(filter, entity, alias, parameters, path, errors);
  if ('and' in filter)
    return `(${filter.and.map((part, index) => nested(part, `${path}/and/${index}`)).join(' AND ')})`;
  if ('or' in filter)
    return `(${filter.or.map((part, index) => nested(part, `${path}/or/${index}`)).join(' OR ')})`;
  return `NOT COALESCE(${nested(filter.not, `${path}/not`)}, false)`;
}

function condition(
  filter: FilterCondition,
  entity: SqlEntityInfo,
  alias: string,
  parameters: SqlParameters,
  path: string,
  errors: SqlError[],
): string {
  const field = entity.fields[filter.field];
  const kind = field ? kindOfField(field.type) : undefined;
  if (!field || !kind) {
    errors.push({
      path: `${path}/field`,
      message: field
        ? `${filter.field} cannot be filtered here`
        : `there is no field ${filter.field}`,
    });
    return 'false';
  }
  const sql = columnAs(alias, field);
  const cast = CAST_OF[kind];
  const value = (raw: unknown, at = `${path}/value`) => {
    const text = valueText(kind, raw);
    if (text === undefined) errors.push({ path: at, message: `must be a ${kind} value` });
    return parameters.add(text ?? null, cast);
  };
  const list = () => {
    const raw = filter.value;
    if (!Array.isArray(raw) || raw.length > 1000) {
      errors.push({ path: `${path}/value`, message: 'must be a list of values (at most 1000)' });
      return parameters.add([], `${cast}[]`);
    }
    return parameters.add(
      raw.map((item, index) => {
        const text = valueText(kind, item);
        if (text === undefined)
          errors.push({ path: `${path}/value/${index}`, message: `must be a ${kind} value` });
        return text ?? null;
      }),
      `${cast}[]`,
    );
  };
  const pattern = (wrap: (text: string) => string) => {
    if (kind !== 'text') {
      errors.push({ path: `${path}/op`, message: `${filter.op} applies to text fields only` });
      return parameters.add('');
    }
    if (typeof filter.value !== 'string') {
      errors.push({ path: `${path}/value`, message: 'must be text' });
      return parameters.add('');
    }
    return parameters.add(wrap(escapeLike(filter.value)), 'text');
  };
  const ordered = (op: string) =>
    kind === 'text'
      ? `${sql} COLLATE "C" ${op} ${value(filter.value)}`
      : `${sql} ${op} ${value(filter.value)}`;
  switch (filter.op) {
    case 'eq':
      return `${sql} = ${value(filter.value)}`;
    case 'ne':
      return `${sql} IS DISTINCT FROM ${value(filter.value)}`;
    case 'lt':
      return ordered('<');
    case 'lte':
      return ordered('<=');
    case 'gt':
      return ordered('>');
    case 'gte':
      return ordered('>=');
    case 'in':
      return `${sql} = ANY(${list()})`;
    case 'nin':
      return `NOT COALESCE(${sql} = ANY(${list()}), false)`;
    case 'contains':
      return `${sql} ILIKE ${pattern((text) => `%${text}%`)}`;
    case 'starts':
      return `${sql} ILIKE ${pattern((text) => `${text}%`)}`;
    case 'between': {
      if (!Array.isArray(filter.value) || filter.value.length !== 2) {
        errors.push({ path: `${path}/value`, message: 'must be [low, high]' });
        return 'false';
      }
      const [low, high] = filter.value as unknown[];
      return `${sql} BETWEEN ${value(low, `${path}/value/0`)} AND ${value(high, `${path}/value/1`)}`;
    }
    case 'is_null':
      if (typeof filter.value !== 'boolean') {
        errors.push({ path: `${path}/value`, message: 'must be true or false' });
        return 'false';
      }
      return filter.value ? `${sql} IS NULL` : `${sql} IS NOT NULL`;
  }
}
