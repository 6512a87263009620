import {
  isAggregateSource,
  isMeasureSource,
  type AggregateSource,
  type ClassifierDefinition,
  type MeasureSource,
} from '@formwork/definitions';
import { compileFilterToSql, type SqlError } from './compile-filter-to-sql.js';
import {
  columnAs,
  isNumberKind,
  isQualifiedTable,
  isQuotedColumn,
  kindOfField,
  type SqlEntityInfo,
  type SqlKind,
  type SqlParameters,
  type SqlSchemaInfo,
} from './sql-schema.js';

/** Where a run is restricted to a chunk of records: SQL snippets over the record's `id`. */
export interface ChunkFilter {
  /** `id = ANY($n::uuid[])` over the given id column. */
  ids?: (id: string) => string;
  /** `($n::uuid IS NULL OR id > $n::uuid)`, with `ORDER BY id LIMIT`. */
  after?: (id: string) => string;
  limit?: string;
}

export interface CompiledInputs {
  /** `name AS (…)`, in order. */
  ctes: string[];
  /** The last CTE: `id` plus one `"in_<key>"` column per input. */
  from: string;
  /** Input key → its column name in `from` and its kind (undefined: not comparable). */
  columns: Map<string, { name: string; kind: SqlKind | undefined }>;
  /** Whether the chunk filter is still to apply (measures rank the whole population first). */
  chunkPending: boolean;
}

const KEY = /^[a-z][a-z0-9_]{0,39}$/;
export const inputColumn = (key: string) => `"in_${key}"`;

function chunkConditions(alias: string, chunk: ChunkFilter): string[] {
  return [
    ...(chunk.ids ? [chunk.ids(`${alias}.id`)] : []),
    ...(chunk.after ? [chunk.after(`${alias}.id`)] : []),
  ];
}

/** `WHERE …` extras and `ORDER BY id LIMIT …` restricting rows of `alias` to the chunk. */
export function chunkClauses(alias: string, chunk: ChunkFilter): { where: string[]; tail: string } {
  return {
    where: chunkConditions(alias, chunk),
    tail: chunk.limit ? ` ORDER BY ${alias}.id LIMIT ${chunk.limit}` : '',
  };
}

export function checkEntity(
  schema: SqlSchemaInfo,
  key: string,
  path: string,
  errors: SqlError[],
): SqlEntityInfo | undefined {
  const entity = schema.entities[key];
  if (!entity) {
    errors.push({ path, message: `there is no entity ${key}` });
    return undefined;
  }
  if (!isQualifiedTable(entity.table)) {
    errors.push({ path, message: `the table name of ${key} is not a quoted identifier` });
    return undefined;
  }
  for (const [name, field] of Object.entries(entity.fields))
    if (!isQuotedColumn(field.column)) {
      errors.push({ path, message: `the column of ${key}.${name} is not a quoted identifier` });
      return undefined;
    }
  return entity;
}

/** The aggregates of one relation (`entity` via `via`): one CTE, one scan, a FILTER each. */
interface AggregateGroup {
  table: string;
  /** The relation column, `r."customer"`. */
  via: string;
  items: { key: string; value: string; conditions: string[]; isCount: boolean }[];
}

function aggregateCte(group: AggregateGroup, n: number, narrowed: boolean): string {
  const values = group.items.map(
    (item) =>
      `${item.value}${item.conditions.length > 0 ? ` FILTER (WHERE ${item.conditions.join(' AND ')})` : ''} AS ${inputColumn(item.key)}`,
  );
  const where = [
    'r.deleted_at IS NULL',
    ...(narrowed ? [`${group.via} IN (SELECT id FROM base)`] : []),
  ];
  return `agg_${n} AS (\n  SELECT ${group.via} AS id,\n    ${values.join(',\n    ')}\n  FROM ${group.table} r\n  WHERE ${where.join(' AND ')}\n  GROUP BY ${group.via}\n)`;
}

class InputsCompiler {
  readonly columns = new Map<string, { name: string; kind: SqlKind | undefined }>();
  /** The record's `version` travels along: batch runs apply a result only to the version it saw. */
  private readonly baseSelect: string[] = ['t.id', 't.version AS row_version'];
  /** Aggregates over the same relation share one scan of the related table (FILTER per input). */
  private readonly aggregateGroups = new Map<string, AggregateGroup>();
  private readonly measures: string[] = [];
  private readonly peers: string[] = [];

  constructor(
    private readonly classifier: ClassifierDefinition,
    private readonly schema: SqlSchemaInfo,
    private readonly entity: SqlEntityInfo,
    private readonly parameters: SqlParameters,
    private readonly errors: SqlError[],
    private readonly asOf: () => string,
  ) {}

