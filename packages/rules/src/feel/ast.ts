import type { FeelValue } from './values.js';

/** Where a node came from in its cell, to point editor messages at it. */
export interface Span {
  offset: number;
  end: number;
}

/** A value an input is compared with: a literal, or (an extension) another input's value. */
export type Operand =
  ({ kind: 'literal'; value: FeelValue } & Span) | ({ kind: 'path'; path: string[] } & Span);

export const COMPARE_OPERATORS = ['<', '<=', '>', '>=', '=', '!='] as const;
export type CompareOperator = (typeof COMPARE_OPERATORS)[number];

/** `< 5`, `"A"` (an equality: op `=`), `!= "B"`. */
export interface CompareTest extends Span {
  kind: 'compare';
  op: CompareOperator;
  operand: Operand;
}
/** `[a..b]`, `(a..b]`, `]a..b[`: closed ends include their end point. */
export interface IntervalTest extends Span {
  kind: 'interval';
  low: Operand;
  high: Operand;
  lowClosed: boolean;
  highClosed: boolean;
}
/** `null`: the input has no value. */
export interface NullTest extends Span {
  kind: 'null';
}
export type PositiveTest = CompareTest | IntervalTest | NullTest;

/** The parsed cell. A disjunction matches when any of its tests does; `not` when none does. */
export type UnaryTests =
  | ({ kind: 'any' } & Span)
  | PositiveTest
  | ({ kind: 'disjunction'; tests: PositiveTest[] } & Span)
  | ({ kind: 'not'; tests: PositiveTest[] } & Span);

export type ArithmeticOperator = '+' | '-' | '*' | '/';

/** An output entry: a literal, an input's value, or arithmetic over them. */
export type Expression =
  | ({ kind: 'literal'; value: FeelValue } & Span)
  | ({ kind: 'path'; path: string[] } & Span)
  | ({ kind: 'negate'; operand: Expression } & Span)
  | ({ kind: 'arithmetic'; op: ArithmeticOperator; left: Expression; right: Expression } & Span);

export interface ParseError {
  message: string;
  /** 0-based offset into the cell text. */
  offset: number;
}
export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: ParseError };
