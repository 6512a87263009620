import { compareDecimals, decimalFromNumber, type Decimal, parseDecimal } from './decimal.js';

/** FEEL's built-in types, by their FEEL names. `any` is a column that accepts every value. */
export const VALUE_TYPES = [
  'number',
  'string',
  'boolean',
  'date',
  'date and time',
  'time',
  'days and time duration',
  'years and months duration',
  'any',
] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export interface FeelNumber {
  readonly kind: 'number';
  readonly value: Decimal;
}
export interface FeelDate {
  readonly kind: 'date';
  readonly year: number;
  readonly month: number;
  readonly day: number;
}
/** `seconds` since midnight (may have a fraction); `offset` in seconds east of UTC, null when local. */
export interface FeelTime {
  readonly kind: 'time';
  readonly seconds: Decimal;
  readonly offset: number | null;
}
export interface FeelDateTime {
  readonly kind: 'date and time';
  readonly date: FeelDate;
  readonly time: FeelTime;
}
export interface FeelDaysDuration {
  readonly kind: 'days and time duration';
  readonly seconds: Decimal;
}
export interface FeelMonthsDuration {
  readonly kind: 'years and months duration';
  readonly months: number;
}
export interface FeelContext {
  readonly kind: 'context';
  readonly entries: Readonly<Record<string, FeelValue>>;
}
export type FeelValue =
  | null
  | boolean
  | string
  | FeelNumber
  | FeelDate
  | FeelTime
  | FeelDateTime
  | FeelDaysDuration
  | FeelMonthsDuration
  | FeelContext
  | readonly FeelValue[];

export const feelNumber = (value: Decimal): FeelNumber => ({ kind: 'number', value });
export const feelContext = (entries: Record<string, FeelValue>): FeelContext => ({
  kind: 'context',
  entries,
});

export function isFeelList(value: FeelValue): value is readonly FeelValue[] {
  return Array.isArray(value);
}

type TaggedValue = Exclude<FeelValue, null | boolean | string | readonly FeelValue[]>;
export function isTagged(value: FeelValue): value is TaggedValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The FEEL type of a value; null has none. Lists and contexts are reported as `any`. */
export function typeOfValue(value: FeelValue): ValueType | null {
  if (value === null) return null;
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  if (isFeelList(value) || value.kind === 'context') return 'any';
  return value.kind;
}

/** Days since 1970-01-01 in the proleptic Gregorian calendar. */
export function epochDay(date: FeelDate): number {
  const y = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5) + date.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function compareNumbers(a: number, b: number): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

function instantOf(value: FeelDateTime): Decimal {
  const day = BigInt(epochDay(value.date)) * 86400n;
  const { coefficient, scale } = value.time.seconds;
  const offset = BigInt(value.time.offset ?? 0);
  return { coefficient: coefficient + (day - offset) * 10n ** BigInt(scale), scale };
}

function compareTimes(a: FeelTime, b: FeelTime): -1 | 0 | 1 | null {
  if ((a.offset === null) !== (b.offset === null)) return null;
  const shift = (time: FeelTime) => ({
    coefficient:
      time.seconds.coefficient - BigInt(time.offset ?? 0) * 10n ** BigInt(time.seconds.scale),
    scale: time.seconds.scale,
  });
  return compareDecimals(shift(a), shift(b));
}

/**
 * Orders two values of the same ordered type: -1, 0, 1; null when FEEL does not define an order
 * (different types, booleans, a local and a zoned date-time, lists, contexts).
 */
export function compareValues(a: FeelValue, b: FeelValue): -1 | 0 | 1 | null {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (!isTagged(a) || !isTagged(b) || a.kind !== b.kind) return null;
  switch (a.kind) {
    case 'number':
      return compareDecimals(a.value, (b as FeelNumber).value);
    case 'date':
      return compareNumbers(epochDay(a), epochDay(b as FeelDate));
    case 'time':
      return compareTimes(a, b as FeelTime);
    case 'date and time': {
      const other = b as FeelDateTime;
      if ((a.time.offset === null) !== (other.time.offset === null)) return null;
      return compareDecimals(instantOf(a), instantOf(other));
    }
    case 'days and time duration':
      return compareDecimals(a.seconds, (b as FeelDaysDuration).seconds);
    case 'years and months duration':
      return compareNumbers(a.months, (b as FeelMonthsDuration).months);
    case 'context':
      return null;
  }
}

/** FEEL `=`: true/false for values of one type, null when the types differ (null = null is true). */
export function valuesEqual(a: FeelValue, b: FeelValue): boolean | null {
  if (a === null || b === null) return a === b;
  if (typeof a === 'boolean' || typeof b === 'boolean')
    return typeof a === typeof b ? a === b : null;
  if (isFeelList(a) || isFeelList(b)) {
    if (!isFeelList(a) || !isFeelList(b)) return null;
    if (a.length !== b.length) return false;
    let equal: boolean | null = true;
    a.forEach((item, index) => {
      const result = valuesEqual(item, b[index] ?? null);
      if (result === false) equal = false;
      else if (result === null && equal) equal = null;
    });
    return equal;
  }
  if (
    typeof a !== 'string' &&
    typeof b !== 'string' &&
    a.kind === 'context' &&
    b.kind === 'context'
  ) {
    const keys = Object.keys(a.entries);
    if (keys.length !== Object.keys(b.entries).length) return false;
    return keys.every(
      (key) =>
        key in b.entries && valuesEqual(a.entries[key] ?? null, b.entries[key] ?? null) === true,
    );
  }
  const order = compareValues(a, b);
  return order === null ? null : order === 0;
}

export { compareDecimals, decimalFromNumber, parseDecimal };
