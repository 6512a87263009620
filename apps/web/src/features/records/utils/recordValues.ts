import type { EntityRecord, Field, RecordValues } from '@formwork/definitions';
import { relationId } from './formatValue';

/** A record's values as the form edits them (relations as ids, not expanded objects). */
export function formValuesOf(fields: readonly Field[], record: EntityRecord): RecordValues {
  const values: RecordValues = {};
  for (const field of fields) {
    const value = record[field.key];
    values[field.key] =
      field.type === 'relation' || field.type === 'user' ? relationId(value) : (value ?? null);
  }
  return values;
}

const isEmpty = (value: unknown) =>
  value === undefined || value === null || (Array.isArray(value) && value.length === 0);

/** A new record's body: empty fields left out, so that defaults apply. */
export function valuesToCreate(fields: readonly Field[], values: RecordValues): RecordValues {
  const body: RecordValues = {};
  for (const field of fields) if (!isEmpty(values[field.key])) body[field.key] = values[field.key];
  return body;
}

/** Only what changed, so that concurrent edits of other fields are not overwritten. */
export function changedValues(
  fields: readonly Field[],
  before: RecordValues,
  after: RecordValues,
): RecordValues {
  const body: RecordValues = {};
  for (const field of fields) {
    const next = isEmpty(after[field.key]) ? null : after[field.key];
    const previous = isEmpty(before[field.key]) ? null : before[field.key];
    if (JSON.stringify(next) !== JSON.stringify(previous)) body[field.key] = next;
  }
  return body;
}
