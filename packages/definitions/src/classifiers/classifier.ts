import { z } from 'zod';
import { filterSchema } from '../entities/filter.js';
import { keySchema } from '../keys.js';
import { AGGREGATES, MEASURE_ORDERS, MEASURES, type ClassifierTrigger } from './constants.js';

/** ISO 8601 duration such as P365D or PT12H (no fractions of a unit). */
const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

export const fieldSourceSchema = z.strictObject({ field: keySchema });

export const aggregateSourceSchema = z
  .strictObject({
    aggregate: z.enum(AGGREGATES, { error: `must be one of ${AGGREGATES.join(', ')}` }),
    entity: keySchema,
    via: keySchema,
    field: keySchema.optional(),
    where: filterSchema.optional(),
    window: z.string().regex(ISO_DURATION, 'must be an ISO 8601 duration such as P365D').optional(),
    dateField: keySchema.optional(),
  })
  .superRefine((source, context) => {
    if (source.window !== undefined && source.dateField === undefined)
      context.addIssue({
        code: 'custom',
        path: ['dateField'],
        message: 'a window needs the dateField it applies to',
      });
    if (source.aggregate !== 'count' && source.field === undefined)
      context.addIssue({
        code: 'custom',
        path: ['field'],
        message: `${source.aggregate} needs the field to aggregate`,
      });
  });

export const measureSourceSchema = z.strictObject({
  measure: z.enum(MEASURES, { error: `must be one of ${MEASURES.join(', ')}` }),
  of: keySchema,
  n: z.number().int('must be a whole number').min(2, 'must be at least 2').max(1000).optional(),
  order: z.enum(MEASURE_ORDERS, { error: 'must be asc or desc' }).optional(),
});

export type FieldSource = z.infer<typeof fieldSourceSchema>;
export type AggregateSource = z.infer<typeof aggregateSourceSchema>;
export type MeasureSource = z.infer<typeof measureSourceSchema>;
export type InputSource = FieldSource | AggregateSource | MeasureSource;

const SOURCE_SHAPES =
  'must be {field}, {aggregate, entity, via, field?, where?, window?, dateField?} or {measure, of, n?, order?}';

function sourceSchemaFor(value: object) {
  if ('aggregate' in value) return aggregateSourceSchema;
  if ('measure' in value) return measureSourceSchema;
  if ('field' in value) return fieldSourceSchema;
  return undefined;
}

/**
 * A source is one of three shapes, told apart by its leading key. Dispatching on it (rather
 * than a plain union) reports the failing property itself, not "matches no option".
 */
export const inputSourceSchema = z
  .custom<InputSource>((value) => typeof value === 'object' && value !== null, SOURCE_SHAPES)
  .superRefine((value, context) => {
    const schema = sourceSchemaFor(value);
    if (!schema) {
      context.addIssue({ code: 'custom', message: SOURCE_SHAPES });
      return;
    }
    const result = schema.safeParse(value);
    if (result.success) return;
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys')
        for (const key of issue.keys)
          context.addIssue({
            code: 'custom',
            path: [...issue.path, key],
            message: 'is not allowed',
          });
      else context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
  });

export const isMeasureSource = (source: InputSource): source is MeasureSource =>
  'measure' in source;
export const isAggregateSource = (source: InputSource): source is AggregateSource =>
  'aggregate' in source;

export const classifierInputSchema = z.strictObject({ key: keySchema, source: inputSourceSchema });
export type ClassifierInput = z.infer<typeof classifierInputSchema>;

export const classifierOutputSchema = z.strictObject({
  field: keySchema,
  default: z.unknown().optional(),
});
export type ClassifierOutput = z.infer<typeof classifierOutputSchema>;

const cellSchema = z
  .string({ error: 'must be a FEEL text such as "-", ">= 5000" or "\\"A\\""' })
  .max(2000, 'must be at most 2000 characters');

export const classifierRuleSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/, 'must be letters, digits, _ . - (at most 64)')
    .optional(),
  when: z.array(cellSchema),
  then: z.array(cellSchema),
  description: z.string().max(2000, 'must be at most 2000 characters').optional(),
  disabled: z.boolean().optional(),
});
export type ClassifierRule = z.infer<typeof classifierRuleSchema>;

const CRON_FIELD = /^[\d*/,?LW#A-Z-]+$/i;

export const triggerSchema = z.string().refine((trigger): trigger is ClassifierTrigger => {
  if (trigger === 'on_change' || trigger === 'manual') return true;
  if (!trigger.startsWith('schedule:')) return false;
  const fields = trigger.slice('schedule:'.length).trim().split(/\s+/);
  return (fields.length === 5 || fields.length === 6) && fields.every((f) => CRON_FIELD.test(f));
}, 'must be on_change, manual or schedule:<cron> (5 or 6 cron fields)');