  compile(chunk: ChunkFilter): CompiledInputs {
    const { inputs } = this.classifier;
    inputs.forEach((input, index) => {
      const path = `/inputs/${index}`;
      if (!KEY.test(input.key)) {
        this.errors.push({ path: `${path}/key`, message: 'is not a valid input key' });
        return;
      }
      if (isMeasureSource(input.source)) return;
      if (isAggregateSource(input.source))
        this.aggregate(input.key, input.source, `${path}/source`);
      else this.field(input.key, input.source.field, `${path}/source/field`);
    });
    inputs.forEach((input, index) => {
      if (isMeasureSource(input.source) && KEY.test(input.key))
        this.measure(input.key, input.source, `/inputs/${index}/source`);
    });
    const chunkPending = this.measures.length > 0;
    const restrict = chunkPending ? { where: [], tail: '' } : chunkClauses('t', chunk);
    // Only a chunk needs related rows narrowed to its records; a full run joins them anyway.
    const narrowed = restrict.where.length > 0;
    const groups = [...this.aggregateGroups.values()];
    const ctes = [
      `base AS (\n  SELECT ${this.baseSelect.join(', ')}\n  FROM ${this.entity.table} t\n  WHERE ${['t.deleted_at IS NULL', ...restrict.where].join(' AND ')}${restrict.tail}\n)`,
      ...groups.map((group, index) => aggregateCte(group, index + 1, narrowed)),
    ];
    let from = 'base';
    if (groups.length > 0) {
      const selects = groups.flatMap((group, index) =>
        group.items.map((item) => {
          const value = `a${index + 1}.${inputColumn(item.key)}`;
          return `${item.isCount ? `COALESCE(${value}, 0)` : value} AS ${inputColumn(item.key)}`;
        }),
      );
      const joins = groups.map(
        (_group, index) => `LEFT JOIN agg_${index + 1} a${index + 1} ON a${index + 1}.id = b.id`,
      );
      ctes.push(
        `inputs AS (\n  SELECT b.*, ${selects.join(', ')}\n  FROM base b\n  ${joins.join('\n  ')}\n)`,
      );
      from = 'inputs';
    }
    if (this.measures.length > 0) {
      ctes.push(
        `ranked AS (\n  SELECT i.*,\n    ${this.measures.join(',\n    ')}\n  FROM ${from} i\n)`,
      );
      from = 'ranked';
    }
    if (this.peers.length > 0) {
      ctes.push(
        `measured AS (\n  SELECT r.*,\n    ${this.peers.join(',\n    ')}\n  FROM ranked r\n)`,
      );
      from = 'measured';
    }
    return { ctes, from, columns: this.columns, chunkPending };
  }

  private field(key: string, fieldKey: string, path: string) {
    const field = this.entity.fields[fieldKey];
    if (!field) {
      this.errors.push({
        path,
        message: `there is no field ${fieldKey} in ${this.classifier.entity}`,
      });
      return;
    }
    this.baseSelect.push(`${columnAs('t', field)} AS ${inputColumn(key)}`);
    this.columns.set(key, { name: inputColumn(key), kind: kindOfField(field.type) });
  }

  private aggregate(key: string, source: AggregateSource, path: string) {
    const related = checkEntity(this.schema, source.entity, `${path}/entity`, this.errors);
    if (!related) return;
    const via = related.fields[source.via];
    if (
      !via ||
      via.type !== 'relation' ||
      (via.target !== undefined && via.target !== this.classifier.entity)
    ) {
      this.errors.push({
        path: `${path}/via`,
        message: `${source.entity}.${source.via} is not a relation to ${this.classifier.entity}`,
      });
      return;
    }
    const conditions: string[] = [];
    if (source.where)
      conditions.push(
        compileFilterToSql(
          source.where,
          related,
          'r',
          this.parameters,
          `${path}/where`,
          this.errors,
        ),
      );
    if (source.window !== undefined && source.dateField !== undefined) {
      const dateField = related.fields[source.dateField];
      if (!dateField || (dateField.type !== 'date' && dateField.type !== 'datetime')) {
        this.errors.push({
          path: `${path}/dateField`,
          message: `${source.entity}.${source.dateField} is not a date or datetime field`,
        });
        return;
      }
      const column = `r.${dateField.column}`;
      conditions.push(
        `${column} >= ${this.asOf()} - ${this.parameters.add(source.window, 'interval')}`,
        `${column} <= ${this.asOf()}`,
      );
    }
    const value = this.aggregateValue(source, related, path);
    if (!value) return;
    const groupKey = `${source.entity}\0${source.via}`;
    let group = this.aggregateGroups.get(groupKey);
    if (!group) {
      group = { table: related.table, via: `r.${via.column}`, items: [] };
      this.aggregateGroups.set(groupKey, group);
    }
    group.items.push({ key, value: value.sql, conditions, isCount: source.aggregate === 'count' });
    this.columns.set(key, { name: inputColumn(key), kind: value.kind });
  }

