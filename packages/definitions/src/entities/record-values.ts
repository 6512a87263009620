import { z } from 'zod';
import type { Field } from './entity.js';

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;
const PHONE = /^\+?[0-9 ()-]{3,30}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Numbers arrive as JSON numbers or as decimal strings ("1234.50"); both become numbers. */
const numeric = z
  .union([z.number(), z.string().trim().regex(DECIMAL_TEXT, 'must be a number')], {
    error: 'must be a number',
  })
  .transform(Number)
  .pipe(z.number().finite('must be a finite number'));

const isRealDate = (text: string) => {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
};

function optionValues(field: Field): [string, ...string[]] {
  const values = (field.options ?? []).map((option) => option.value);
  return values.length > 0 ? (values as [string, ...string[]]) : [''];
}

/** The zod schema of one field's value (never null: nullability is decided by the caller). */
export function valueSchemaFor(field: Field): z.ZodType {
  switch (field.type) {
    case 'text':
      return z.string({ error: 'must be text' }).max(10_000, 'must be at most 10000 characters');
    case 'longtext':
      return z.string({ error: 'must be text' }).max(200_000, 'must be at most 200000 characters');
    case 'email':
      return z
        .string({ error: 'must be text' })
        .trim()
        .max(254)
        .pipe(z.email({ error: 'must be an email address' }));
    case 'phone':
      return z.string({ error: 'must be text' }).trim().regex(PHONE, 'must be a phone number');
    case 'url':
      return z
        .string({ error: 'must be text' })
        .trim()
        .max(2000)
        .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }));
    case 'integer':
      return numeric.pipe(
        z
          .number()
          .int('must be a whole number')
          .min(Number.MIN_SAFE_INTEGER)
          .max(Number.MAX_SAFE_INTEGER),
      );
    case 'number':
    case 'percent':
      return numeric;
    case 'money':
      return numeric.pipe(
        z
          .number()
          .refine((value) => Math.abs(value) < 1e16, 'must be less than 10^16 in size')
          .refine(
            (value) => Math.round(value * 100) / 100 === value,
            'must have at most 2 decimals',
          ),
      );
    case 'boolean':
      return z.boolean({ error: 'must be true or false' });
    case 'date':
      return z
        .string({ error: 'must be a date (YYYY-MM-DD)' })
        .regex(DATE, 'must be a date (YYYY-MM-DD)')
        .refine(isRealDate, 'is not a real date');
    case 'datetime':
      return z.iso
        .datetime({ offset: true, error: 'must be an RFC 3339 date-time' })
        .transform((text) => new Date(text).toISOString());
    case 'select':
      return z.enum(optionValues(field), {
        error: `must be one of ${optionValues(field).join(', ')}`,
      });
    case 'multiselect':
      return z
        .array(
          z.enum(optionValues(field), {
            error: `must be one of ${optionValues(field).join(', ')}`,
          }),
          { error: 'must be a list of options' },
        )
        .max(500)
        .transform((values) => [...new Set(values)]);
    case 'relation':
    case 'user':
      return z.uuid({ error: 'must be a record id (uuid)' }).transform((id) => id.toLowerCase());
    case 'file':
      return z.string({ error: 'must be a file reference' }).max(500);
  }
}

/**
 * The schema of a record body: every active field optional and nullable; on create, required
 * fields without a default must be present and not null. Unknown keys are refused.
 */
export function recordSchemaFor(
  fields: readonly Field[],
  mode: 'create' | 'update',
): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) {
    const value = valueSchemaFor(field);
    const mustBePresent = mode === 'create' && field.required && field.default === undefined;
    if (mustBePresent) shape[field.key] = value;
    else if (field.required) shape[field.key] = value.optional();
    else shape[field.key] = value.nullable().optional();
  }
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'invalid_type' ? 'must be a JSON object' : undefined),
  });
}
