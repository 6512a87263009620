import { createHash } from 'node:crypto';
import {
  FILTER_LIMITS,
  isCondition,
  OPERATORS_BY_TYPE,
  parseSort,
  valueSchemaFor,
  type Entity,
  type Field,
  type FieldError,
  type Filter,
  type FilterCondition,
} from '@formwork/definitions';
import { badRequest } from '../common/problem.js';
import { quoteIdentifier, tableOf } from '../entities/physical-names.js';
import { castOf, queryableColumns, selectList, type QueryableColumn } from './record-columns.js';

export interface RecordQueryInput {
  filter?: Filter;
  sort?: string;
  search?: string;
  limit: number;
  cursor?: string;
}

export interface CompiledQuery {
  text: string;
  values: unknown[];
  sortKeys: { key: string; descending: boolean }[];
  scope: string;
}

interface Resolved {
  sql: string;
  column: QueryableColumn;
}

const TEXT_SEARCH_TYPES = new Set(['text', 'longtext', 'email', 'phone', 'url', 'select']);
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * Compiles a records query (filter tree, sort, search, keyset cursor) into one parameterised
 * statement. Identifiers come only from entity metadata; every value is a parameter.
 */
export class RecordQueryCompiler {
  private readonly values: unknown[] = [];
  private readonly joins: string[] = [];
  private readonly joinAliases = new Map<string, string>();
  private conditionCount = 0;

  constructor(
    private readonly app: string,
    private readonly entity: Entity,
    private readonly entities: ReadonlyMap<string, Entity>,
  ) {}

  compile(input: RecordQueryInput): CompiledQuery {
    const where = ['t.deleted_at IS NULL'];
    if (input.filter) where.push(this.filter(input.filter, '/filter', 0));
    if (input.search) where.push(this.search(input.search));
    const sortKeys = this.sortKeys(input.sort);
    const scope = createHash('sha256')
      .update(JSON.stringify([input.filter ?? null, sortKeys, input.search ?? null]))
      .digest('base64url')
      .slice(0, 12);
    const orderBy = [
      ...sortKeys.map(
        (key) => `t.${quoteIdentifier(key.key)} ${key.descending ? 'DESC' : 'ASC'} NULLS LAST`,
      ),
      `t.id ${this.tieBreakDescending(sortKeys) ? 'DESC' : 'ASC'}`,
    ].join(', ');
    const position = input.cursor
      ? decodeRecordCursor(input.cursor, scope, sortKeys.length)
      : undefined;
    const select = (conditions: string[]) =>
      `SELECT ${selectList(this.entity)} FROM ${tableOf(this.app, this.entity.key)} t ${this.joins.join(' ')} WHERE ${conditions.join(' AND ')} ORDER BY ${orderBy} LIMIT $LIMIT`;

    let text: string;
    const seek = position && this.seekBranches(position, sortKeys);
    if (seek?.length === 2) {
      // Non-null values after the cursor, then the nulls: each branch reads its index range in order.
      text = `SELECT * FROM ((${select([...where, seek[0]!])}) UNION ALL (${select([...where, seek[1]!])})) t ORDER BY ${orderBy} LIMIT $LIMIT`;
    } else if (seek) {
      text = select([...where, seek[0]!]);
    } else {
      text = select(position ? [...where, this.after(position, sortKeys)] : where);
    }
    this.values.push(input.limit + 1);
    return {
      text: text.replaceAll('$LIMIT', `$${this.values.length}`),
      values: this.values,
      sortKeys,
      scope,
    };
  }