  private aggregateValue(
    source: AggregateSource,
    related: SqlEntityInfo,
    path: string,
  ): { sql: string; kind: SqlKind } | undefined {
    if (source.field === undefined) return { sql: 'count(*)', kind: 'numeric' };
    const field = related.fields[source.field];
    const kind = field ? kindOfField(field.type) : undefined;
    if (!field || !kind) {
      this.errors.push({
        path: `${path}/field`,
        message: field
          ? `${source.field} cannot be aggregated`
          : `there is no field ${source.field} in ${source.entity}`,
      });
      return undefined;
    }
    const column = columnAs('r', field);
    switch (source.aggregate) {
      case 'count':
        return { sql: `count(${column})`, kind: 'numeric' };
      case 'sum':
      case 'avg':
        if (!isNumberKind(kind)) break;
        return { sql: `${source.aggregate}(${column})`, kind };
      case 'min':
      case 'max':
        if (kind === 'boolean') break;
        return {
          sql: `${source.aggregate}(${kind === 'text' ? `${column} COLLATE "C"` : column})`,
          kind,
        };
    }
    this.errors.push({
      path: `${path}/aggregate`,
      message: `${source.aggregate} does not apply to ${field.type} fields`,
    });
    return undefined;
  }

  private measure(key: string, source: MeasureSource, path: string) {
    const target = this.classifier.inputs.find((input) => input.key === source.of);
    const column = this.columns.get(source.of);
    if (!target || isMeasureSource(target.source) || !column || !column.kind) {
      this.errors.push({
        path: `${path}/of`,
        message: !target
          ? `there is no input ${source.of}`
          : isMeasureSource(target.source)
            ? `${source.of} is itself a measure`
            : `${source.of} cannot be ranked`,
      });
      return;
    }
    if (source.measure === 'cume_share' && !isNumberKind(column.kind)) {
      this.errors.push({
        path: `${path}/of`,
        message: `cume_share needs a number; ${source.of} is not one`,
      });
      return;
    }
    const value = `i.${column.name}`;
    const orderBy = column.kind === 'text' ? `${value} COLLATE "C"` : value;
    // Nulls are no part of the population: they get their own partition and no measure.
    const partition = `PARTITION BY ${value} IS NULL`;
    const ascending =
      source.measure === 'cume_share' ? source.order === 'asc' : source.order !== 'desc';
    const direction = ascending ? 'ASC' : 'DESC';
    const guarded = (sql: string) => `CASE WHEN ${value} IS NULL THEN NULL ELSE ${sql} END`;
    switch (source.measure) {
      case 'percent_rank':
        this.measures.push(
          `${guarded(`PERCENT_RANK() OVER (${partition} ORDER BY ${orderBy} ${direction})`)} AS ${inputColumn(key)}`,
        );
        this.columns.set(key, { name: inputColumn(key), kind: 'float' });
        return;
      case 'cume_share':
        // RANGE frames make ties peers: each holds the share of every record at least as large.
        this.measures.push(
          `${guarded(`(SUM(${value}) OVER (${partition} ORDER BY ${orderBy} ${direction} RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW))::float8 / NULLIF(SUM(${value}) OVER (${partition}), 0)::float8`)} AS ${inputColumn(key)}`,
        );
        this.columns.set(key, { name: inputColumn(key), kind: 'float' });
        return;
      case 'ntile': {
        const n = this.parameters.add(source.n ?? 4, 'int');
        this.measures.push(
          `${guarded(`NTILE(${n}) OVER (${partition} ORDER BY ${orderBy} ${direction})`)} AS "nt_${key}"`,
        );
        // NTILE splits ties by row number; peers take the tile of the first of them.
        this.peers.push(
          `MIN(r."nt_${key}") OVER (PARTITION BY r.${column.name}) AS ${inputColumn(key)}`,
        );
        this.columns.set(key, { name: inputColumn(key), kind: 'numeric' });
      }
    }
  }
}

/** The CTEs that compute every input of every (live) record of the classifier's entity. */
export function compileInputsToSql(
  classifier: ClassifierDefinition,
  schema: SqlSchemaInfo,
  entity: SqlEntityInfo,
  parameters: SqlParameters,
  errors: SqlError[],
  options: { asOf: () => string; chunk: ChunkFilter },
): CompiledInputs {
  return new InputsCompiler(classifier, schema, entity, parameters, errors, options.asOf).compile(
    options.chunk,
  );
}
