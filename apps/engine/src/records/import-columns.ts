import type { Entity, Field, FieldError } from '@formwork/definitions';
import { badRequest } from '../common/problem.js';

/** A file column that is imported: into a field, or the id that makes its row an update. */
export type ImportColumn =
  | { index: number; header: string; kind: 'field'; field: Field }
  | { index: number; header: string; kind: 'id' };

/** `{ "<column header>": "<field key>" | "id" | null }`; null ignores the column. */
export type ImportMapping = Record<string, string | null>;

const ID_COLUMN = 'id';
/** How export names a column whose display name is shared: "名称 (name)". */
const NAME_WITH_KEY = /^.*[(（]\s*([a-z][a-z0-9_]{0,39})\s*[)）]$/;

function autoMatch(header: string, entity: Entity): Field | typeof ID_COLUMN | Field[] | undefined {
  if (header === ID_COLUMN || header.toLowerCase() === ID_COLUMN) return ID_COLUMN;
  const byKey = entity.fields.find((field) => field.key === header);
  if (byKey) return byKey;
  const lower = header.toLowerCase();
  const byName = entity.fields.filter((field) => field.name.trim().toLowerCase() === lower);
  if (byName.length === 1) return byName[0];
  if (byName.length > 1) return byName;
  const withKey = NAME_WITH_KEY.exec(header)?.[1];
  return withKey ? entity.fields.find((field) => field.key === withKey) : undefined;
}

/**
 * Decides which column goes where. Without a mapping, a column matches a field by key or by
 * display name (and `id` makes its rows updates); a column that matches nothing is refused.
 * A mapping that names fields describes the whole import: columns it leaves out are ignored.
 * A mapping of only nulls ignores those columns and lets the others match by key or name.
 */
export function matchColumns(
  headers: readonly string[],
  entity: Entity,
  mapping: ImportMapping | undefined,
): ImportColumn[] {
  const errors: FieldError[] = [];
  const columns: ImportColumn[] = [];
  const unknown: string[] = [];
  const positions = new Map<string, number>();
  headers.forEach((header, index) => {
    if (header !== '' && !positions.has(header)) positions.set(header, index);
  });
  const entries = Object.entries(mapping ?? {});
  for (const [header, target] of entries) {
    if (!positions.has(header))
      errors.push({ path: `/mapping/${header}`, message: 'is not a column of the file' });
    else if (
      target !== null &&
      target !== ID_COLUMN &&
      !entity.fields.some((field) => field.key === target)
    )
      errors.push({ path: `/mapping/${header}`, message: `there is no field ${target}` });
  }
  if (errors.length > 0)
    throw badRequest('The mapping does not fit the file or the entity.', errors);
  const authoritative = entries.some(([, target]) => target !== null);

  headers.forEach((header, index) => {
    if (header === '') return; // an unnamed column (often a trailing delimiter) is skipped
    if (positions.get(header) !== index) {
      errors.push({
        path: `/columns/${index}`,
        message: `the header ${header} appears twice`,
      });
      return;
    }
    let target: Field | typeof ID_COLUMN | Field[] | undefined | null;
    if (mapping && header in mapping) {
      const key = mapping[header];
      target =
        key === null || key === undefined
          ? null
          : key === ID_COLUMN
            ? ID_COLUMN
            : entity.fields.find((field) => field.key === key);
    } else if (authoritative) target = null;
    else target = autoMatch(header, entity);
    if (target === null) return;
    if (target === undefined) unknown.push(header);
    else if (Array.isArray(target))
      errors.push({
        path: `/columns/${index}`,
        message: `${header} is the name of several fields (${target.map((field) => field.key).join(', ')}): map it to one`,
      });
    else if (target === ID_COLUMN) columns.push({ index, header, kind: 'id' });
    else columns.push({ index, header, kind: 'field', field: target });
  });
  if (unknown.length > 0)
    throw badRequest(
      `The file has columns that match no field of ${entity.key}: ${unknown.join(', ')}. Rename them to a field's key or name, map them to a field, or ignore them (mapping {"${unknown[0]}": null}).`,
      unknown.map((header) => ({
        path: `/columns/${headers.indexOf(header)}`,
        message: `${header} matches no field`,
      })),
    );

  const seen = new Map<string, string>();
  for (const column of columns) {
    const key = column.kind === 'id' ? ID_COLUMN : column.field.key;
    const earlier = seen.get(key);
    if (earlier !== undefined)
      errors.push({
        path: `/columns/${column.index}`,
        message: `${column.header} and ${earlier} both go to ${key}`,
      });
    else seen.set(key, column.header);
  }
  if (errors.length > 0) throw badRequest('The columns of the file are ambiguous.', errors);
  if (columns.length === 0)
    throw badRequest('No column of the file is imported.', [
      { path: '/columns', message: 'none matches a field' },
    ]);
  if (!seen.has(ID_COLUMN)) {
    const missing = entity.fields.filter(
      (field) => field.required && field.default === undefined && !seen.has(field.key),
    );
    if (missing.length > 0)
      throw badRequest(
        `The file has no column for the required ${missing.length === 1 ? 'field' : 'fields'} ${missing.map((field) => `${field.name} (${field.key})`).join(', ')}.`,
        missing.map((field) => ({ path: `/${field.key}`, message: 'has no column in the file' })),
      );
  }
  return columns;
}
