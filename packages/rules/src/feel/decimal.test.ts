import { describe, expect, it } from '@jest/globals';
import {
  addDecimals,
  compareDecimals,
  decimalFromNumber,
  divideDecimals,
  formatDecimal,
  multiplyDecimals,
  parseDecimal,
  subtractDecimals,
} from './decimal.js';

const d = (text: string) => {
  const value = parseDecimal(text);
  if (!value) throw new Error(`bad decimal ${text}`);
  return value;
};

describe('decimals', () => {
  it.each([
    ['12', '12'],
    ['-0.50', '-0.5'],
    ['.5', '0.5'],
    ['1e3', '1000'],
    ['1.5E-2', '0.015'],
    ['007.100', '7.1'],
  ])('parses %s as %s', (text, formatted) => expect(formatDecimal(d(text))).toBe(formatted));

  it.each(['', '.', 'abc', '1..2', '1e'])('rejects %j', (text) =>
    expect(parseDecimal(text)).toBeUndefined(),
  );

  it.each<[string, string, string, string]>([
    ['+', '0.1', '0.2', '0.3'],
    ['-', '1', '0.9', '0.1'],
    ['*', '1.1', '1.1', '1.21'],
    ['/', '1', '4', '0.25'],
    ['/', '10', '4', '2.5'],
    ['/', '1', '3', '0.3333333333333333333333333333333333'],
    ['/', '2', '3', '0.6666666666666666666666666666666667'],
  ])('%s: %s and %s give %s', (op, a, b, result) => {
    const apply = {
      '+': addDecimals,
      '-': subtractDecimals,
      '*': multiplyDecimals,
      '/': divideDecimals,
    }[op];
    const value = apply?.(d(a), d(b));
    expect(value && formatDecimal(value)).toBe(result);
  });

  it('refuses to divide by zero', () => expect(divideDecimals(d('1'), d('0.00'))).toBeUndefined());

  it('compares by value, whatever the scale', () => {
    expect(compareDecimals(d('64.320'), d('64.32'))).toBe(0);
    expect(compareDecimals(d('-1'), d('0.001'))).toBe(-1);
    expect(compareDecimals(d('1100'), d('1.1e3'))).toBe(0);
  });

  it('reads a JS number as the decimal it prints as', () => {
    expect(formatDecimal(decimalFromNumber(0.1) ?? d('0'))).toBe('0.1');
    expect(decimalFromNumber(Number.NaN)).toBeUndefined();
  });
});
