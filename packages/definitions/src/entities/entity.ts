import { z } from 'zod';
import { keySchema } from '../keys.js';
import { FIELD_TYPES, isSystemField } from './field-types.js';

const displayName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');
const description = z.string().max(2000, 'must be at most 2000 characters').optional();

export const appInputSchema = z.strictObject({
  key: keySchema,
  name: displayName,
  description,
});
export type AppInput = z.input<typeof appInputSchema>;

export interface App {
  key: string;
  name: string;
  description?: string;
  createdAt: string;
  updatedAt: string;
}

export const fieldOptionSchema = z.strictObject({
  value: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  label: z.string().max(200, 'must be at most 200 characters').optional(),
});
export type FieldOption = z.infer<typeof fieldOptionSchema>;

export const fieldSchema = z
  .strictObject({
    key: keySchema.refine((key) => !isSystemField(key), 'is reserved for a system field'),
    name: displayName,
    type: z.enum(FIELD_TYPES, { error: `must be one of ${FIELD_TYPES.join(', ')}` }),
    required: z.boolean().optional(),
    unique: z.boolean().optional(),
    indexed: z.boolean().optional(),
    default: z.unknown().optional(),
    options: z.array(fieldOptionSchema).max(500, 'must have at most 500 options').optional(),
    target: keySchema.optional(),
    description,
  })
  .superRefine((field, context) => {
    const needsOptions = field.type === 'select' || field.type === 'multiselect';
    if (needsOptions && (!field.options || field.options.length === 0)) {
      context.addIssue({
        code: 'custom',
        path: ['options'],
        message: `a ${field.type} field needs at least one option`,
      });
    }
    if (!needsOptions && field.options) {
      context.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'only select and multiselect fields have options',
      });
    }
    const values = field.options?.map((option) => option.value) ?? [];
    const duplicate = values.find((value, index) => values.indexOf(value) !== index);
    if (duplicate !== undefined)
      context.addIssue({
        code: 'custom',
        path: ['options'],
        message: `the option ${duplicate} appears twice`,
      });
    if (field.type === 'relation' && !field.target)
      context.addIssue({
        code: 'custom',
        path: ['target'],
        message: 'a relation needs a target entity',
      });
    if (field.type !== 'relation' && field.target)
      context.addIssue({
        code: 'custom',
        path: ['target'],
        message: 'only relation fields have a target',
      });
    if (
      field.unique &&
      (field.type === 'multiselect' || field.type === 'longtext' || field.type === 'file')
    ) {
      context.addIssue({
        code: 'custom',
        path: ['unique'],
        message: `a ${field.type} field cannot be unique`,
      });
    }
  });
export type FieldInput = z.input<typeof fieldSchema>;

/** An index over several fields; a leading `-` sorts that field descending. */
export const entityIndexSchema = z.strictObject({
  fields: z
    .array(
      z
        .string()
        .regex(/^-?[a-z][a-z0-9_]{0,39}$/, 'must be a field key, optionally prefixed with -'),
    )
    .min(1, 'must name at least one field')
    .max(8, 'must name at most 8 fields'),
});
export type EntityIndex = z.infer<typeof entityIndexSchema>;

export const entityInputSchema = z
  .strictObject({
    key: keySchema,
    name: displayName,
    description,
    fields: z.array(fieldSchema).max(300, 'must have at most 300 fields'),
    indexes: z.array(entityIndexSchema).max(50, 'must have at most 50 indexes').optional(),
  })
  .superRefine((entity, context) => {
    const keys = entity.fields.map((field) => field.key);
    keys.forEach((key, index) => {
      if (keys.indexOf(key) !== index)
        context.addIssue({
          code: 'custom',
          path: ['fields', index, 'key'],
          message: `the key ${key} is used twice`,
        });
    });
    entity.indexes?.forEach((index, position) =>
      index.fields.forEach((name, fieldPosition) => {
        const key = name.replace(/^-/, '');
        if (!keys.includes(key) && !isSystemField(key)) {
          context.addIssue({
            code: 'custom',
            path: ['indexes', position, 'fields', fieldPosition],
            message: `there is no field ${key}`,
          });
        }
      }),
    );
  });
export type EntityInput = z.input<typeof entityInputSchema>;
export type ParsedEntityInput = z.output<typeof entityInputSchema>;

/** A field as stored: what the admin asked for, plus whether it is archived (hidden, column kept). */
export type Field = z.output<typeof fieldSchema> & { archived?: boolean };

export interface Entity {
  key: string;
  name: string;
  description?: string;
  version: number;
  fields: Field[];
  indexes: EntityIndex[];
  /** Archived fields: removed from the definition, their data kept until purged. */
  archivedFields: Field[];
  createdAt: string;
  updatedAt: string;
}

/** What applying a definition would do, shown before it is applied (`?dryRun=true`). */
export interface EntityChangePlan {
  entity: string;
  creates: boolean;
  steps: { action: string; field?: string; detail: string }[];
}

/** Why a change would lose data, for clients that show their own wording. */
export type DataLossCode =
  | 'required_without_default'
  | 'required_but_empty'
  | 'duplicates'
  | 'options_in_use'
  | 'missing_targets'
  | 'not_in_options'
  | 'not_convertible';

/** A change refused because it would lose or corrupt data. */
export interface DataLossReport {
  field: string;
  code: DataLossCode;
  /** The same in English words. */
  problem: string;
  rows: number;
  examples: unknown[];
}
