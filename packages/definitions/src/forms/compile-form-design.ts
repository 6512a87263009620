import type { FieldError } from '../common.js';
import type { Entity, Field } from '../entities/entity.js';
import { conditionAsJsonSchema, type FormCondition } from './form-condition-rules.js';
import type { FormDesign, FormFieldDesign, FormUiExtension } from './form-design.js';

export type JsonSchema = Record<string, unknown>;
export type UiSchema = Record<string, unknown>;

/** Custom formats both validators know (the browser's RJSF validator and the engine's ajv). */
export const FORM_FORMATS: Record<string, string> = {
  phone: '^\\+?[0-9 ()-]{3,30}$',
};

export const FORMWORK_UI_KEY = 'ui:formwork';

export interface CompiledForm {
  schema: JsonSchema;
  uiSchema: UiSchema;
  errors: FieldError[];
}

/** A form to start from: every active field of the entity, in order, required as in the entity. */
export function defaultFormDesign(entity: Pick<Entity, 'fields'>): FormDesign {
  return {
    layout: 'single',
    groups: [
      {
        id: 'main',
        title: '',
        fields: entity.fields
          .filter((field) => !field.archived)
          .map((field) => ({ key: field.key, ...(field.required ? { required: true } : {}) })),
      },
    ],
  };
}

/** The JSON Schema (draft-07) of one field's value, by its type. */
function typeSchema(field: Field): JsonSchema {
  const values = (field.options ?? []).map((option) => option.value);
  switch (field.type) {
    case 'text':
      return { type: 'string', maxLength: 10_000 };
    case 'longtext':
      return { type: 'string', maxLength: 200_000 };
    case 'email':
      return { type: 'string', format: 'email', maxLength: 254 };
    case 'phone':
      return { type: 'string', format: 'phone' };
    case 'url':
      return { type: 'string', format: 'uri', pattern: '^https?://', maxLength: 2000 };
    case 'integer':
      return { type: 'integer' };
    case 'number':
    case 'percent':
    case 'money':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'datetime':
      return { type: 'string', format: 'date-time' };
    case 'select':
      return { type: 'string', enum: values };
    case 'multiselect':
      return { type: 'array', items: { type: 'string', enum: values }, uniqueItems: true };
    case 'relation':
    case 'user':
      return { type: 'string', format: 'uuid' };
    case 'file':
      return { type: 'string', maxLength: 2000 };
  }
}

const LIMITS = ['minimum', 'maximum', 'minLength', 'maxLength', 'pattern'] as const;

function propertySchema(field: Field, design: FormFieldDesign): JsonSchema {
  const schema: JsonSchema = { ...typeSchema(field), title: design.label || field.name };
  const description = design.help ?? field.description;
  if (description) schema.description = description;
  if (design.widget === 'nps') Object.assign(schema, { type: 'integer', minimum: 0, maximum: 10 });
  if (design.widget === 'rating')
    Object.assign(schema, { type: 'integer', minimum: 1, maximum: 5 });
  for (const limit of LIMITS) if (design[limit] !== undefined) schema[limit] = design[limit];
  const fallback = design.default ?? field.default;
  if (fallback !== undefined) schema.default = fallback;
  return schema;
}

function propertyUiSchema(field: Field, design: FormFieldDesign): UiSchema {
  const ui: UiSchema = {};
  if (design.placeholder) ui['ui:placeholder'] = design.placeholder;
  const widget =
    design.widget && design.widget !== 'default'
      ? design.widget
      : field.type === 'longtext'
        ? 'textarea'
        : undefined;
  if (widget) ui['ui:widget'] = widget;
  if (field.type === 'select' || field.type === 'multiselect')
    ui['ui:enumNames'] = (field.options ?? []).map((option) => option.label || option.value);
  if (field.type === 'relation') ui['ui:options'] = { relation: field.target };
  if (field.type === 'user') ui['ui:options'] = { user: true };
  return ui;
}

/**
 * Compiles what the designer edits into the form definition: JSON Schema + uiSchema. Errors point
 * into the design (`/design/groups/0/fields/2/key`); a design with errors compiles what it can.
 */
export function compileFormDesign(
  entity: Pick<Entity, 'fields'>,
  design: FormDesign,
): CompiledForm {
  const fieldsByKey = new Map(
    entity.fields.filter((field) => !field.archived).map((field) => [field.key, field]),
  );
  const errors: FieldError[] = [];
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const conditional: JsonSchema[] = [];
  const uiSchema: UiSchema = {};
  const extension: FormUiExtension = {
    layout: design.layout,
    groups: [],
    visibility: {},
    ...(design.submitLabel ? { submitLabel: design.submitLabel } : {}),
    ...(design.successMessage ? { successMessage: design.successMessage } : {}),
  };
  const placed: FormFieldDesign[] = [];

  design.groups.forEach((group, groupIndex) => {
    const keys: string[] = [];
    group.fields.forEach((fieldDesign, fieldIndex) => {
      const path = `/design/groups/${groupIndex}/fields/${fieldIndex}`;
      const field = fieldsByKey.get(fieldDesign.key);
      if (!field)
        return errors.push({
          path: `${path}/key`,
          message: `there is no field ${fieldDesign.key}`,
        });
      if (properties[field.key])
        return errors.push({ path: `${path}/key`, message: `${field.key} is on the form twice` });
      properties[field.key] = propertySchema(field, fieldDesign);
      const ui = propertyUiSchema(field, fieldDesign);
      if (Object.keys(ui).length > 0) uiSchema[field.key] = ui;
      keys.push(field.key);
      placed.push(fieldDesign);
    });
    extension.groups.push({ id: group.id, title: group.title, fields: keys });
  });

  placed.forEach((fieldDesign) => {
    const path = pathOf(design, fieldDesign.key);
    for (const kind of ['showWhen', 'requireWhen'] as const) {
      const condition = fieldDesign[kind];
      if (!condition) continue;
      const problem = conditionProblem(condition, fieldDesign.key, properties);
      if (problem) errors.push({ path: `${path}/${kind}/field`, message: problem });
    }
    if (fieldDesign.showWhen) extension.visibility[fieldDesign.key] = fieldDesign.showWhen;
    const requiredWhen =
      fieldDesign.requireWhen ?? (fieldDesign.required ? fieldDesign.showWhen : undefined);
    if (requiredWhen)
      conditional.push({
        if: conditionAsJsonSchema(requiredWhen),
        then: { required: [fieldDesign.key] },
      });
    else if (fieldDesign.required) required.push(fieldDesign.key);
  });

  const schema: JsonSchema = {
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    ...(conditional.length > 0 ? { allOf: conditional } : {}),
    additionalProperties: false,
  };
  uiSchema['ui:order'] = [...Object.keys(properties), '*'];
  uiSchema[FORMWORK_UI_KEY] = extension;
  return { schema, uiSchema, errors };
}

function conditionProblem(
  condition: FormCondition,
  owner: string,
  properties: Record<string, JsonSchema>,
): string | undefined {
  if (condition.field === owner) return 'a field cannot depend on itself';
  if (!properties[condition.field]) return `there is no field ${condition.field} on this form`;
  return undefined;
}

function pathOf(design: FormDesign, key: string): string {
  for (const [groupIndex, group] of design.groups.entries()) {
    const fieldIndex = group.fields.findIndex((field) => field.key === key);
    if (fieldIndex >= 0) return `/design/groups/${groupIndex}/fields/${fieldIndex}`;
  }
  return '/design';
}
