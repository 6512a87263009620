import type { Field, FieldType, FormConditionOperator, FormWidget } from '@formwork/definitions';

const TEXT: ReadonlySet<FieldType> = new Set(['text', 'longtext', 'email', 'phone', 'url']);
const NUMERIC: ReadonlySet<FieldType> = new Set(['integer', 'number', 'money', 'percent']);

export const isTextField = (field: Field) => TEXT.has(field.type);
export const isNumericField = (field: Field) => NUMERIC.has(field.type);

/** The widgets that fit a field's type (NPS and stars score integers). */
export function widgetsFor(field: Field): FormWidget[] {
  if (field.type === 'text' || field.type === 'longtext') return ['default', 'textarea'];
  if (field.type === 'integer') return ['default', 'nps', 'rating'];
  if (field.type === 'select' || field.type === 'boolean') return ['default', 'radio'];
  return ['default'];
}

/** Operators that make sense for the field a condition reads. */
export function operatorsFor(field: Field | undefined): FormConditionOperator[] {
  const presence: FormConditionOperator[] = ['is_empty', 'is_filled'];
  if (!field) return ['eq', 'ne', ...presence];
  if (isNumericField(field)) return ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', ...presence];
  if (field.type === 'select' || field.type === 'multiselect')
    return ['eq', 'ne', 'in', ...presence];
  if (field.type === 'boolean') return ['eq', 'ne', ...presence];
  return ['eq', 'ne', 'in', ...presence];
}

export const operatorTakesValue = (op: FormConditionOperator) =>
  op !== 'is_empty' && op !== 'is_filled';

export function isValidPattern(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
