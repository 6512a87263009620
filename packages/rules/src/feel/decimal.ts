/**
 * Exact decimals: `coefficient × 10^-scale`. FEEL numbers are decimals, so 0.1 + 0.2 is 0.3
 * and 64.32 is exactly 64.32; a binary float would make both wrong.
 */
export interface Decimal {
  readonly coefficient: bigint;
  readonly scale: number;
}

/** Digits kept by a division, as DMN's decimal128 does. */
const DIVISION_DIGITS = 34;
const DECIMAL_TEXT = /^([+-]?)(\d+)?(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

function normalise(coefficient: bigint, scale: number): Decimal {
  if (coefficient === 0n) return { coefficient: 0n, scale: 0 };
  while (scale > 0 && coefficient % 10n === 0n) {
    coefficient /= 10n;
    scale -= 1;
  }
  while (scale < 0) {
    coefficient *= 10n;
    scale += 1;
  }
  return { coefficient, scale };
}

/** Parses `12`, `-0.5`, `.5`, `1e3`; undefined for anything else. */
export function parseDecimal(text: string): Decimal | undefined {
  const match = DECIMAL_TEXT.exec(text.trim());
  if (!match || (match[2] === undefined && match[3] === undefined)) return undefined;
  const [, sign, whole = '', fraction = '', exponent = '0'] = match;
  const coefficient = BigInt((whole + fraction).replace(/^0+(?=\d)/, '') || '0');
  return normalise(sign === '-' ? -coefficient : coefficient, fraction.length - Number(exponent));
}

/** The decimal a JS number prints as (its shortest round-tripping form), not its binary value. */
export function decimalFromNumber(value: number): Decimal | undefined {
  return Number.isFinite(value) ? parseDecimal(String(value)) : undefined;
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [
    a.coefficient * 10n ** BigInt(scale - a.scale),
    b.coefficient * 10n ** BigInt(scale - b.scale),
    scale,
  ];
}

export function addDecimals(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return normalise(x + y, scale);
}

export function subtractDecimals(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return normalise(x - y, scale);
}

export function multiplyDecimals(a: Decimal, b: Decimal): Decimal {
  return normalise(a.coefficient * b.coefficient, a.scale + b.scale);
}

/** undefined when dividing by zero; otherwise rounded half-even to 34 significant digits. */
export function divideDecimals(a: Decimal, b: Decimal): Decimal | undefined {
  if (b.coefficient === 0n) return undefined;
  if (a.coefficient === 0n) return normalise(0n, 0);
  const digits = (n: bigint) => (n < 0n ? -n : n).toString().length;
  const extra = Math.max(0, DIVISION_DIGITS - digits(a.coefficient) + digits(b.coefficient) + 1);
  const numerator = a.coefficient * 10n ** BigInt(extra);
  let quotient = numerator / b.coefficient;
  const remainder = numerator % b.coefficient;
  let scale = a.scale - b.scale + extra;
  // Round half-even to DIVISION_DIGITS significant digits.
  const excess = digits(quotient) - DIVISION_DIGITS;
  if (excess > 0) {
    const unit = 10n ** BigInt(excess);
    const negative = quotient < 0n;
    const magnitude = negative ? -quotient : quotient;
    let kept = magnitude / unit;
    const rest = magnitude % unit;
    const half = unit / 2n;
    const beyond = rest > half || (rest === half && (remainder !== 0n || kept % 2n === 1n));
    if (beyond) kept += 1n;
    quotient = negative ? -kept : kept;
    scale -= excess;
  }
  return normalise(quotient, scale);
}

export function negateDecimal(a: Decimal): Decimal {
  return { coefficient: -a.coefficient, scale: a.scale };
}

export function compareDecimals(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function formatDecimal(a: Decimal): string {
  const negative = a.coefficient < 0n;
  const digits = (negative ? -a.coefficient : a.coefficient).toString();
  if (a.scale === 0) return (negative ? '-' : '') + digits;
  const padded = digits.padStart(a.scale + 1, '0');
  const point = padded.length - a.scale;
  return (negative ? '-' : '') + padded.slice(0, point) + '.' + padded.slice(point);
}

export function decimalToNumber(a: Decimal): number {
  return Number(formatDecimal(a));
}

export function isIntegerDecimal(a: Decimal): boolean {
  return a.scale === 0;
}
