import { z } from 'zod';
import { keySchema } from '../keys.js';
import { formConditionSchema } from './form-conditions.js';

export const FORM_LAYOUTS = ['single', 'sections', 'steps'] as const;
export type FormLayout = (typeof FORM_LAYOUTS)[number];

/** Widgets beyond the one each field type gets by default. */
export const FORM_WIDGETS = ['default', 'textarea', 'radio', 'nps', 'rating'] as const;
export type FormWidget = (typeof FORM_WIDGETS)[number];

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`).optional();

/** One entity field placed on a form, with what the admin set for it there. */
export const formFieldDesignSchema = z.strictObject({
  key: keySchema,
  label: text(200),
  placeholder: text(200),
  help: text(1000),
  default: z.unknown().optional(),
  required: z.boolean().optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  minLength: z.number().int().min(0).optional(),
  maxLength: z.number().int().min(1).optional(),
  pattern: text(500),
  widget: z.enum(FORM_WIDGETS).optional(),
  /** Shown (and submitted) only while this holds. */
  showWhen: formConditionSchema.optional(),
  /** Required only while this holds. */
  requireWhen: formConditionSchema.optional(),
});
export type FormFieldDesign = z.infer<typeof formFieldDesignSchema>;

export const formGroupSchema = z.strictObject({
  id: z.string().min(1).max(100),
  title: z.string().max(200, 'must be at most 200 characters'),
  fields: z.array(formFieldDesignSchema).max(300, 'must have at most 300 fields'),
});
export type FormGroup = z.infer<typeof formGroupSchema>;

/**
 * What the form designer edits. The engine compiles it into the JSON Schema + uiSchema that both
 * the browser and the server validate with (see compileFormDesign).
 */
export const formDesignSchema = z.strictObject({
  layout: z.enum(FORM_LAYOUTS),
  groups: z.array(formGroupSchema).min(1, 'must have at least one group').max(50),
  submitLabel: text(100),
  successMessage: text(1000),
});
export type FormDesign = z.infer<typeof formDesignSchema>;

/** The Formwork extension inside a uiSchema (`ui:formwork`): layout and visibility rules. */
export interface FormUiExtension {
  layout: FormLayout;
  groups: { id: string; title: string; fields: string[] }[];
  visibility: Record<string, z.infer<typeof formConditionSchema>>;
  submitLabel?: string;
  successMessage?: string;
}
