import { z } from 'zod';
import { filterSchema } from '../entities/filter.js';
import { keySchema } from '../keys.js';

/** Five or six cron fields (`0 9 * * 1`): numbers, `*`, ranges, lists and steps. */
const CRON_PATTERN =
  /^(?:[\d*,/-]+|[A-Za-z]{3})(?:\s+(?:[\d*,/?LW#-]+|[A-Za-z]{3}(?:-[A-Za-z]{3})?)){4,5}$/;

const classValue = z.union([z.string().max(200), z.number(), z.boolean(), z.null()]);

export const flowTriggerSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('manual'), entity: keySchema.optional() }),
    z.strictObject({ type: z.literal('record_created'), entity: keySchema }),
    z.strictObject({
      type: z.literal('record_updated'),
      entity: keySchema,
      /** Start only when one of these fields changed; every change when absent. */
      fields: z.array(keySchema).min(1, 'must name at least one field').max(300).optional(),
    }),
    z.strictObject({
      type: z.literal('classification_changed'),
      classifier: keySchema,
      from: classValue.optional(),
      to: classValue.optional(),
    }),
    z.strictObject({ type: z.literal('form_submitted'), form: keySchema }),
    z.strictObject({
      type: z.literal('schedule'),
      cron: z.string().trim().regex(CRON_PATTERN, 'must be a cron expression such as "0 9 * * 1"'),
      /** With an entity: one instance per matching record at each tick. */
      entity: keySchema.optional(),
      filter: filterSchema.optional(),
    }),
  ],
  {
    error:
      'must be a trigger: manual, record_created, record_updated, classification_changed, form_submitted or schedule',
  },
);
export type FlowTrigger = z.infer<typeof flowTriggerSchema>;
