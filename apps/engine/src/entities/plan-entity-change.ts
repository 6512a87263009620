import {
  valueSchemaFor,
  type EntityIndex,
  type Field,
  type FieldError,
  type FieldType,
  type ParsedEntityInput,
} from '@formwork/definitions';
import { canonicalJson } from '../common/canonical-json.js';

/** The stored shape of an entity definition (the `definition` column). */
export interface StoredDefinition {
  name: string;
  description?: string;
  fields: Field[];
  archivedFields: Field[];
  indexes: EntityIndex[];
}

export type PlanStep =
  | { kind: 'create_table' }
  | { kind: 'add_column'; field: Field }
  | { kind: 'restore_column'; field: Field }
  | { kind: 'archive_column'; field: Field }
  | { kind: 'change_type'; field: Field; from: FieldType; fromTarget?: string }
  | { kind: 'set_required'; field: Field }
  | { kind: 'drop_required'; field: Field }
  | { kind: 'add_unique'; field: Field }
  | { kind: 'drop_unique'; field: Field }
  | { kind: 'add_index'; field: Field }
  | { kind: 'drop_index'; field: Field }
  | { kind: 'remove_options'; field: Field; removed: string[] }
  | { kind: 'add_composite_index'; index: EntityIndex }
  | { kind: 'drop_composite_index'; index: EntityIndex }
  | { kind: 'update_metadata'; detail: string };

export interface EntityPlan {
  steps: PlanStep[];
  errors: FieldError[];
  next: StoredDefinition;
}

export interface PlanContext {
  /** Keys of the other entities of the app (relation targets). */
  existingEntities: ReadonlySet<string>;
}

const sameValue = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

const indexSignature = (index: EntityIndex) => index.fields.join(',');
const hasIndex = (field: Field) =>
  Boolean(field.indexed || field.type === 'relation' || field.type === 'user');

/** Steps for a field that exists both before and after. */
function planFieldChange(before: Field, after: Field): PlanStep[] {
  const steps: PlanStep[] = [];
  const targetChanged =
    after.type === 'relation' && before.type === 'relation' && before.target !== after.target;
  if (before.type !== after.type || targetChanged) {
    steps.push({ kind: 'change_type', field: after, from: before.type, fromTarget: before.target });
  }
  if (!before.required && after.required) steps.push({ kind: 'set_required', field: after });
  if (before.required && !after.required) steps.push({ kind: 'drop_required', field: after });
  if (!before.unique && after.unique) steps.push({ kind: 'add_unique', field: after });
  if (before.unique && !after.unique) steps.push({ kind: 'drop_unique', field: after });
  if (!hasIndex(before) && hasIndex(after)) steps.push({ kind: 'add_index', field: after });
  if (hasIndex(before) && !hasIndex(after)) steps.push({ kind: 'drop_index', field: after });
  const kept = new Set((after.options ?? []).map((option) => option.value));
  const removed = (before.options ?? [])
    .map((option) => option.value)
    .filter((value) => !kept.has(value));
  if (removed.length > 0 && before.type === after.type)
    steps.push({ kind: 'remove_options', field: after, removed });
  if (
    before.name !== after.name ||
    before.description !== after.description ||
    !sameValue(before.options, after.options) ||
    !sameValue(before.default, after.default)
  ) {
    steps.push({ kind: 'update_metadata', detail: `field ${after.key}: display settings` });
  }
  return steps;
}

function planNewField(field: Field): PlanStep[] {
  const steps: PlanStep[] = [{ kind: 'add_column', field }];
  if (field.required) steps.push({ kind: 'set_required', field });
  if (field.unique) steps.push({ kind: 'add_unique', field });
  if (hasIndex(field)) steps.push({ kind: 'add_index', field });
  return steps;
}

function validateField(
  field: Field,
  position: number,
  entityKey: string,
  context: PlanContext,
): FieldError[] {
  const errors: FieldError[] = [];
  if (
    field.type === 'relation' &&
    field.target &&
    field.target !== entityKey &&
    !context.existingEntities.has(field.target)
  ) {
    errors.push({
      path: `/fields/${position}/target`,
      message: `there is no entity ${field.target} in this app`,
    });
  }
  if (field.default !== undefined && field.default !== null) {
    const result = valueSchemaFor(field).safeParse(field.default);
    if (!result.success)
      errors.push({
        path: `/fields/${position}/default`,
        message: result.error.issues[0]?.message ?? 'is not a valid value',
      });
  }
  return errors;
}

function planIndexes(current: EntityIndex[], desired: EntityIndex[]): PlanStep[] {
  const before = new Set(current.map(indexSignature));
  const after = new Set(desired.map(indexSignature));
  return [
    ...current
      .filter((index) => !after.has(indexSignature(index)))
      .map((index): PlanStep => ({ kind: 'drop_composite_index', index })),
    ...desired
      .filter((index) => !before.has(indexSignature(index)))
      .map((index): PlanStep => ({ kind: 'add_composite_index', index })),
  ];
}

