import { isSystemField, KEY_PATTERN, type FieldError } from '@formwork/definitions';
import type { TFunction } from 'i18next';
import { activeFields, hasOptions, type EntityDraft } from './entityDraft';

export type EntityProp = 'key' | 'name' | 'description';
export type FieldProp =
  | 'key'
  | 'name'
  | 'type'
  | 'required'
  | 'unique'
  | 'indexed'
  | 'default'
  | 'options'
  | 'target'
  | 'description';

const FIELD_PROPS: readonly string[] = [
  'key',
  'name',
  'type',
  'required',
  'unique',
  'indexed',
  'default',
  'options',
  'target',
  'description',
];

/** Problems of a draft, placed where the designer shows them. */
export interface DraftErrors {
  entity: Partial<Record<EntityProp, string>>;
  /** By field row uid, then by property. */
  fields: Record<string, Partial<Record<FieldProp, string>>>;
  /** By index row uid. */
  indexes: Record<string, string>;
  /** Problems that belong to no row. */
  other: string[];
}

export const noErrors = (): DraftErrors => ({ entity: {}, fields: {}, indexes: {}, other: [] });

export function countErrors(errors: DraftErrors): number {
  return (
    Object.keys(errors.entity).length +
    Object.values(errors.fields).reduce((sum, props) => sum + Object.keys(props).length, 0) +
    Object.keys(errors.indexes).length +
    errors.other.length
  );
}

function addFieldError(errors: DraftErrors, uid: string, prop: FieldProp, message: string) {
  const props = (errors.fields[uid] ??= {});
  props[prop] ??= message;
}

/** Checks a draft before asking the engine, with messages in the UI language. */
export function validateDraft(draft: EntityDraft, t: TFunction): DraftErrors {
  const errors = noErrors();
  const key = draft.key.trim();
  if (!key) errors.entity.key = t('designer.errors.keyRequired');
  else if (!KEY_PATTERN.test(key)) errors.entity.key = t('common.keyPattern');
  if (!draft.name.trim()) errors.entity.name = t('designer.errors.nameRequired');

  const fields = activeFields(draft);
  const keys = fields.map((field) => field.key.trim());
  fields.forEach((field, position) => {
    const fieldKey = keys[position]!;
    if (!fieldKey) addFieldError(errors, field.uid, 'key', t('designer.errors.keyRequired'));
    else if (!KEY_PATTERN.test(fieldKey))
      addFieldError(errors, field.uid, 'key', t('common.keyPattern'));
    else if (isSystemField(fieldKey))
      addFieldError(errors, field.uid, 'key', t('designer.errors.keyReserved', { key: fieldKey }));
    else if (keys.indexOf(fieldKey) !== position)
      addFieldError(errors, field.uid, 'key', t('designer.errors.keyTwice', { key: fieldKey }));
    if (!field.name.trim())
      addFieldError(errors, field.uid, 'name', t('designer.errors.nameRequired'));
    if (hasOptions(field.type)) {
      const values = field.options.map((option) => option.value.trim());
      if (values.length === 0)
        addFieldError(errors, field.uid, 'options', t('designer.errors.optionsRequired'));
      else if (values.some((value) => !value))
        addFieldError(errors, field.uid, 'options', t('designer.errors.optionEmpty'));
      else {
        const twice = values.find((value, index) => values.indexOf(value) !== index);
        if (twice !== undefined)
          addFieldError(
            errors,
            field.uid,
            'options',
            t('designer.errors.optionTwice', { value: twice }),
          );
      }
    }
    if (field.type === 'relation' && !field.target)
      addFieldError(errors, field.uid, 'target', t('designer.errors.targetRequired'));
  });

  draft.indexes.forEach((index) => {
    const missing = index.fields
      .map((name) => name.replace(/^-/, ''))
      .find((name) => !keys.includes(name) && !isSystemField(name));
    if (missing !== undefined)
      errors.indexes[index.uid] = t('designer.errors.indexUnknownField', { key: missing });
  });
  return errors;
}

/**
 * Places the engine's field errors (JSON Pointers into the definition that was sent, e.g.
 * `/fields/2/key`, `/indexes/0/fields/1`) on the rows of the draft that was sent.
 */
export function placeDefinitionErrors(
  problems: readonly FieldError[],
  sent: EntityDraft,
): DraftErrors {
  const errors = noErrors();
  const fieldUids = activeFields(sent).map((field) => field.uid);
  const indexUids = sent.indexes.filter((index) => index.fields.length > 0).map((i) => i.uid);
  for (const { path, message } of problems) {
    const [first, second, third] = path.replace(/^\//, '').split('/');
    const position = Number(second);
    if (first === 'key' || first === 'name' || first === 'description') {
      errors.entity[first] ??= message;
    } else if (first === 'fields' && fieldUids[position] !== undefined) {
      const prop = third && FIELD_PROPS.includes(third) ? (third as FieldProp) : 'key';
      addFieldError(errors, fieldUids[position], prop, message);
    } else if (first === 'indexes' && indexUids[position] !== undefined) {
      errors.indexes[indexUids[position]] ??= message;
    } else {
      errors.other.push(path ? `${path}: ${message}` : message);
    }
  }
  return errors;
}
