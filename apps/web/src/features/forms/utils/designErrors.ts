import type { FieldError, FormDesign } from '@formwork/definitions';
import type { TFunction } from 'i18next';

export interface PlacedDesignErrors {
  /** Messages by the key of the form field they are about. */
  byField: Record<string, string[]>;
  /** Messages by group id (its title, its fields list). */
  byGroup: Record<string, string[]>;
  /** What points at no field or group (the name, the closing date, the form as a whole). */
  general: string[];
}

const FIELD_PATH = /^\/design\/groups\/(\d+)\/fields\/(\d+)(\/.*)?$/;
const GROUP_PATH = /^\/design\/groups\/(\d+)(\/.*)?$/;

/** Engine and compiler messages we know, said in the UI language. */
function messageOf(error: FieldError, rest: string, t: TFunction): string {
  if (rest === '/key' && error.message.includes('twice')) return t('forms.errors.twice');
  if (rest === '/key' && error.message.startsWith('there is no field'))
    return t('forms.errors.unknownField');
  if (/^\/(showWhen|requireWhen)\/field$/.test(rest)) {
    if (error.message.includes('itself')) return t('forms.errors.selfCondition');
    return t('forms.errors.conditionFieldMissing');
  }
  return error.message;
}

/**
 * Puts errors that point into a design (`/design/groups/0/fields/2/key`) next to the field at
 * that position of `design` — the design that was compiled or sent, not a later edit of it.
 */
export function placeDesignErrors(
  errors: readonly FieldError[],
  design: FormDesign,
  t: TFunction,
): PlacedDesignErrors {
  const placed: PlacedDesignErrors = { byField: {}, byGroup: {}, general: [] };
  for (const error of errors) {
    const field = FIELD_PATH.exec(error.path);
    const key = field && design.groups[Number(field[1])]?.fields[Number(field[2])]?.key;
    if (field && key) {
      (placed.byField[key] ??= []).push(messageOf(error, field[3] ?? '', t));
      continue;
    }
    const group = GROUP_PATH.exec(error.path);
    const id = group && design.groups[Number(group[1])]?.id;
    if (id) {
      (placed.byGroup[id] ??= []).push(error.message);
      continue;
    }
    placed.general.push(error.path ? `${error.path}: ${error.message}` : error.message);
  }
  return placed;
}

export const countDesignErrors = (placed: PlacedDesignErrors): number =>
  Object.values(placed.byField).flat().length +
  Object.values(placed.byGroup).flat().length +
  placed.general.length;
