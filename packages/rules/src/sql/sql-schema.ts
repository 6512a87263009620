import type { FieldType } from '@formwork/definitions';
import type { ValueType } from '../feel/values.js';

/** A field as the SQL compiler sees it: its quoted column, its type, its select options. */
export interface SqlFieldInfo {
  /** The quoted column name, e.g. `"total_amount"`. */
  column: string;
  type: FieldType;
  /** Select options in their order (PRIORITY and OUTPUT_ORDER rank outputs by it). */
  options?: readonly string[];
  /** For a relation: the entity it points at (checked against an aggregate's `via` when given). */
  target?: string;
}

export interface SqlEntityInfo {
  /** The qualified, quoted table name, e.g. `"app_crm"."customer"`. */
  table: string;
  fields: Readonly<Record<string, SqlFieldInfo>>;
}

/** Physical names of the entities a classifier reads, so the package needs no engine code. */
export interface SqlSchemaInfo {
  entities: Readonly<Record<string, SqlEntityInfo>>;
}

/** How a value is held in SQL. `float` is double precision (number fields, percent_rank, cume_share). */
export type SqlKind = 'numeric' | 'float' | 'text' | 'boolean' | 'date' | 'timestamptz';

export const CAST_OF: Record<SqlKind, string> = {
  numeric: 'numeric',
  float: 'float8',
  text: 'text',
  boolean: 'boolean',
  date: 'date',
  timestamptz: 'timestamptz',
};

const FEEL_TYPE_OF: Record<SqlKind, ValueType> = {
  numeric: 'number',
  float: 'number',
  text: 'string',
  boolean: 'boolean',
  date: 'date',
  timestamptz: 'date and time',
};

export const feelTypeOfKind = (kind: SqlKind): ValueType => FEEL_TYPE_OF[kind];
export const isNumberKind = (kind: SqlKind): boolean => kind === 'numeric' || kind === 'float';

/** The SQL kind of a field type; undefined for types rules cannot compare (multiselect, file). */
export function kindOfField(type: FieldType): SqlKind | undefined {
  switch (type) {
    case 'integer':
    case 'money':
    case 'percent':
      return 'numeric';
    case 'number':
      return 'float';
    case 'text':
    case 'longtext':
    case 'select':
    case 'email':
    case 'phone':
    case 'url':
    case 'relation':
    case 'user':
      return 'text';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'datetime':
      return 'timestamptz';
    case 'multiselect':
    case 'file':
      return undefined;
  }
}

/** The column read as its kind: uuid references compare as text. */
export function columnAs(alias: string, field: SqlFieldInfo): string {
  const sql = `${alias}.${field.column}`;
  return field.type === 'relation' || field.type === 'user' ? `${sql}::text` : sql;
}

const QUOTED = /^"[a-z][a-z0-9_]{0,62}"$/;
const QUALIFIED = /^"[a-z][a-z0-9_]{0,62}"\."[a-z][a-z0-9_]{0,62}"$/;
/** Schema info is trusted metadata, but names still must look like quoted identifiers. */
export const isQuotedColumn = (name: string): boolean => QUOTED.test(name);
export const isQualifiedTable = (name: string): boolean => QUALIFIED.test(name);

/** Collects parameters; every value a statement uses is one of them. */
export class SqlParameters {
  readonly values: unknown[] = [];

  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return `$${this.values.length}${cast ? `::${cast}` : ''}`;
  }

  /** A slot the caller fills per run (chunk ids, keyset position); returns its 1-based position. */
  slot(): number {
    this.values.push(null);
    return this.values.length;
  }
}