  /**
   * Keyset conditions an index can seek to: a row comparison `(k…, id) < (v…, id₀)` when every
   * sort key runs one way and cannot be null; for one nullable key, that plus a branch for the
   * nulls. Undefined when the general (slower) condition is needed.
   */
  private seekBranches(
    position: CursorPosition,
    sortKeys: { key: string; descending: boolean }[],
  ): string[] | undefined {
    const columns = queryableColumns(this.entity);
    const descending = this.tieBreakDescending(sortKeys);
    if (sortKeys.some((key) => key.descending !== descending)) return undefined;
    const isNotNull = (key: string) =>
      ['id', 'version', 'created_at', 'updated_at'].includes(key) ||
      Boolean(columns.get(key)?.field?.required);
    const comparison = descending ? '<' : '>';
    const row = (keys: string[], values: unknown[]) => {
      const left = [...keys.map((key) => `t.${quoteIdentifier(key)}`), 't.id'];
      const right = [
        ...values.map((value, index) =>
          this.parameter(value, castOf(columns.get(keys[index]!)!.type)),
        ),
        this.parameter(position.id, 'uuid'),
      ];
      return `(${left.join(', ')}) ${comparison} (${right.join(', ')})`;
    };
    const keys = sortKeys.map((key) => key.key);
    if (keys.every(isNotNull)) return [row(keys, position.values)];
    if (keys.length !== 1) return undefined;
    const column = `t.${quoteIdentifier(keys[0]!)}`;
    if (position.values[0] === null)
      return [`${column} IS NULL AND t.id ${comparison} ${this.parameter(position.id, 'uuid')}`];
    return [row(keys, position.values), `${column} IS NULL`];
  }

  private parameter(value: unknown, cast?: string): string {
    this.values.push(value);
    return `$${this.values.length}${cast ? `::${cast}` : ''}`;
  }

  private columnSql(key: string): string {
    return `t.${quoteIdentifier(key)}`;
  }

  private filter(filter: Filter, path: string, depth: number): string {
    if (depth > FILTER_LIMITS.depth)
      throw badRequest(`The filter nests deeper than ${FILTER_LIMITS.depth} levels.`, [
        { path, message: 'nests too deep' },
      ]);
    if (isCondition(filter)) return this.condition(filter, path);
    if ('and' in filter)
      return `(${filter.and.map((part, index) => this.filter(part, `${path}/and/${index}`, depth + 1)).join(' AND ')})`;
    if ('or' in filter)
      return `(${filter.or.map((part, index) => this.filter(part, `${path}/or/${index}`, depth + 1)).join(' OR ')})`;
    return `NOT COALESCE(${this.filter(filter.not, `${path}/not`, depth + 1)}, false)`;
  }

  /** Resolves `city` or `customer.city` (relation paths join the target, soft-deleted excluded). */
  private resolve(path: string, errorPath: string): Resolved {
    const parts = path.split('.');
    let entity = this.entity;
    let alias = 't';
    for (const [index, part] of parts.entries()) {
      const column = queryableColumns(entity).get(part);
      if (!column)
        throw badRequest(
          `There is no field ${parts.slice(0, index + 1).join('.')} in ${this.entity.key}.`,
          [{ path: errorPath, message: `unknown field ${path}` }],
        );
      const sql = `${alias}.${quoteIdentifier(part)}`;
      if (index === parts.length - 1) return { sql, column };
      const target =
        column.type === 'relation' && column.target ? this.entities.get(column.target) : undefined;
      if (!target)
        throw badRequest(`${part} is not a relation, so ${path} cannot be followed.`, [
          { path: errorPath, message: `${part} is not a relation` },
        ]);
      alias = this.join(parts.slice(0, index + 1).join('.'), alias, part, target);
      entity = target;
    }
    throw new Error('unreachable');
  }

  private join(pathKey: string, fromAlias: string, column: string, target: Entity): string {
    const existing = this.joinAliases.get(pathKey);
    if (existing) return existing;
    const alias = `j${this.joinAliases.size + 1}`;
    this.joins.push(
      `LEFT JOIN ${tableOf(this.app, target.key)} ${alias} ON ${alias}.id = ${fromAlias}.${quoteIdentifier(column)} AND ${alias}.deleted_at IS NULL`,
    );
    this.joinAliases.set(pathKey, alias);
    return alias;
  }

