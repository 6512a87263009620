// No zod here: the public form page runs these in the browser without shipping zod.

/** Operators a form condition may use ("show 投诉详情 when 类型 = 投诉", "require 回访日期 when 满意度 ≤ 6"). */
export const FORM_CONDITION_OPERATORS = [
  'eq',
  'ne',
  'lt',
  'lte',
  'gt',
  'gte',
  'in',
  'is_empty',
  'is_filled',
] as const;
export type FormConditionOperator = (typeof FORM_CONDITION_OPERATORS)[number];

/** A condition on another field's value; `formConditionSchema` validates it where it arrives. */
export interface FormCondition {
  field: string;
  op: FormConditionOperator;
  value?: unknown;
}

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.length === 0);

/** Whether `condition` holds for the data filled in so far (the browser and the server agree). */
export function conditionHolds(condition: FormCondition, data: Record<string, unknown>): boolean {
  const actual = data[condition.field];
  const expected = condition.value;
  switch (condition.op) {
    case 'is_empty':
      return isEmpty(actual);
    case 'is_filled':
      return !isEmpty(actual);
    case 'eq':
      return Array.isArray(actual) ? actual.includes(expected) : actual === expected;
    case 'ne':
      return Array.isArray(actual) ? !actual.includes(expected) : actual !== expected;
    case 'in':
      return Array.isArray(expected) && expected.includes(actual);
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return compares(condition.op, actual, expected);
  }
}

/** Ordering conditions compare numbers only (as JSON Schema's maximum/minimum do). */
function compares(op: 'lt' | 'lte' | 'gt' | 'gte', actual: unknown, expected: unknown): boolean {
  if (typeof actual !== 'number' || typeof expected !== 'number') return false;
  if (op === 'lt') return actual < expected;
  if (op === 'lte') return actual <= expected;
  if (op === 'gt') return actual > expected;
  return actual >= expected;
}

/** A value equals `value`, or (a multi-select) holds it. */
const equalOrContains = (value: unknown) => ({
  anyOf: [{ const: value }, { type: 'array', contains: { const: value } }],
});

/**
 * The same condition as a JSON Schema `if` (draft-07), so that ajv enforces what depends on it
 * ("then required") exactly as the browser's validator does.
 */
export function conditionAsJsonSchema(condition: FormCondition): Record<string, unknown> {
  const { field, op, value } = condition;
  const when = (property: Record<string, unknown>) => ({
    properties: { [field]: property },
    required: [field],
  });
  switch (op) {
    case 'is_empty':
      return { not: { required: [field] } };
    case 'is_filled':
      return { required: [field] };
    case 'eq':
      return when(equalOrContains(value));
    case 'ne':
      return { not: when(equalOrContains(value)) };
    case 'in':
      return when({ enum: Array.isArray(value) ? value : [value] });
    case 'lt':
      return when({ type: 'number', exclusiveMaximum: value });
    case 'lte':
      return when({ type: 'number', maximum: value });
    case 'gt':
      return when({ type: 'number', exclusiveMinimum: value });
    case 'gte':
      return when({ type: 'number', minimum: value });
  }
}
