import type {
  Entity,
  EntityInput,
  Field,
  FieldInput,
  FieldOption,
  FieldType,
} from '@formwork/definitions';

/** One field row of the designer. */
export interface DraftField {
  /** Stable identity of the row while its key is being typed. */
  uid: string;
  /** Already stored in the entity: its key can no longer change. */
  saved: boolean;
  /** Removed from the definition: hidden, its column and data kept; restorable. */
  archived: boolean;
  key: string;
  name: string;
  type: FieldType;
  required: boolean;
  unique: boolean;
  indexed: boolean;
  /** A value in API form; undefined when the field has no default. */
  default?: unknown;
  options: FieldOption[];
  target?: string;
  description: string;
}

export interface DraftIndex {
  uid: string;
  /** Field keys, `-` first for descending. */
  fields: string[];
}

export interface EntityDraft {
  key: string;
  name: string;
  description: string;
  fields: DraftField[];
  indexes: DraftIndex[];
}

let lastUid = 0;
export const nextUid = (): string => `u${++lastUid}`;

export const hasOptions = (type: FieldType): boolean => type === 'select' || type === 'multiselect';

/** Types whose values cannot be unique (the engine refuses a unique index on them). */
export const canBeUnique = (type: FieldType): boolean =>
  type !== 'multiselect' && type !== 'longtext' && type !== 'file';

/** Types whose default value the designer can edit. */
export const canHaveDefault = (type: FieldType): boolean =>
  type !== 'relation' && type !== 'user' && type !== 'file';

function draftField(field: Field, archived: boolean): DraftField {
  return {
    uid: nextUid(),
    saved: true,
    archived,
    key: field.key,
    name: field.name,
    type: field.type,
    required: field.required ?? false,
    unique: field.unique ?? false,
    indexed: field.indexed ?? false,
    default: field.default ?? undefined,
    options: field.options ?? [],
    target: field.target,
    description: field.description ?? '',
  };
}

export function draftFromEntity(entity: Entity): EntityDraft {
  const active = entity.fields.filter((field) => !field.archived);
  const archived = [
    ...entity.fields.filter((field) => field.archived),
    ...(entity.archivedFields ?? []),
  ];
  const activeKeys = new Set(active.map((field) => field.key));
  const seen = new Set<string>();
  const archivedOnce = archived.filter((field) => {
    if (activeKeys.has(field.key) || seen.has(field.key)) return false;
    seen.add(field.key);
    return true;
  });
  return {
    key: entity.key,
    name: entity.name,
    description: entity.description ?? '',
    fields: [
      ...active.map((field) => draftField(field, false)),
      ...archivedOnce.map((field) => draftField(field, true)),
    ],
    indexes: (entity.indexes ?? []).map((index) => ({ uid: nextUid(), fields: index.fields })),
  };
}

export function emptyDraft(): EntityDraft {
  return { key: '', name: '', description: '', fields: [newField()], indexes: [] };
}

export function newField(): DraftField {
  return {
    uid: nextUid(),
    saved: false,
    archived: false,
    key: '',
    name: '',
    type: 'text',
    required: false,
    unique: false,
    indexed: false,
    options: [],
    description: '',
  };
}

export const activeFields = (draft: EntityDraft): DraftField[] =>
  draft.fields.filter((field) => !field.archived);

export const archivedFields = (draft: EntityDraft): DraftField[] =>
  draft.fields.filter((field) => field.archived);

function toFieldInput(field: DraftField): FieldInput {
  const input: FieldInput = { key: field.key.trim(), name: field.name.trim(), type: field.type };
  if (field.required) input.required = true;
  if (field.unique && canBeUnique(field.type)) input.unique = true;
  if (field.indexed) input.indexed = true;
  if (field.default !== undefined && field.default !== null && canHaveDefault(field.type))
    input.default = field.default;
  if (hasOptions(field.type))
    input.options = field.options.map(({ value, label }) =>
      label?.trim() ? { value: value.trim(), label: label.trim() } : { value: value.trim() },
    );
  if (field.type === 'relation') input.target = field.target ?? '';
  if (field.description.trim()) input.description = field.description.trim();
  return input;
}

/** The whole desired definition the engine is asked for (archived fields are left out). */
export function toEntityInput(draft: EntityDraft): EntityInput {
  const input: EntityInput = {
    key: draft.key.trim(),
    name: draft.name.trim(),
    fields: activeFields(draft).map(toFieldInput),
    indexes: draft.indexes
      .filter((index) => index.fields.length > 0)
      .map((index) => ({ fields: index.fields })),
  };
  if (draft.description.trim()) input.description = draft.description.trim();
  return input;
}

/** Whether two drafts ask the engine for the same definition. */
export function sameDefinition(a: EntityDraft, b: EntityDraft): boolean {
  return JSON.stringify(toEntityInput(a)) === JSON.stringify(toEntityInput(b));
}
