import type { FormInstance } from 'antd';
import { isApiError, pointerToFieldName } from './apiErrors';

export interface FieldMessage {
  name: string;
  errors: string[];
}

export interface ProblemPlacement {
  /** Errors that belong to a field of the form. */
  fields: FieldMessage[];
  /** What is left for a message next to the form; null when every error found its field. */
  summary: string | null;
}

/**
 * Splits an API problem into per-field errors (for the fields the form has) and a summary.
 * `fallback` is used when the error is not an API problem (network failure, bug).
 */
export function placeProblem(
  error: unknown,
  fieldNames: readonly string[],
  fallback: string,
): ProblemPlacement {
  if (!isApiError(error)) return { fields: [], summary: fallback };
  const byField = new Map<string, string[]>();
  const unplaced: string[] = [];
  for (const { path, message } of error.fieldErrors) {
    const name = pointerToFieldName(path);
    if (name && fieldNames.includes(name))
      byField.set(name, [...(byField.get(name) ?? []), message]);
    else unplaced.push(path ? `${path}: ${message}` : message);
  }
  const fields = [...byField].map(([name, errors]) => ({ name, errors }));
  const detail = error.problem.detail || error.problem.title || fallback;
  const summary = fields.length === 0 ? detail : unplaced.length > 0 ? unplaced.join('; ') : null;
  return { fields, summary };
}

export function showFieldErrors(form: FormInstance, fields: readonly FieldMessage[]): void {
  form.setFields(fields.map(({ name, errors }) => ({ name, errors })));
}
