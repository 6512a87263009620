import { z } from 'zod';
import { keySchema } from '../keys.js';
import { FORM_CONDITION_OPERATORS, type FormCondition } from './form-condition-rules.js';

export * from './form-condition-rules.js';

export const formConditionSchema = z.strictObject({
  field: keySchema,
  op: z.enum(FORM_CONDITION_OPERATORS, {
    error: `must be one of ${FORM_CONDITION_OPERATORS.join(', ')}`,
  }),
  value: z.unknown().optional(),
}) satisfies z.ZodType<FormCondition>;
