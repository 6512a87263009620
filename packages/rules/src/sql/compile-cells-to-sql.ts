import type {
  CompareOperator,
  Expression,
  Operand,
  PositiveTest,
  UnaryTests,
} from '../feel/ast.js';
import { formatDecimal } from '../feel/decimal.js';
import { formatDate, formatDateTime } from '../feel/temporal.js';
import { isFeelList, isTagged, type FeelValue } from '../feel/values.js';
import {
  CAST_OF,
  feelTypeOfKind,
  isNumberKind,
  type SqlKind,
  type SqlParameters,
} from './sql-schema.js';

/** An input as rows see it: the SQL that reads it and how it is held. */
export interface SqlColumn {
  sql: string;
  /** undefined: a type rules cannot compare (only `-` and `null` cells compile). */
  kind: SqlKind | undefined;
}

export type CellResult = { ok: true; sql: string } | { ok: false; message: string };

/** A literal's SQL kind and the text of its parameter (null for the null literal), or why it has none. */
function literalOf(
  value: FeelValue,
): { kind: SqlKind; text: string } | { kind: null } | { error: string } {
  if (value === null) return { kind: null };
  if (typeof value === 'string') return { kind: 'text', text: value };
  if (typeof value === 'boolean') return { kind: 'boolean', text: String(value) };
  if (isFeelList(value) || !isTagged(value)) return { error: 'lists have no SQL form here' };
  switch (value.kind) {
    case 'number':
      return { kind: 'numeric', text: formatDecimal(value.value) };
    case 'date':
      return { kind: 'date', text: formatDate(value) };
    case 'date and time':
      if (value.time.offset === null)
        return {
          error: 'a date and time without an offset cannot be compared with stored instants',
        };
      return { kind: 'timestamptz', text: formatDateTime(value) };
    case 'time':
    case 'days and time duration':
    case 'years and months duration':
    case 'context':
      return { error: `${value.kind} values are not supported in SQL` };
  }
}

/**
 * A literal as a typed parameter. Parameters are added only where the statement uses them:
 * PostgreSQL refuses a statement with a parameter whose type it cannot determine.
 */
function literalSql(
  value: FeelValue,
  parameters: SqlParameters,
): { sql: string; kind: SqlKind } | { sql: 'NULL'; kind: null } | { error: string } {
  const literal = literalOf(value);
  if ('error' in literal) return literal;
  if (literal.kind === null) return { sql: 'NULL', kind: null };
  return { sql: parameters.add(literal.text, CAST_OF[literal.kind]), kind: literal.kind };
}

const SQL_OPERATORS: Record<Exclude<CompareOperator, '=' | '!='>, string> = {
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};

/** `a < b` with strings in code-point order, as the in-memory evaluation compares them. */
function ordered(left: string, op: string, right: string, kind: SqlKind): string {
  return kind === 'text' ? `${left} COLLATE "C" ${op} ${right}` : `${left} ${op} ${right}`;
}

class CellCompiler {
  constructor(
    private readonly columns: ReadonlyMap<string, SqlColumn>,
    private readonly parameters: SqlParameters,
  ) {}

  /**
   * One positive test as a three-valued SQL expression: TRUE, FALSE, or NULL where FEEL cannot
   * decide (a comparison between different types, an order over nulls or booleans).
   */
  positive(test: PositiveTest, input: SqlColumn): string {
    switch (test.kind) {
      case 'null':
        return `(${input.sql} IS NULL)`;
      case 'compare':
        return this.compare(test.op, input, test.operand);
      case 'interval': {
        const low = this.compare(test.lowClosed ? '>=' : '>', input, test.low);
        const high = this.compare(test.highClosed ? '<=' : '<', input, test.high);
        if (low === 'NULL' || high === 'NULL') return 'NULL';
        if (test.low.kind === 'literal' && test.high.kind === 'literal')
          return `(${low} AND ${high})`;
        // FEEL: either end undecidable makes the whole range undecidable (SQL's AND would say false).
        return `(CASE WHEN (${low}) IS NULL OR (${high}) IS NULL THEN NULL ELSE ${low} AND ${high} END)`;
      }
    }
  }

