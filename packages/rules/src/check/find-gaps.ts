import { formatFeelValue } from '../feel/convert.js';
import { typeOfValue, type FeelValue, type ValueType } from '../feel/values.js';
import {
  complementRanges,
  containsRange,
  describeRange,
  isEmptyRange,
  normaliseRange,
  order,
  type Range,
  type ValueSet,
} from './value-sets.js';

export interface GapColumn {
  name: string;
  type?: ValueType;
  /** A finite domain (select options, booleans): gaps are options no rule covers. */
  options?: FeelValue[];
}

/** A piece of a column's domain: a range, or "any text other than those named". */
type Piece = { range: Range } | { otherThan: FeelValue[] };

const MAX_STEPS = 20000;

function endpointsOf(sets: (ValueSet | undefined)[], type: ValueType | null): FeelValue[] {
  const values: FeelValue[] = [];
  for (const set of sets)
    for (const range of set?.ranges ?? [])
      for (const bound of [range.low, range.high])
        if (
          bound &&
          typeOfValue(bound.value) === type &&
          !values.some((value) => order(value, bound.value) === 0)
        )
          values.push(bound.value);
  return values.sort((a, b) => order(a, b) ?? 0);
}

function columnType(column: GapColumn, sets: (ValueSet | undefined)[]): ValueType | null {
  if (column.type && column.type !== 'any') return column.type;
  for (const set of sets)
    for (const range of set?.ranges ?? [])
      for (const bound of [range.low, range.high]) if (bound) return typeOfValue(bound.value);
  return null;
}

function piecesOf(
  column: GapColumn,
  sets: (ValueSet | undefined)[],
): { pieces: Piece[]; ordered: boolean } {
  const point = (value: FeelValue): Piece => ({
    range: { low: { value, closed: true }, high: { value, closed: true } },
  });
  if (column.options && column.options.length > 0)
    return { pieces: column.options.map(point), ordered: false };
  const type = columnType(column, sets);
  if (type === 'boolean') return { pieces: [point(false), point(true)], ordered: false };
  const endpoints = endpointsOf(sets, type);
  if (type === 'string' || (type === null && endpoints.length > 0))
    return { pieces: [...endpoints.map(point), { otherThan: endpoints }], ordered: false };
  if (endpoints.length === 0) return { pieces: [{ range: {} }], ordered: true };
  const pieces: Piece[] = [];
  let previous: FeelValue | undefined;
  for (const value of endpoints) {
    const between = normaliseRange({
      low: previous === undefined ? undefined : { value: previous, closed: false },
      high: { value, closed: false },
    });
    if (isEmptyRange(between) === false) pieces.push({ range: between });
    pieces.push(point(value));
    previous = value;
  }
  pieces.push({ range: normaliseRange({ low: { value: previous ?? null, closed: false } }) });
  return { pieces, ordered: true };
}

function covers(set: ValueSet | undefined, piece: Piece): boolean {
  if (!set) return true;
  if ('range' in piece) return containsRange(set, piece.range);
  // Cofinite sets (`-`, `not("A")`, `!= "A"`) cover "any other text"; finite ones do not.
  return complementRanges(set.ranges).every(
    (range) => range.low && range.high && order(range.low.value, range.high.value) === 0,
  );
}

function describePiece(name: string, piece: Piece): string | undefined {
  if ('range' in piece)
    return piece.range.low || piece.range.high ? describeRange(name, piece.range) : undefined;
  return piece.otherThan.length === 0
    ? undefined
    : `${name} is none of ${piece.otherThan.map(formatFeelValue).join(', ')}`;
}

const sameRules = (a: unknown[], b: unknown[]) =>
  a.length === b.length && a.every((rule, index) => rule === b[index]);

/**
 * Input combinations no rule matches. Each column's domain is cut at every end point the rules
 * use, so each piece is either wholly inside or wholly outside each rule's cell; then the pieces
 * are combined column by column. Returns a description per gap, at most `limit`.
 */
export function findGaps(
  columns: GapColumn[],
  rules: (ValueSet | undefined)[][],
  limit = 10,
): { gaps: string[]; truncated: boolean } {
  const gaps: string[] = [];
  let steps = 0;
  let truncated = false;
  const walk = (column: number, candidates: (ValueSet | undefined)[][], described: string[]) => {
    if (gaps.length >= limit || steps > MAX_STEPS) {
      truncated = true;
      return;
    }
    steps += 1;
    if (candidates.length === 0) {
      gaps.push(described.length > 0 ? described.join(' and ') : 'any input');
      return;
    }
    const info = columns[column];
    if (!info) return;
    const { pieces, ordered } = piecesOf(
      info,
      candidates.map((rule) => rule[column]),
    );
    const groups: { piece: Piece; matching: (ValueSet | undefined)[][] }[] = [];
    for (const piece of pieces) {
      const matching = candidates.filter((rule) => covers(rule[column], piece));
      const last = groups[groups.length - 1];
      // Neighbouring pieces that the same rules cover are one piece: report [1000..5000], not three.
      if (
        ordered &&
        last &&
        'range' in last.piece &&
        'range' in piece &&
        sameRules(last.matching, matching)
      )
        last.piece = { range: { low: last.piece.range.low, high: piece.range.high } };
      else groups.push({ piece, matching });
    }
    for (const { piece, matching } of groups) {
      const text = describePiece(info.name, piece);
      walk(column + 1, matching, text ? [...described, text] : described);
    }
  };
  walk(0, rules, []);
  return { gaps, truncated };
}
