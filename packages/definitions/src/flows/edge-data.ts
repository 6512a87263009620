import { z } from 'zod';
import { flowConditionSchema } from './flow-condition.js';
import { APPROVAL_OUTCOMES } from './node-types.js';

/** What an edge's `data` may hold: a decision branch (`condition` or `default`), an approval outcome, a label. */
export const edgeDataSchema = z.strictObject({
  label: z.string().max(200, 'must be at most 200 characters').optional(),
  condition: flowConditionSchema.optional(),
  default: z.boolean().optional(),
  outcome: z
    .enum(APPROVAL_OUTCOMES, { error: `must be one of ${APPROVAL_OUTCOMES.join(', ')}` })
    .optional(),
});
export type EdgeData = z.infer<typeof edgeDataSchema>;
