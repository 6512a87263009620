import { z } from 'zod';

/** Keys of apps, entities, fields, forms, classifiers and flows. */
export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

export const keySchema = z
  .string()
  .regex(KEY_PATTERN, 'must start with a-z and contain only a-z, 0-9 and _ (at most 40)');