  private condition(condition: FilterCondition, path: string): string {
    this.conditionCount += 1;
    if (this.conditionCount > FILTER_LIMITS.conditions)
      throw badRequest(`A filter may hold at most ${FILTER_LIMITS.conditions} conditions.`, [
        { path, message: 'too many conditions' },
      ]);
    const { sql, column } = this.resolve(condition.field, `${path}/field`);
    const allowed = OPERATORS_BY_TYPE[column.type];
    if (!allowed.includes(condition.op)) {
      throw badRequest(`The operator ${condition.op} does not apply to ${column.type} fields.`, [
        { path: `${path}/op`, message: `must be one of ${allowed.join(', ')}` },
      ]);
    }
    const value = (raw: unknown, valuePath = `${path}/value`) =>
      this.parameter(this.valueFor(column, raw, valuePath), castOf(column.type));
    switch (condition.op) {
      case 'eq':
        return column.type === 'multiselect'
          ? `${sql} = ${this.parameter(JSON.stringify(this.list(column, condition.value, path)), 'jsonb')}`
          : `${sql} = ${value(condition.value)}`;
      case 'ne':
        return `${sql} IS DISTINCT FROM ${value(condition.value)}`;
      case 'lt':
        return `${sql} < ${value(condition.value)}`;
      case 'lte':
        return `${sql} <= ${value(condition.value)}`;
      case 'gt':
        return `${sql} > ${value(condition.value)}`;
      case 'gte':
        return `${sql} >= ${value(condition.value)}`;
      case 'in':
        return `${sql} = ANY(${this.parameter(this.list(column, condition.value, path), `${castOf(column.type)}[]`)})`;
      case 'nin':
        return `NOT COALESCE(${sql} = ANY(${this.parameter(this.list(column, condition.value, path), `${castOf(column.type)}[]`)}), false)`;
      case 'contains':
        if (column.type === 'multiselect')
          return `${sql} @> ${this.parameter(JSON.stringify(this.list(column, condition.value, path, true)), 'jsonb')}`;
        return `${sql} ILIKE ${this.parameter(`%${escapeLike(this.text(condition.value, path))}%`)}`;
      case 'starts':
        return `${sql} ILIKE ${this.parameter(`${escapeLike(this.text(condition.value, path))}%`)}`;
      case 'between': {
        if (!Array.isArray(condition.value) || condition.value.length !== 2)
          throw badRequest('between takes [low, high].', [
            { path: `${path}/value`, message: 'must be [low, high]' },
          ]);
        return `${sql} BETWEEN ${value(condition.value[0], `${path}/value/0`)} AND ${value(condition.value[1], `${path}/value/1`)}`;
      }
      case 'is_null':
        if (typeof condition.value !== 'boolean')
          throw badRequest('is_null takes true or false.', [
            { path: `${path}/value`, message: 'must be true or false' },
          ]);
        return condition.value ? `${sql} IS NULL` : `${sql} IS NOT NULL`;
    }
  }

  private valueFor(column: QueryableColumn, raw: unknown, path: string): unknown {
    const field: Field = column.field ?? { key: column.key, name: column.key, type: column.type };
    const schema =
      column.type === 'select' || column.type === 'multiselect'
        ? valueSchemaFor({ ...field, type: 'text' })
        : valueSchemaFor(field);
    const result = schema.safeParse(raw);
    if (!result.success)
      throw badRequest(`The filter value for ${column.key} is not valid.`, [
        { path, message: result.error.issues[0]?.message ?? 'is not valid' },
      ]);
    return result.data;
  }

  private list(
    column: QueryableColumn,
    raw: unknown,
    path: string,
    allowSingle = false,
  ): unknown[] {
    const items = allowSingle && !Array.isArray(raw) ? [raw] : raw;
    if (!Array.isArray(items) || items.length > 1000)
      throw badRequest('This operator takes a list of values (at most 1000).', [
        { path: `${path}/value`, message: 'must be a list of values' },
      ]);
    const itemColumn =
      column.type === 'multiselect' ? { ...column, type: 'text' as const } : column;
    return items.map((item, index) => this.valueFor(itemColumn, item, `${path}/value/${index}`));
  }

