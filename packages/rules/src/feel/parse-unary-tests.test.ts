import { describe, expect, it } from '@jest/globals';
import { formatFeelValue } from './convert.js';
import type { Operand, PositiveTest, UnaryTests } from './ast.js';
import { parseUnaryTests } from './parse-unary-tests.js';

/** A compact rendering of the AST, to keep the table readable. */
function show(tests: UnaryTests): string {
  const operand = (o: Operand) =>
    o.kind === 'literal' ? formatFeelValue(o.value) : `$${o.path.join('.')}`;
  const positive = (test: PositiveTest): string => {
    switch (test.kind) {
      case 'null':
        return 'null?';
      case 'compare':
        return `${test.op}${operand(test.operand)}`;
      case 'interval':
        return `${test.lowClosed ? '[' : '('}${operand(test.low)}..${operand(test.high)}${test.highClosed ? ']' : ')'}`;
    }
  };
  switch (tests.kind) {
    case 'any':
      return 'any';
    case 'disjunction':
      return `or(${tests.tests.map(positive).join(' ')})`;
    case 'not':
      return `not(${tests.tests.map(positive).join(' ')})`;
    default:
      return positive(tests);
  }
}

describe('parseUnaryTests', () => {
  it.each([
    ['-', 'any'],
    [' - ', 'any'],
    ['>= 5000000', '>=5000000'],
    ['<-1.5', '<-1.5'],
    ['[1000000..5000000)', '[1000000..5000000)'],
    ['(1..2]', '(1..2]'],
    [']1..2[', '(1..2)'],
    ['[-5..-1]', '[-5..-1]'],
    ['"北京","上海"', 'or(="北京" ="上海")'],
    ['"say \\"hi\\"\\n"', '="say \\"hi\\"\\n"'],
    ['not("C")', 'not(="C")'],
    ['not(< 5, > 10)', 'not(<5 >10)'],
    ['null', 'null?'],
    ['!= null', '!=null'],
    ['true', '=true'],
    ['false', '=false'],
    ['date("2016-10-01")', '=date("2016-10-01")'],
    ['> date and time("2018-07-30T16:12:00Z")', '>date and time("2018-07-30T16:12:00Z")'],
    ['<= duration("P1DT2H")', '<=duration("P1DT2H")'],
    ['< duration("P1Y2M")', '<duration("P1Y")'.replace('P1Y', 'P1Y2M')],
    ['< 18, >= 60', 'or(<18 >=60)'],
    ['> Complex.aNumber', '>$Complex.aNumber'],
    ['[numB..numC]', '[$numB..$numC]'],
    ['Years of Service', '=$Years of Service'],
  ])('parses %j', (cell, expected) => {
    const result = parseUnaryTests(cell);
    expect(result.ok ? show(result.value) : result.error).toBe(expected);
  });

  it.each([
    ['>= ', 'expected a number or a quoted string after >= at column 4', 3],
    ['>= )', 'expected a number or a quoted string after >= at column 4, found ")"', 3],
    ['', 'the cell is empty: write - to match any value', 0],
    [
      '[1..5',
      'expected ] or ) to close the range opened at column 1, found the end of the cell',
      5,
    ],
    ['[1 5]', 'expected ".." between the two ends of the range at column 4, found the number 5', 3],
    ['"abc', 'this string has no closing "', 0],
    ['"a" "b"', 'unexpected the string "b" at column 5 after the test', 4],
    [
      'not("C"',
      'expected ")" to close not( opened at column 1 at column 8, found the end of the cell',
      7,
    ],
    ['date("2023-02-30")', '"2023-02-30" is not a valid date at column 6', 5],
    ['> #', 'unexpected character #', 2],
    ['"x\\q"', 'unknown escape \\q in a string', 2],
    ['1,', 'expected a test such as < 10, [1..5] or "A" at column 3', 2],
  ])('reports %j', (cell, message, offset) => {
    expect(parseUnaryTests(cell)).toEqual({ ok: false, error: { message, offset } });
  });

  it('refuses names when asked to', () => {
    const result = parseUnaryTests('> limit', { allowNames: false });
    expect(result.ok).toBe(false);
  });

  it('keeps spans for the editor', () => {
    const result = parseUnaryTests('  < 10');
    expect(result.ok && result.value).toMatchObject({ kind: 'compare', offset: 2, end: 6 });
  });
});
