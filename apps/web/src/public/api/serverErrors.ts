import type { ErrorSchema } from '@rjsf/utils';
import type { ServerFieldError } from './publicFormApi';

export interface SplitServerErrors {
  /** Per field, as RJSF shows them inline. */
  byField: ErrorSchema;
  fields: string[];
  /** Errors that name no field of the form: shown above the buttons. */
  general: string[];
}

const FIELD_PATH = /^\/data\/([^/]+)/;

const unescapePointer = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/** Turns the engine's 422 (`path: "/data/<field>"`) into inline errors per field. */
export function splitServerErrors(
  errors: ServerFieldError[],
  fieldNames: ReadonlySet<string>,
): SplitServerErrors {
  const byField: Record<string, { __errors: string[] }> = {};
  const general: string[] = [];
  for (const error of errors) {
    const match = FIELD_PATH.exec(error.path ?? '');
    const field = match?.[1] ? unescapePointer(match[1]) : undefined;
    if (field && fieldNames.has(field))
      (byField[field] ??= { __errors: [] }).__errors.push(error.message);
    else general.push(error.message);
  }
  return { byField: byField as ErrorSchema, fields: Object.keys(byField), general };
}
