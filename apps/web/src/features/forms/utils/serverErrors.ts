import type { ErrorSchema } from '@rjsf/utils';
import { isApiError } from '../../../lib/apiErrors';

export interface PlacedSubmissionErrors {
  /** Errors of fields on the form, for RJSF's `extraErrors`. */
  byField: ErrorSchema;
  /** Errors of nothing on the form. */
  unplaced: string[];
}

const DATA_PATH = /^\/data\/([^/]+)/;

/** The engine's 422 `errors` (`/data/<field>`) next to the fields of the form. */
export function placeSubmissionErrors(
  error: unknown,
  fields: readonly string[],
): PlacedSubmissionErrors {
  const placed: PlacedSubmissionErrors = { byField: {}, unplaced: [] };
  if (!isApiError(error)) return placed;
  const schema = placed.byField as Record<string, { __errors: string[] }>;
  for (const { path, message } of error.fieldErrors) {
    const field = DATA_PATH.exec(path)?.[1]?.replaceAll('~1', '/').replaceAll('~0', '~');
    if (field && fields.includes(field))
      (schema[field] ??= { __errors: [] }).__errors.push(message);
    else placed.unplaced.push(path ? `${path}: ${message}` : message);
  }
  return placed;
}

/** The errors left once the user changed some fields (their old errors no longer apply). */
export function withoutErrorsOf(errors: ErrorSchema, changed: readonly string[]): ErrorSchema {
  const rest = { ...(errors as Record<string, unknown>) };
  for (const field of changed) delete rest[field];
  return rest as ErrorSchema;
}
