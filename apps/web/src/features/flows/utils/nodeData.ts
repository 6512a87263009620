/** The node's data with `patch` applied; a setting set to undefined is left out. */
export function patchData(
  data: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const next: Record<string, unknown> = { ...data, ...patch };
  for (const [key, value] of Object.entries(patch)) if (value === undefined) delete next[key];
  return next;
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const textValue = (value: unknown): string => (typeof value === 'string' ? value : '');

/** How a message or a webhook body puts in a field of the record. */
export const PLACEHOLDER_EXAMPLE = '{{record.name}}';