  private text(raw: unknown, path: string): string {
    if (typeof raw !== 'string' || raw.length > 1000)
      throw badRequest('This operator takes text.', [
        { path: `${path}/value`, message: 'must be text' },
      ]);
    return raw;
  }

  private search(text: string): string {
    const columns = this.entity.fields.filter((field) => TEXT_SEARCH_TYPES.has(field.type));
    if (columns.length === 0) return 'false';
    const pattern = this.parameter(`%${escapeLike(text)}%`);
    return `(${columns.map((field) => `${this.columnSql(field.key)} ILIKE ${pattern}`).join(' OR ')})`;
  }

  private sortKeys(sort: string | undefined): { key: string; descending: boolean }[] {
    const columns = queryableColumns(this.entity);
    const keys = parseSort(sort ?? '').map(({ field, descending }) => ({ key: field, descending }));
    const errors: FieldError[] = keys
      .filter((key) => !columns.has(key.key))
      .map((key) => ({ path: '/sort', message: `unknown field ${key.key}` }));
    if (errors.length > 0) throw badRequest('The sort names fields that do not exist.', errors);
    if (keys.length > 5)
      throw badRequest('Sort by at most 5 fields.', [
        { path: '/sort', message: 'has more than 5 fields' },
      ]);
    return keys.length > 0
      ? keys.filter((key) => key.key !== 'id')
      : [{ key: 'created_at', descending: false }];
  }

  /** The id breaks ties in the direction of the last sort key, so one index can serve the whole order. */
  private tieBreakDescending(sortKeys: { descending: boolean }[]): boolean {
    return sortKeys.at(-1)?.descending ?? false;
  }

  /** Rows strictly after the cursor's row in the sort order (nulls last, id breaks ties). */
  private after(
    position: CursorPosition,
    sortKeys: { key: string; descending: boolean }[],
  ): string {
    const columns = queryableColumns(this.entity);
    const branches: string[] = [];
    const equalities: string[] = [];
    sortKeys.forEach((key, index) => {
      const column = this.columnSql(key.key);
      const value = position.values[index];
      const cast = castOf(columns.get(key.key)!.type);
      if (value !== null) {
        const parameter = this.parameter(value, cast);
        branches.push(
          [
            ...equalities,
            `(${column} ${key.descending ? '<' : '>'} ${parameter} OR ${column} IS NULL)`,
          ].join(' AND '),
        );
        equalities.push(`${column} = ${parameter}`);
      } else {
        equalities.push(`${column} IS NULL`);
      }
    });
    const idAfter = this.tieBreakDescending(sortKeys) ? '<' : '>';
    branches.push(
      [...equalities, `t.id ${idAfter} ${this.parameter(position.id, 'uuid')}`].join(' AND '),
    );
    return `(${branches.map((branch) => `(${branch})`).join(' OR ')})`;
  }
}

interface CursorPosition {
  values: unknown[];
  id: string;
}

export function encodeRecordCursor(scope: string, values: unknown[], id: string): string {
  return Buffer.from(JSON.stringify({ s: scope, v: values, id }), 'utf8').toString('base64url');
}

function decodeRecordCursor(cursor: string, scope: string, keyCount: number): CursorPosition {
  const refuse = () =>
    badRequest(
      'The cursor is not valid for this list (it was changed, or belongs to another filter or sort).',
      [{ path: '/cursor', message: 'is not a valid cursor' }],
    );
  let decoded: { s?: unknown; v?: unknown; id?: unknown };
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as typeof decoded;
  } catch {
    throw refuse();
  }
  const valid =
    decoded &&
    decoded.s === scope &&
    Array.isArray(decoded.v) &&
    decoded.v.length === keyCount &&
    typeof decoded.id === 'string' &&
    /^[0-9a-f-]{36}$/.test(decoded.id) &&
    decoded.v.every(
      (value) => value === null || ['string', 'number', 'boolean'].includes(typeof value),
    );
  if (!valid) throw refuse();
  return { values: decoded.v as unknown[], id: decoded.id as string };
}
