import type { RJSFValidationError } from '@rjsf/utils';
import type { TFunction } from 'i18next';

/** `.email` → `email`; the top-level property an ajv error is about. */
export function errorField(error: RJSFValidationError): string | undefined {
  const match = /^\.?([^.[]+)/.exec(error.property ?? '');
  return match?.[1];
}

const LIMIT_KEYWORDS = new Set([
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
]);

function messageOf(error: RJSFValidationError, t: TFunction): string {
  const params = (error.params ?? {}) as Record<string, unknown>;
  const name = error.name ?? '';
  if (LIMIT_KEYWORDS.has(name))
    return t(`forms.renderer.errors.${name}` as 'forms.renderer.errors.minimum', {
      limit: typeof params.limit === 'number' ? String(params.limit) : '',
    });
  if (name === 'format') {
    const format = typeof params.format === 'string' ? params.format : '';
    const known = t(`forms.renderer.formats.${format}` as 'forms.renderer.formats.email', {
      defaultValue: format,
    });
    return t('forms.renderer.errors.format', { format: known });
  }
  if (['required', 'pattern', 'enum', 'type', 'uniqueItems'].includes(name))
    return t(`forms.renderer.errors.${name}` as 'forms.renderer.errors.required');
  return t('forms.renderer.errors.other');
}

/**
 * Ajv's errors in the form's language, without those about hidden fields (they are not submitted)
 * and without the `if` wrapper errors that only repeat a conditional `required`.
 */
export function translateErrors(
  errors: RJSFValidationError[],
  t: TFunction,
  hidden: ReadonlySet<string>,
): RJSFValidationError[] {
  return errors
    .filter((error) => error.name !== 'if')
    .filter((error) => {
      const field = errorField(error);
      return !field || !hidden.has(field);
    })
    .map((error) => {
      const message = messageOf(error, t);
      return { ...error, message, stack: `${error.property ?? ''} ${message}`.trim() };
    });
}
