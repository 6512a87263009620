import type { FieldType } from '@formwork/definitions';

/** The PostgreSQL column type of each field type. */
export const COLUMN_TYPES: Record<FieldType, string> = {
  text: 'text',
  longtext: 'text',
  email: 'text',
  phone: 'text',
  url: 'text',
  select: 'text',
  file: 'text',
  integer: 'bigint',
  number: 'double precision',
  money: 'numeric(18,2)',
  percent: 'numeric',
  boolean: 'boolean',
  date: 'date',
  datetime: 'timestamptz',
  multiselect: 'jsonb',
  relation: 'uuid',
  user: 'uuid',
};

const TEXTUAL = new Set<FieldType>(['text', 'longtext', 'email', 'phone', 'url', 'select', 'file']);
const NUMERIC = new Set<FieldType>(['integer', 'number', 'money', 'percent']);

export interface Conversion {
  /** The USING expression of ALTER COLUMN … TYPE, over the column `c`. */
  using: (column: string) => string;
  /** Rows matching this predicate would lose or corrupt data; absent when none can. */
  failing?: (column: string) => string;
  problem?: string;
}

const DECIMAL = `'^\\s*-?\\d+(\\.\\d+)?\\s*$'`;
const FORMAT_CHECKS: Partial<Record<FieldType, string>> = {
  email: `'^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'`,
  phone: `'^\\+?[0-9 ()-]{3,30}$'`,
  url: `'^https?://'`,
};

function toTextual(from: FieldType, to: FieldType): Conversion {
  const format = FORMAT_CHECKS[to];
  const fromText = TEXTUAL.has(from);
  return {
    using: (c) => (fromText ? c : `${c}::text`),
    failing: format ? (c) => `${c}::text !~ ${format}` : undefined,
    problem: `values that are not a valid ${to}`,
  };
}

function toNumeric(from: FieldType, to: FieldType): Conversion | undefined {
  const cast = `::${COLUMN_TYPES[to]}`;
  if (TEXTUAL.has(from)) {
    const tooPrecise = (c: string) =>
      to === 'integer'
        ? ` OR trim(${c}) ~ '\\.'`
        : to === 'money'
          ? ` OR trim(${c}) ~ '\\.\\d{3,}'`
          : '';
    return {
      using: (c) => `trim(${c})${cast}`,
      failing: (c) => `(${c} !~ ${DECIMAL}${tooPrecise(c)})`,
      problem: `values that are not ${to === 'integer' ? 'whole numbers' : 'numbers'}`,
    };
  }
  if (!NUMERIC.has(from)) return undefined;
  if (to === 'integer' && from !== 'integer')
    return {
      using: (c) => `${c}${cast}`,
      failing: (c) => `${c} <> trunc(${c})`,
      problem: 'values with decimals',
    };
  if (to === 'money' && from !== 'integer')
    return {
      using: (c) => `${c}${cast}`,
      failing: (c) => `${c}::numeric <> round(${c}::numeric, 2)`,
      problem: 'values with more than 2 decimals',
    };
  return { using: (c) => `${c}${cast}` };
}

/** How to convert a column from one field type to another without losing data, if at all. */
export function conversionBetween(from: FieldType, to: FieldType): Conversion {
  if (
    TEXTUAL.has(to) &&
    (TEXTUAL.has(from) || NUMERIC.has(from) || ['boolean', 'date', 'datetime'].includes(from))
  )
    return toTextual(from, to);
  if (NUMERIC.has(to)) {
    const numeric = toNumeric(from, to);
    if (numeric) return numeric;
  }
  if (to === 'date' && TEXTUAL.has(from))
    return {
      using: (c) => `${c}::date`,
      failing: (c) => `${c} !~ '^\\d{4}-\\d{2}-\\d{2}$'`,
      problem: 'values that are not dates (YYYY-MM-DD)',
    };
  if (to === 'date' && from === 'datetime')
    return {
      using: (c) => `(${c} AT TIME ZONE 'UTC')::date`,
      failing: (c) => `(${c} AT TIME ZONE 'UTC')::time <> '00:00'`,
      problem: 'date-times with a time of day',
    };
  if (to === 'datetime' && from === 'date')
    return { using: (c) => `${c}::timestamp AT TIME ZONE 'UTC'` };
  if (to === 'boolean' && TEXTUAL.has(from))
    return {
      using: (c) => `lower(trim(${c}))::boolean`,
      failing: (c) => `lower(trim(${c})) NOT IN ('true', 'false')`,
      problem: 'values that are not true or false',
    };
  return {
    using: () => 'NULL',
    failing: (c) => `${c} IS NOT NULL`,
    problem: `values that cannot be converted from ${from} to ${to}`,
  };
}
