import { describe, expect, it } from '@jest/globals';
import { toFeelValue, toJsonValue } from './convert.js';
import { evaluateExpression, matchesUnaryTests, scopeOf } from './evaluate.js';
import { parseExpression } from './parse-expression.js';
import { parseUnaryTests } from './parse-unary-tests.js';
import type { ValueType } from './values.js';

const scope = scopeOf({
  limit: toFeelValue(100),
  start: toFeelValue('2024-01-01', 'date'),
  customer: toFeelValue({ city: '上海', credit: 1200 }),
});

describe('matchesUnaryTests', () => {
  it.each<[string, unknown, ValueType | undefined, boolean]>([
    ['-', null, undefined, true],
    ['>= 5000000', 5000000, 'number', true],
    ['>= 5000000', '4999999.99', 'number', false],
    ['[1000000..5000000)', 5000000, 'number', false],
    ['[1000000..5000000)', 1000000, 'number', true],
    [']1..2]', 1, 'number', false],
    ['0.3', '0.30', 'number', true],
    ['"北京","上海"', '上海', 'string', true],
    ['"北京","上海"', '广州', 'string', false],
    ['not("C")', 'A', 'string', true],
    ['not("C")', 'C', 'string', false],
    ['not("C")', null, 'string', true],
    ['not(< 5)', null, 'number', false],
    ['< 5', null, 'number', false],
    ['null', null, undefined, true],
    ['null', 0, undefined, false],
    ['!= null', 0, 'number', true],
    ['"5"', 5, 'number', false],
    ['true', true, 'boolean', true],
    ['> date("2016-10-01")', '2016-11-01', 'date', true],
    ['<= date("2016-10-01")', '2016-10-01', 'date', true],
    [
      '> date and time("2024-01-01T00:00:00Z")',
      '2024-01-01T08:00:00+08:00',
      'date and time',
      false,
    ],
    ['> date and time("2024-01-01T00:00:00Z")', '2024-01-01T08:00:01+08:00', 'date and time', true],
    ['< duration("P1D")', 'PT23H', 'days and time duration', true],
    ['< duration("P1Y")', 'P11M', 'years and months duration', true],
    ['< limit', 99, 'number', true],
    ['>= start', '2023-12-31', 'date', false],
    ['customer.city', '上海', 'string', true],
  ])('%s against %j (%s) is %s', (cell, value, type, expected) => {
    const parsed = parseUnaryTests(cell);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(matchesUnaryTests(parsed.value, toFeelValue(value, type), scope)).toBe(expected);
  });
});

describe('evaluateExpression', () => {
  it.each<[string, unknown]>([
    ['0.1 + 0.2', 0.3],
    ['limit * 1.1', 110],
    ['-limit + 1', -99],
    ['customer.credit / 12', 100],
    ['(limit - 50) / 4', 12.5],
    ['"A" + "B"', 'AB'],
    ['missing + 1', null],
    ['duration("P1D") + duration("PT1H")', 'P1DT1H'],
  ])('%s is %j', (cell, expected) => {
    const parsed = parseExpression(cell);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const result = evaluateExpression(parsed.value, scope);
    expect(result.ok && toJsonValue(result.value)).toEqual(expected);
  });

  it.each([
    ['limit / 0', 'division by zero'],
    ['limit / (limit - 100)', 'division by zero'],
    ['"A" + 1', 'cannot apply + to a string and a number'],
    ['-"A"', 'cannot negate a string'],
  ])('%s fails with %j', (cell, message) => {
    const parsed = parseExpression(cell);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(evaluateExpression(parsed.value, scope)).toEqual({ ok: false, message });
  });
});
