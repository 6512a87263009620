import {
  COMPARE_OPERATORS,
  type CompareOperator,
  type Operand,
  type ParseResult,
  type PositiveTest,
  type UnaryTests,
} from './ast.js';
import { describeToken } from './lexer.js';
import { column, ParseFailure, TokenStream } from './token-stream.js';

export interface UnaryTestOptions {
  /** Allow input names and paths as operands (`> other_input`). Default true. */
  allowNames?: boolean;
}

const EXPECTED_OPERAND = 'a number or a quoted string';

function readOperand(stream: TokenStream, after: string, options: UnaryTestOptions): Operand {
  const token = stream.peek();
  const operand = stream.readOperand();
  if (!operand) {
    const found = token.kind === 'end' ? '' : `, found ${describeToken(token)}`;
    stream.fail(
      `expected ${EXPECTED_OPERAND} after ${after} at column ${column(token.offset)}${found}`,
    );
  }
  if (operand.kind === 'path' && options.allowNames === false)
    stream.fail(`${operand.path.join('.')} is a name; write a literal such as 5 or "A"`, token);
  return operand;
}

function readInterval(stream: TokenStream, options: UnaryTestOptions): PositiveTest {
  const open = stream.next();
  const low = readOperand(stream, open.text, options);
  stream.expectPunct('..', 'between the two ends of the range');
  const high = readOperand(stream, '..', options);
  const close = stream.peek();
  if (!(close.kind === 'punct' && [']', ')', '['].includes(close.text)))
    stream.fail(
      `expected ] or ) to close the range opened at column ${column(open.offset)}, found ${describeToken(close)}`,
    );
  stream.next();
  return {
    kind: 'interval',
    low,
    high,
    lowClosed: open.text === '[',
    highClosed: close.text === ']',
    offset: open.offset,
    end: close.end,
  };
}

function readTest(stream: TokenStream, options: UnaryTestOptions): PositiveTest {
  const token = stream.peek();
  if (token.kind === 'punct' && (COMPARE_OPERATORS as readonly string[]).includes(token.text)) {
    stream.next();
    const operand = readOperand(stream, token.text, options);
    return {
      kind: 'compare',
      op: token.text as CompareOperator,
      operand,
      offset: token.offset,
      end: operand.end,
    };
  }
  if (token.kind === 'punct' && ['[', '(', ']'].includes(token.text)) {
    return readInterval(stream, options);
  }
  if (token.kind === 'name' && token.text === 'null' && !stream.isPunct('.', 1)) {
    stream.next();
    return { kind: 'null', offset: token.offset, end: token.end };
  }
  if (token.kind === 'end')
    stream.fail(`expected a test such as < 10, [1..5] or "A" at column ${column(token.offset)}`);
  const operand = stream.readOperand();
  if (!operand)
    stream.fail(
      `expected a test such as < 10, [1..5] or "A" at column ${column(token.offset)}, found ${describeToken(token)}`,
    );
  if (operand.kind === 'path' && options.allowNames === false)
    stream.fail(`${operand.path.join('.')} is a name; write a literal such as 5 or "A"`, token);
  return { kind: 'compare', op: '=', operand, offset: operand.offset, end: operand.end };
}

function readTestList(
  stream: TokenStream,
  options: UnaryTestOptions,
  closing?: string,
): PositiveTest[] {
  const tests = [readTest(stream, options)];
  while (stream.isPunct(',')) {
    stream.next();
    tests.push(readTest(stream, options));
  }
  if (closing === undefined) stream.expectEnd(tests.length > 1 ? 'the list of tests' : 'the test');
  return tests;
}

/**
 * Parses one input cell (FEEL unary tests): `-`, `< 10`, `[1..5)`, `"A", "B"`, `not("C")`, `null`.
 * Never throws: a cell that does not parse gives a message and the offset it points at.
 */
export function parseUnaryTests(
  source: string,
  options: UnaryTestOptions = {},
): ParseResult<UnaryTests> {
  const text = source.trim();
  const lead = source.length - source.trimStart().length;
  if (text === '')
    return {
      ok: false,
      error: { message: 'the cell is empty: write - to match any value', offset: 0 },
    };
  if (text === '-') return { ok: true, value: { kind: 'any', offset: lead, end: lead + 1 } };
  try {
    const stream = TokenStream.of(source);
    const first = stream.peek();
    if (first.kind === 'name' && first.text === 'not' && stream.isPunct('(', 1)) {
      stream.next();
      stream.next();
      const tests = readTestList(stream, options, ')');
      const close = stream.expectPunct(
        ')',
        `to close not( opened at column ${column(first.offset)}`,
      );
      stream.expectEnd('not(…)');
      return { ok: true, value: { kind: 'not', tests, offset: first.offset, end: close.end } };
    }
    const tests = readTestList(stream, options);
    const [only] = tests;
    if (tests.length === 1 && only) return { ok: true, value: only };
    const last = tests[tests.length - 1] ?? first;
    return { ok: true, value: { kind: 'disjunction', tests, offset: first.offset, end: last.end } };
  } catch (error) {
    if (error instanceof ParseFailure) return { ok: false, error: error.failure };
    throw error;
  }
}