  /** An operand's SQL (a parameter only when `used` says the statement needs it) and kind. */
  private operand(
    operand: Operand,
    used: (kind: SqlKind) => boolean,
  ): { sql: string; kind: SqlKind | null | undefined } {
    if (operand.kind === 'literal') {
      const literal = literalOf(operand.value);
      if ('error' in literal) throw new CellFailure(literal.error);
      if (literal.kind === null) return { sql: 'NULL', kind: null };
      const sql = used(literal.kind)
        ? this.parameters.add(literal.text, CAST_OF[literal.kind])
        : '';
      return { sql, kind: literal.kind };
    }
    const [name, ...rest] = operand.path;
    const column = name === undefined ? undefined : this.columns.get(name);
    if (!column || rest.length > 0)
      throw new CellFailure(`${operand.path.join('.')} is not an input of this table`);
    return column;
  }

  private compare(op: CompareOperator, input: SqlColumn, operand: Operand): string {
    const x = input.sql;
    const value = this.operand(
      operand,
      (kind) =>
        input.kind !== undefined &&
        feelTypeOfKind(input.kind) === feelTypeOfKind(kind) &&
        (op === '=' || op === '!=' || input.kind !== 'boolean'),
    );
    if (input.kind === undefined || value.kind === undefined)
      throw new CellFailure('multiselect and file inputs only take - or null');
    if (value.kind === null) {
      if (op === '=') return `(${x} IS NULL)`;
      if (op === '!=') return `(${x} IS NOT NULL)`;
      return 'NULL';
    }
    const sameType = feelTypeOfKind(input.kind) === feelTypeOfKind(value.kind);
    if (operand.kind === 'literal') {
      if (!sameType) {
        if (op === '=') return `(CASE WHEN ${x} IS NULL THEN false END)`;
        if (op === '!=') return `(CASE WHEN ${x} IS NULL THEN true END)`;
        return 'NULL';
      }
      if (op === '=') return `COALESCE(${x} = ${value.sql}, false)`;
      if (op === '!=') return `(${x} IS NULL OR ${x} <> ${value.sql})`;
      if (input.kind === 'boolean') return 'NULL';
      return `(${ordered(x, SQL_OPERATORS[op], value.sql, input.kind)})`;
    }
    const y = value.sql;
    if (!sameType) {
      const bothNull = `(${x} IS NULL AND ${y} IS NULL)`;
      if (op === '=') return `(CASE WHEN ${x} IS NULL OR ${y} IS NULL THEN ${bothNull} END)`;
      if (op === '!=') return `(CASE WHEN ${x} IS NULL OR ${y} IS NULL THEN NOT ${bothNull} END)`;
      return 'NULL';
    }
    if (op === '=') return `(${x} IS NOT DISTINCT FROM ${y})`;
    if (op === '!=') return `(${x} IS DISTINCT FROM ${y})`;
    if (input.kind === 'boolean') return 'NULL';
    return `(${ordered(x, SQL_OPERATORS[op], y, input.kind)})`;
  }
}

class CellFailure extends Error {}

/**
 * A `when` cell as a SQL condition that is TRUE exactly when the in-memory evaluation matches:
 * a disjunction matches when one test is true; `not(…)` when every test is false (undecidable
 * tests match neither). undefined for `-`.
 */
