import { z } from 'zod';
import { keySchema } from '../keys.js';
import type { JsonSchema, UiSchema } from './compile-form-design.js';
import { formDesignSchema, type FormDesign } from './form-design.js';

const jsonObject = z.record(z.string(), z.unknown(), { error: 'must be a JSON object' });

/** `PUT /api/apps/{app}/forms/{form}`: a form over an entity, or a standalone survey with a schema. */
export const formInputSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    description: z.string().max(2000, 'must be at most 2000 characters').optional(),
    entity: keySchema.optional(),
    schema: jsonObject.optional(),
    uiSchema: jsonObject.optional(),
    design: formDesignSchema.optional(),
    public: z.boolean().optional(),
    closed: z.boolean().optional(),
    closesAt: z.iso
      .datetime({ offset: true, error: 'must be an RFC 3339 date-time' })
      .nullable()
      .optional(),
  })
  .superRefine((form, context) => {
    if (form.design && form.schema)
      context.addIssue({
        code: 'custom',
        path: ['schema'],
        message: 'give either a design (compiled by the engine) or a schema, not both',
      });
    if (form.design && !form.entity)
      context.addIssue({
        code: 'custom',
        path: ['entity'],
        message: 'a designed form needs an entity',
      });
    if (!form.entity && !form.schema)
      context.addIssue({
        code: 'custom',
        path: ['schema'],
        message: 'a form without an entity needs a schema',
      });
  });
export type FormInput = z.input<typeof formInputSchema>;
export type ParsedFormInput = z.output<typeof formInputSchema>;

export interface Form {
  key: string;
  name: string;
  description?: string;
  entity: string | null;
  version: number;
  schema: JsonSchema;
  uiSchema: UiSchema;
  /** What the designer edits; null when the schema was written by hand (API). */
  design: FormDesign | null;
  public: boolean;
  /** Present once the form is public: the share link is /f/<shareToken>. */
  shareToken?: string;
  closed: boolean;
  closesAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What a customer's browser gets for a public form (nothing about other records). */
export interface PublicForm {
  name: string;
  description?: string;
  schema: JsonSchema;
  uiSchema: UiSchema;
  version: number;
  /** URL of the schema compiled to a standalone validator module, when the engine offers one. */
  validator?: string;
}

export const formSubmissionInputSchema = z.strictObject({
  data: jsonObject,
  formVersion: z.number().int().min(1).optional(),
});
export type FormSubmissionInput = z.input<typeof formSubmissionInputSchema>;

export interface FormSubmissionResult {
  recordId: string | null;
  submissionId: string;
}

export { HONEYPOT_FIELD } from './public-form.js';
