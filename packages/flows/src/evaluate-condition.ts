import { isCondition, type Filter, type FilterCondition } from '@formwork/definitions';

/** What a flow instance knows: the record it runs for, its start input, and each task's or step's result. */
export interface FlowContext {
  record: Record<string, unknown>;
  input: Record<string, unknown>;
  tasks: Record<string, Record<string, unknown>>;
}

/** Reads `record.customer.city` from the context; undefined when any part is missing. */
export function readContextPath(context: FlowContext, field: string): unknown {
  let value: unknown = context;
  for (const part of field.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

const isMissing = (value: unknown) => value === null || value === undefined;
const isNumeric = (value: unknown) =>
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)));

/**
 * Compares like the records query does in SQL: money written as "12.50" equals 12.5, dates and
 * datetimes compare as their ISO text. Null when the two cannot be compared.
 */
function compare(actual: unknown, expected: unknown): number | null {
  if (isMissing(actual) || isMissing(expected)) return null;
  if (
    (typeof actual === 'number' || typeof expected === 'number') &&
    isNumeric(actual) &&
    isNumeric(expected)
  )
    return Math.sign(Number(actual) - Number(expected));
  if (typeof actual === 'string' && typeof expected === 'string')
    return actual < expected ? -1 : actual > expected ? 1 : 0;
  if (typeof actual === 'boolean' && typeof expected === 'boolean')
    return Number(actual) - Number(expected);
  return null;
}

const equals = (actual: unknown, expected: unknown): boolean => {
  if (Array.isArray(actual) && Array.isArray(expected))
    return (
      actual.length === expected.length && actual.every((item, at) => equals(item, expected[at]))
    );
  return compare(actual, expected) === 0;
};

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);
const lower = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : String(value));

function test(condition: FilterCondition, actual: unknown): boolean {
  const expected = condition.value;
  switch (condition.op) {
    case 'eq':
      return equals(actual, expected);
    case 'ne':
      // IS DISTINCT FROM: a missing value differs from any value.
      return isMissing(actual) ? !isMissing(expected) : !equals(actual, expected);
    case 'lt':
      return (compare(actual, expected) ?? 0) < 0;
    case 'lte': {
      const order = compare(actual, expected);
      return order !== null && order <= 0;
    }
    case 'gt':
      return (compare(actual, expected) ?? 0) > 0;
    case 'gte': {
      const order = compare(actual, expected);
      return order !== null && order >= 0;
    }
    case 'in':
      return asList(expected).some((item) => equals(actual, item));
    case 'nin':
      return !asList(expected).some((item) => equals(actual, item));
    case 'contains':
      if (Array.isArray(actual))
        return asList(expected).every((item) => actual.some((value) => equals(value, item)));
      if (isMissing(actual) || isMissing(expected)) return false;
      return lower(actual).includes(lower(expected));
    case 'starts':
      if (isMissing(actual) || isMissing(expected)) return false;
      return lower(actual).startsWith(lower(expected));
    case 'between': {
      if (!Array.isArray(expected) || expected.length !== 2) return false;
      const low = compare(actual, expected[0]);
      const high = compare(actual, expected[1]);
      return low !== null && high !== null && low >= 0 && high <= 0;
    }
    case 'is_null': {
      const empty = isMissing(actual) || (Array.isArray(actual) && actual.length === 0);
      return expected === false ? !empty : empty;
    }
  }
}

/**
 * Evaluates a decision condition over an instance's context, with the operators and null rules of
 * the records filter (`ne` and `nin` hold for a missing value, every other comparison fails on it;
 * `contains` and `starts` ignore case). Pure: the engine's guard and the simulator share it.
 */
export function evaluateCondition(filter: Filter, context: FlowContext): boolean {
  if (isCondition(filter)) return test(filter, readContextPath(context, filter.field));
  if ('and' in filter) return filter.and.every((child) => evaluateCondition(child, context));
  if ('or' in filter) return filter.or.some((child) => evaluateCondition(child, context));
  return !evaluateCondition(filter.not, context);
}