export function compileUnaryTestsToSql(
  tests: UnaryTests,
  input: SqlColumn,
  columns: ReadonlyMap<string, SqlColumn>,
  parameters: SqlParameters,
): CellResult | undefined {
  const compiler = new CellCompiler(columns, parameters);
  try {
    switch (tests.kind) {
      case 'any':
        return undefined;
      case 'disjunction':
        return {
          ok: true,
          sql: `(${tests.tests.map((test) => compiler.positive(test, input)).join(' OR ')}) IS TRUE`,
        };
      case 'not':
        return {
          ok: true,
          sql: `(${tests.tests.map((test) => compiler.positive(test, input)).join(' OR ')}) IS FALSE`,
        };
      case 'compare':
      case 'interval':
      case 'null':
        return { ok: true, sql: `${compiler.positive(tests, input)} IS TRUE` };
    }
  } catch (error) {
    if (error instanceof CellFailure) return { ok: false, message: error.message };
    throw error;
  }
}

/** A `then` cell: its value, its kind (null for the null literal), and when it fails. */
export interface CompiledExpression {
  sql: string;
  kind: SqlKind | null;
  /** A SQL condition true when evaluating fails (division by zero); `false` when it cannot. */
  fails: string;
}

export type ExpressionResult = ({ ok: true } & CompiledExpression) | { ok: false; message: string };

function orFails(a: string, b: string): string {
  if (a === 'false') return b;
  if (b === 'false') return a;
  return `${a} OR ${b}`;
}

function compileExpression(
  expression: Expression,
  columns: ReadonlyMap<string, SqlColumn>,
  parameters: SqlParameters,
): CompiledExpression {
  switch (expression.kind) {
    case 'literal': {
      const literal = literalSql(expression.value, parameters);
      if ('error' in literal) throw new CellFailure(literal.error);
      return { sql: literal.sql, kind: literal.kind, fails: 'false' };
    }
    case 'path': {
      const [name, ...rest] = expression.path;
      const column = name === undefined ? undefined : columns.get(name);
      if (!column || rest.length > 0)
        throw new CellFailure(`${expression.path.join('.')} is not an input of this table`);
      if (column.kind === undefined)
        throw new CellFailure(`${name} is a multiselect or file input and cannot be an output`);
      return { sql: column.sql, kind: column.kind, fails: 'false' };
    }
    case 'negate': {
      const operand = compileExpression(expression.operand, columns, parameters);
      if (operand.kind === null) return operand;
      if (!isNumberKind(operand.kind)) throw new CellFailure(`cannot negate a ${operand.kind}`);
      return { sql: `(- ${operand.sql})`, kind: operand.kind, fails: operand.fails };
    }
    case 'arithmetic': {
      const left = compileExpression(expression.left, columns, parameters);
      const right = compileExpression(expression.right, columns, parameters);
      const fails = orFails(left.fails, right.fails);
      // A null operand makes the result null, whatever the other side is (as in memory).
      if (left.kind === null || right.kind === null) return { sql: 'NULL', kind: null, fails };
      const { op } = expression;
      if (op === '+' && left.kind === 'text' && right.kind === 'text')
        return { sql: `(${left.sql} || ${right.sql})`, kind: 'text', fails };
      if (!isNumberKind(left.kind) || !isNumberKind(right.kind))
        throw new CellFailure(`cannot apply ${op} to a ${left.kind} and a ${right.kind}`);
      const kind: SqlKind = left.kind === 'float' || right.kind === 'float' ? 'float' : 'numeric';
      if (op !== '/') return { sql: `(${left.sql} ${op} ${right.sql})`, kind, fails };
      return {
        sql: `(${left.sql} / NULLIF(${right.sql}, 0))`,
        kind,
        fails: orFails(fails, `(${left.sql} IS NOT NULL AND ${right.sql} = 0)`),
      };
    }
  }
}

export function compileExpressionToSql(
  expression: Expression,
  columns: ReadonlyMap<string, SqlColumn>,
  parameters: SqlParameters,
): ExpressionResult {
  try {
    return { ok: true, ...compileExpression(expression, columns, parameters) };
  } catch (error) {
    if (error instanceof CellFailure) return { ok: false, message: error.message };
    throw error;
  }
}