/**
 * Compares the stored definition with the desired one and lists the schema steps that make the
 * table match, in an order that can be applied. Pure: data checks and SQL come later.
 */
export function planEntityChange(
  current: StoredDefinition | undefined,
  desired: ParsedEntityInput,
  context: PlanContext,
): EntityPlan {
  const fields: Field[] = desired.fields.map((field) => ({ ...field }));
  const errors = fields.flatMap((field, position) =>
    validateField(field, position, desired.key, context),
  );
  const steps: PlanStep[] = current ? [] : [{ kind: 'create_table' }];
  const active = new Map((current?.fields ?? []).map((field) => [field.key, field]));
  const archived = new Map((current?.archivedFields ?? []).map((field) => [field.key, field]));

  for (const field of fields) {
    const before = active.get(field.key);
    const previouslyArchived = archived.get(field.key);
    if (before) steps.push(...planFieldChange(before, field));
    else if (previouslyArchived)
      steps.push(
        { kind: 'restore_column', field },
        ...planFieldChange({ ...previouslyArchived, required: false, unique: false }, field),
      );
    else steps.push(...planNewField(field));
  }
  const desiredKeys = new Set(fields.map((field) => field.key));
  const newlyArchived = [...active.values()].filter((field) => !desiredKeys.has(field.key));
  for (const field of newlyArchived) steps.push({ kind: 'archive_column', field });

  steps.push(...planIndexes(current?.indexes ?? [], desired.indexes ?? []));
  if (current && (current.name !== desired.name || current.description !== desired.description)) {
    steps.push({ kind: 'update_metadata', detail: 'entity name or description' });
  }
  const order = (current?.fields ?? [])
    .map((field) => field.key)
    .filter((key) => desiredKeys.has(key));
  const desiredOrder = fields.map((field) => field.key).filter((key) => active.has(key));
  if (order.join() !== desiredOrder.join())
    steps.push({ kind: 'update_metadata', detail: 'field order' });

  const stillArchived = [...archived.values()].filter((field) => !desiredKeys.has(field.key));
  const next: StoredDefinition = {
    name: desired.name,
    ...(desired.description ? { description: desired.description } : {}),
    fields,
    archivedFields: [
      ...stillArchived,
      ...newlyArchived.map((field) => ({
        ...field,
        archived: true,
        required: false,
        unique: false,
      })),
    ],
    indexes: desired.indexes ?? [],
  };
  return { steps, errors, next };
}

/** A sentence per step, for the admin to read before applying. */
export function describeStep(step: PlanStep): { action: string; field?: string; detail: string } {
  switch (step.kind) {
    case 'create_table':
      return { action: step.kind, detail: 'create the table' };
    case 'add_column':
      return {
        action: step.kind,
        field: step.field.key,
        detail: `add ${step.field.type} field ${step.field.key}`,
      };
    case 'restore_column':
      return {
        action: step.kind,
        field: step.field.key,
        detail: `restore archived field ${step.field.key} with its data`,
      };
    case 'archive_column':
      return {
        action: step.kind,
        field: step.field.key,
        detail: `archive field ${step.field.key} (hidden; data kept until purged)`,
      };
    case 'change_type':
      return {
        action: step.kind,
        field: step.field.key,
        detail: `convert ${step.field.key} from ${step.from} to ${step.field.type}`,
      };
    case 'set_required':
      return {
        action: step.kind,
        field: step.field.key,
        detail: `make ${step.field.key} required`,
      };
    case 'drop_required':
      return {
        action: step.kind,
        field: step.field.key,
        detail: `make ${step.field.key} optional`,
      };
    case 'add_unique':
      return { action: step.kind, field: step.field.key, detail: `make ${step.field.key} unique` };
    case 'drop_unique':
      return {
        action: step.kind,
        field: step.field.key,
        detail: `allow duplicate ${step.field.key} values`,
      };
    case 'add_index':
      return { action: step.kind, field: step.field.key, detail: `index ${step.field.key}` };
    case 'drop_index':
      return {
        action: step.kind,
        field: step.field.key,
        detail: `drop the index on ${step.field.key}`,
      };
    case 'remove_options':
      return {
        action: step.kind,
        field: step.field.key,
        detail: `remove options ${step.removed.join(', ')} from ${step.field.key}`,
      };
    case 'add_composite_index':
      return { action: step.kind, detail: `index (${step.index.fields.join(', ')})` };
    case 'drop_composite_index':
      return { action: step.kind, detail: `drop the index (${step.index.fields.join(', ')})` };
    case 'update_metadata':
      return { action: step.kind, detail: `update ${step.detail}` };
  }
}
