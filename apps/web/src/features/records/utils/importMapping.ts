import type { Field } from '@formwork/definitions';

/** The field key a column is matched to without a mapping: by key, else by display name. */
export function autoMatch(column: string, fields: readonly Field[]): string | undefined {
  const name = column.trim();
  if (name === 'id') return 'id';
  const lower = name.toLowerCase();
  return (
    fields.find((field) => field.key === name)?.key ??
    fields.find((field) => field.name.trim().toLowerCase() === lower)?.key
  );
}

export function autoMapping(
  columns: readonly string[],
  fields: readonly Field[],
): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const column of columns) {
    const key = autoMatch(column, fields);
    if (key) mapping[column] = key;
  }
  return mapping;
}
