import type { ArithmeticOperator, Expression, ParseResult } from './ast.js';
import { negateDecimal } from './decimal.js';
import { describeToken } from './lexer.js';
import { feelNumber, isTagged } from './values.js';
import { column, ParseFailure, TokenStream } from './token-stream.js';

function readPrimary(stream: TokenStream): Expression {
  const token = stream.peek();
  if (token.kind === 'punct' && token.text === '(') {
    stream.next();
    const inner = readSum(stream);
    const close = stream.expectPunct(')', `to close the ( at column ${column(token.offset)}`);
    return { ...inner, offset: token.offset, end: close.end };
  }
  if (token.kind === 'punct' && token.text === '-') {
    stream.next();
    const operand = readPrimary(stream);
    const value = operand.kind === 'literal' ? operand.value : null;
    if (value !== null && isTagged(value) && value.kind === 'number')
      return {
        kind: 'literal',
        value: feelNumber(negateDecimal(value.value)),
        offset: token.offset,
        end: operand.end,
      };
    return { kind: 'negate', operand, offset: token.offset, end: operand.end };
  }
  const operand = stream.readOperand();
  if (!operand) {
    const found = token.kind === 'end' ? 'the cell ends' : `found ${describeToken(token)}`;
    stream.fail(`expected a value, a name or ( at column ${column(token.offset)}, ${found}`);
  }
  return operand;
}

function readBinary(
  stream: TokenStream,
  operators: readonly ArithmeticOperator[],
  readOperand: (stream: TokenStream) => Expression,
): Expression {
  let left = readOperand(stream);
  for (;;) {
    const token = stream.peek();
    if (token.kind !== 'punct' || !(operators as readonly string[]).includes(token.text))
      return left;
    stream.next();
    const right = readOperand(stream);
    left = {
      kind: 'arithmetic',
      op: token.text as ArithmeticOperator,
      left,
      right,
      offset: left.offset,
      end: right.end,
    };
  }
}

const readProduct = (stream: TokenStream) => readBinary(stream, ['*', '/'], readPrimary);
const readSum = (stream: TokenStream) => readBinary(stream, ['+', '-'], readProduct);

/**
 * Parses an output cell: a literal (`"A"`, `3`, `true`, `null`, `date("2024-01-31")`), an input
 * name, or `+ - * /` with parentheses and unary minus over them. Never throws.
 */
export function parseExpression(source: string): ParseResult<Expression> {
  if (source.trim() === '')
    return {
      ok: false,
      error: { message: 'the cell is empty: write null for no value', offset: 0 },
    };
  try {
    const stream = TokenStream.of(source);
    const expression = readSum(stream);
    stream.expectEnd('the expression');
    return { ok: true, value: expression };
  } catch (error) {
    if (error instanceof ParseFailure) return { ok: false, error: error.failure };
    throw error;
  }
}
