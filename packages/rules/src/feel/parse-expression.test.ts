import { describe, expect, it } from '@jest/globals';
import type { Expression } from './ast.js';
import { formatFeelValue } from './convert.js';
import { parseExpression } from './parse-expression.js';

function show(expression: Expression): string {
  switch (expression.kind) {
    case 'literal':
      return formatFeelValue(expression.value);
    case 'path':
      return expression.path.join('.');
    case 'negate':
      return `(-${show(expression.operand)})`;
    case 'arithmetic':
      return `(${show(expression.left)} ${expression.op} ${show(expression.right)})`;
  }
}

describe('parseExpression', () => {
  it.each([
    ['"A"', '"A"'],
    ['3', '3'],
    ['-3.5', '-3.5'],
    ['true', 'true'],
    ['null', 'null'],
    ['date("2024-01-31")', 'date("2024-01-31")'],
    ['total_amount * 0.1', '(total_amount * 0.1)'],
    ['a + b * c', '(a + (b * c))'],
    ['(a + b) * c', '((a + b) * c)'],
    ['a - b - c', '((a - b) - c)'],
    ['-(a / 2)', '(-(a / 2))'],
    ['Base Days + Extra Days', '(Base Days + Extra Days)'],
    ['customer.credit / 12', '(customer.credit / 12)'],
  ])('parses %j', (cell, expected) => {
    const result = parseExpression(cell);
    expect(result.ok ? show(result.value) : result.error.message).toBe(expected);
  });

  it.each([
    ['', 'the cell is empty: write null for no value', 0],
    ['a +', 'expected a value, a name or ( at column 4, the cell ends', 3],
    ['(a + 1', 'expected ")" to close the ( at column 1 at column 7, found the end of the cell', 6],
    ['1 2', 'unexpected the number 2 at column 3 after the expression', 2],
    ['[1, 2]', 'expected a value, a name or ( at column 1, found "["', 0],
  ])('reports %j', (cell, message, offset) => {
    expect(parseExpression(cell)).toEqual({ ok: false, error: { message, offset } });
  });
});
