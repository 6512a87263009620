import type { PositiveTest, UnaryTests } from '../feel/ast.js';
import { formatFeelValue } from '../feel/convert.js';
import {
  compareValues,
  epochDay,
  isTagged,
  type FeelDate,
  type FeelValue,
} from '../feel/values.js';

/** One end of a range; undefined on a Range side means unbounded. */
export interface Bound {
  value: FeelValue;
  closed: boolean;
}
export interface Range {
  low?: Bound;
  high?: Bound;
}
/** The values a cell accepts, as a union of ranges over the column's order, plus null or not. */
export interface ValueSet {
  ranges: Range[];
  includesNull: boolean;
}

/** Orders values for set reasoning: FEEL's order, and false < true. */
export function order(a: FeelValue, b: FeelValue): -1 | 0 | 1 | null {
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  return compareValues(a, b);
}

function dateFromEpochDay(days: number): FeelDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { kind: 'date', year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Dates are whole days: an open end becomes the closed neighbouring day, so (d..d+1) is empty. */
function closeDateBound(bound: Bound | undefined, step: 1 | -1): Bound | undefined {
  if (!bound || bound.closed || !isTagged(bound.value) || bound.value.kind !== 'date') return bound;
  return { value: dateFromEpochDay(epochDay(bound.value) + step), closed: true };
}

export function normaliseRange(range: Range): Range {
  return { low: closeDateBound(range.low, 1), high: closeDateBound(range.high, -1) };
}

/** undefined when the bounds cannot be ordered (values of different types). */
export function isEmptyRange(range: Range): boolean | undefined {
  if (!range.low || !range.high) return false;
  const comparison = order(range.low.value, range.high.value);
  if (comparison === null) return undefined;
  return comparison > 0 || (comparison === 0 && !(range.low.closed && range.high.closed));
}

function maxLow(a: Bound | undefined, b: Bound | undefined): Bound | undefined | null {
  if (!a) return b;
  if (!b) return a;
  const comparison = order(a.value, b.value);
  if (comparison === null) return null;
  if (comparison !== 0) return comparison > 0 ? a : b;
  return a.closed ? b : a;
}

function minHigh(a: Bound | undefined, b: Bound | undefined): Bound | undefined | null {
  if (!a) return b;
  if (!b) return a;
  const comparison = order(a.value, b.value);
  if (comparison === null) return null;
  if (comparison !== 0) return comparison < 0 ? a : b;
  return a.closed ? b : a;
}

/** The common part of two ranges; undefined when they do not meet (or cannot be compared). */
export function intersectRanges(a: Range, b: Range): Range | undefined {
  const low = maxLow(a.low, b.low);
  const high = minHigh(a.high, b.high);
  if (low === null || high === null) return undefined;
  const range = { low, high };
  return isEmptyRange(range) === false ? range : undefined;
}

const point = (value: FeelValue): Range => ({
  low: { value, closed: true },
  high: { value, closed: true },
});

function positiveSet(test: PositiveTest): ValueSet | undefined {
  if (test.kind === 'null') return { ranges: [], includesNull: true };
  if (test.kind === 'interval') {
    if (test.low.kind !== 'literal' || test.high.kind !== 'literal') return undefined;
    return {
      ranges: [
        normaliseRange({
          low: { value: test.low.value, closed: test.lowClosed },
          high: { value: test.high.value, closed: test.highClosed },
        }),
      ],
      includesNull: false,
    };
  }
  if (test.operand.kind !== 'literal') return undefined;
  const value = test.operand.value;
  if (value === null)
    return test.op === '='
      ? { ranges: [], includesNull: true }
      : test.op === '!='
        ? { ranges: [{}], includesNull: false }
        : { ranges: [], includesNull: false };
  const ranges: Record<typeof test.op, Range[]> = {
    '=': [point(value)],
    '!=': [{ high: { value, closed: false } }, { low: { value, closed: false } }],
    '<': [{ high: { value, closed: false } }],
    '<=': [{ high: { value, closed: true } }],
    '>': [{ low: { value, closed: false } }],
    '>=': [{ low: { value, closed: true } }],
  };
  return { ranges: ranges[test.op].map(normaliseRange), includesNull: false };
}

function union(sets: ValueSet[]): ValueSet {
  return {
    ranges: sets.flatMap((set) => set.ranges),
    includesNull: sets.some((set) => set.includesNull),
  };
}

/** The complement of a union of ranges: the gaps between them, in order. */
export function complementRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) =>
    !a.low ? -1 : !b.low ? 1 : (order(a.low.value, b.low.value) ?? 0),
  );
  const result: Range[] = [];
  let gapLow: Bound | undefined;
  for (const range of sorted) {
    if (range.low) {
      const gap = normaliseRange({
        low: gapLow,
        high: { value: range.low.value, closed: !range.low.closed },
      });
      if (isEmptyRange(gap) === false) result.push(gap);
    }
    if (!range.high) return result;
    gapLow = maxLow(gapLow, { value: range.high.value, closed: !range.high.closed }) ?? gapLow;
  }
  result.push(normaliseRange({ low: gapLow }));
  return result;
}

/** The set a cell accepts; undefined when it depends on other inputs (names as operands). */
export function valueSetOf(tests: UnaryTests): ValueSet | undefined {
  switch (tests.kind) {
    case 'any':
      return { ranges: [{}], includesNull: true };
    case 'compare':
    case 'interval':
    case 'null':
      return positiveSet(tests);
    case 'disjunction':
    case 'not': {
      const sets = tests.tests.map(positiveSet);
      if (sets.some((set) => set === undefined)) return undefined;
      const positive = union(sets as ValueSet[]);
      if (tests.kind === 'disjunction') return positive;
      return { ranges: complementRanges(positive.ranges), includesNull: !positive.includesNull };
    }
  }
}

/** Some value both sets accept (a range of them), or undefined when they are disjoint. */
export function intersectSets(
  a: ValueSet,
  b: ValueSet,
): { range?: Range; null?: true } | undefined {
  for (const left of a.ranges)
    for (const right of b.ranges) {
      const range = intersectRanges(left, right);
      if (range) return { range };
    }
  return a.includesNull && b.includesNull ? { null: true } : undefined;
}

export function containsRange(set: ValueSet, piece: Range): boolean {
  return set.ranges.some((range) => {
    const common = intersectRanges(range, piece);
    if (!common) return false;
    const sameLow = !piece.low
      ? !common.low
      : common.low &&
        order(common.low.value, piece.low.value) === 0 &&
        common.low.closed === piece.low.closed;
    const sameHigh = !piece.high
      ? !common.high
      : common.high &&
        order(common.high.value, piece.high.value) === 0 &&
        common.high.closed === piece.high.closed;
    return Boolean(sameLow) && Boolean(sameHigh);
  });
}

/** `total_amount in [1000..5000)`, `city = "上海"`, `age < 18`. */
export function describeRange(name: string, range: Range): string {
  const { low, high } = range;
  if (!low && !high) return `${name} is anything`;
  if (low && high && order(low.value, high.value) === 0)
    return `${name} = ${formatFeelValue(low.value)}`;
  if (!low && high) return `${name} ${high.closed ? '<=' : '<'} ${formatFeelValue(high.value)}`;
  if (low && !high) return `${name} ${low.closed ? '>=' : '>'} ${formatFeelValue(low.value)}`;
  if (!low || !high) return name;
  return `${name} in ${low.closed ? '[' : '('}${formatFeelValue(low.value)}..${formatFeelValue(high.value)}${high.closed ? ']' : ')'}`;
}
