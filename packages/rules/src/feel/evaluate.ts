import type { Expression, Operand, PositiveTest, UnaryTests } from './ast.js';
import {
  addDecimals,
  divideDecimals,
  multiplyDecimals,
  negateDecimal,
  subtractDecimals,
} from './decimal.js';
import {
  compareValues,
  feelNumber,
  isFeelList,
  isTagged,
  typeOfValue,
  valuesEqual,
  type FeelValue,
} from './values.js';

/** Looks a name up: an input, a record field, another decision's result. undefined when unknown. */
export type Scope = (name: string) => FeelValue | undefined;

export const scopeOf =
  (values: Readonly<Record<string, FeelValue>>): Scope =>
  (name) =>
    Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;

/** `a.b.c`: the first name from the scope, the rest as context entries; null when missing. */
export function resolvePath(path: readonly string[], scope: Scope): FeelValue {
  const [first, ...rest] = path;
  let value = first === undefined ? null : (scope(first) ?? null);
  for (const name of rest) {
    if (value === null || !isTagged(value) || value.kind !== 'context') return null;
    value = value.entries[name] ?? null;
  }
  return value;
}

const operandValue = (operand: Operand, scope: Scope): FeelValue =>
  operand.kind === 'literal' ? operand.value : resolvePath(operand.path, scope);

function comparison(order: -1 | 0 | 1 | null, accept: (order: -1 | 0 | 1) => boolean) {
  return order === null ? null : accept(order);
}

/** true / false, or null when FEEL cannot decide (a comparison between different types). */
export function testPositive(test: PositiveTest, input: FeelValue, scope: Scope): boolean | null {
  switch (test.kind) {
    case 'null':
      return input === null;
    case 'compare': {
      const operand = operandValue(test.operand, scope);
      switch (test.op) {
        case '=':
          return valuesEqual(input, operand);
        case '!=': {
          const equal = valuesEqual(input, operand);
          return equal === null ? null : !equal;
        }
        case '<':
          return comparison(compareValues(input, operand), (order) => order < 0);
        case '<=':
          return comparison(compareValues(input, operand), (order) => order <= 0);
        case '>':
          return comparison(compareValues(input, operand), (order) => order > 0);
        case '>=':
          return comparison(compareValues(input, operand), (order) => order >= 0);
      }
      return null;
    }
    case 'interval': {
      const low = compareValues(input, operandValue(test.low, scope));
      const high = compareValues(input, operandValue(test.high, scope));
      if (low === null || high === null) return null;
      return (test.lowClosed ? low >= 0 : low > 0) && (test.highClosed ? high <= 0 : high < 0);
    }
  }
}

/** Whether a cell matches the input value. Undecidable (null) does not match. */
export function matchesUnaryTests(tests: UnaryTests, input: FeelValue, scope: Scope): boolean {
  switch (tests.kind) {
    case 'any':
      return true;
    case 'disjunction':
      return tests.tests.some((test) => testPositive(test, input, scope) === true);
    case 'not': {
      const results = tests.tests.map((test) => testPositive(test, input, scope));
      if (results.includes(true)) return false;
      return !results.includes(null);
    }
    case 'compare':
    case 'interval':
    case 'null':
      return testPositive(tests, input, scope) === true;
  }
}

export type EvaluationResult = { ok: true; value: FeelValue } | { ok: false; message: string };

const describeType = (value: FeelValue) =>
  isFeelList(value) ? 'a list' : `a ${typeOfValue(value) ?? 'null'}`;

function applyArithmetic(op: string, left: FeelValue, right: FeelValue): EvaluationResult {
  if (left === null || right === null) return { ok: true, value: null };
  if (isTagged(left) && isTagged(right) && left.kind === 'number' && right.kind === 'number') {
    if (op === '/') {
      const quotient = divideDecimals(left.value, right.value);
      return quotient
        ? { ok: true, value: feelNumber(quotient) }
        : { ok: false, message: 'division by zero' };
    }
    const apply = op === '+' ? addDecimals : op === '-' ? subtractDecimals : multiplyDecimals;
    return { ok: true, value: feelNumber(apply(left.value, right.value)) };
  }
  if (op === '+' && typeof left === 'string' && typeof right === 'string')
    return { ok: true, value: left + right };
  if (
    (op === '+' || op === '-') &&
    isTagged(left) &&
    isTagged(right) &&
    left.kind === 'days and time duration' &&
    right.kind === 'days and time duration'
  ) {
    const apply = op === '+' ? addDecimals : subtractDecimals;
    return { ok: true, value: { kind: left.kind, seconds: apply(left.seconds, right.seconds) } };
  }
  return {
    ok: false,
    message: `cannot apply ${op} to ${describeType(left)} and ${describeType(right)}`,
  };
}

/** Evaluates an output cell. Null operands give null; a type clash or division by zero is an error. */
export function evaluateExpression(expression: Expression, scope: Scope): EvaluationResult {
  switch (expression.kind) {
    case 'literal':
      return { ok: true, value: expression.value };
    case 'path':
      return { ok: true, value: resolvePath(expression.path, scope) };
    case 'negate': {
      const operand = evaluateExpression(expression.operand, scope);
      if (!operand.ok || operand.value === null) return operand;
      const value = operand.value;
      if (isTagged(value) && value.kind === 'number')
        return { ok: true, value: feelNumber(negateDecimal(value.value)) };
      return { ok: false, message: `cannot negate ${describeType(value)}` };
    }
    case 'arithmetic': {
      const left = evaluateExpression(expression.left, scope);
      if (!left.ok) return left;
      const right = evaluateExpression(expression.right, scope);
      if (!right.ok) return right;
      return applyArithmetic(expression.op, left.value, right.value);
    }
  }
}
