import type { RJSFValidationError } from '@rjsf/utils';
import { format, type MessageKey, type Messages } from '../locale/messages';

const FORMAT_MESSAGES: Record<string, MessageKey> = {
  email: 'errorEmail',
  phone: 'errorPhone',
  date: 'errorDate',
  uri: 'errorUrl',
};

const LIMIT_MESSAGES: Record<string, MessageKey> = {
  minimum: 'errorMinimum',
  exclusiveMinimum: 'errorMinimum',
  maximum: 'errorMaximum',
  exclusiveMaximum: 'errorMaximum',
  minLength: 'errorMinLength',
  maxLength: 'errorMaxLength',
};

/** A customer-friendly message in the page's language for what ajv reports in English. */
function messageFor(error: RJSFValidationError, messages: Messages): string | undefined {
  const params = (error.params ?? {}) as Record<string, unknown>;
  const name = error.name ?? '';
  if (name === 'required') return messages.errorRequired;
  if (name === 'format') {
    const key = FORMAT_MESSAGES[String(params.format)];
    return key ? messages[key] : messages.errorFormat;
  }
  if (name === 'pattern') return messages.errorFormat;
  if (name === 'enum' || name === 'const') return messages.errorEnum;
  if (name === 'type' && params.type === 'integer') return messages.errorInteger;
  if (name === 'type' && params.type === 'number') return messages.errorNumber;
  const limitKey = LIMIT_MESSAGES[name];
  if (limitKey) return format(messages[limitKey], { limit: String(params.limit) });
  return undefined;
}

/** The top-level field an error is about (`.email` → `email`). */
export function fieldOfError(error: RJSFValidationError): string | undefined {
  return error.property?.replace(/^\./, '').split(/[.[]/)[0] || undefined;
}

/**
 * Localises the errors and drops those of hidden fields: their values are not sent, so a stale
 * value there must not block the customer.
 */
export function localizeErrors(
  errors: RJSFValidationError[],
  messages: Messages,
  hidden: ReadonlySet<string>,
): RJSFValidationError[] {
  return errors
    .filter((error) => {
      // "must match then schema" only repeats the `required` error reported on the field itself.
      if (error.name === 'if') return false;
      const field = fieldOfError(error);
      return !field || !hidden.has(field);
    })
    .map((error) => {
      const message = messageFor(error, messages);
      return message ? { ...error, message, stack: message } : error;
    });
}

type ServerMessageRule = [RegExp, (match: RegExpExecArray, messages: Messages) => string];

const formatMessage = (name: string | undefined, messages: Messages) => {
  const key = FORMAT_MESSAGES[name ?? ''];
  return key ? messages[key] : messages.errorFormat;
};
const limit = (key: MessageKey) => (match: RegExpExecArray, messages: Messages) =>
  format(messages[key], { limit: match[1] ?? '' });

/** The engine reports ajv's English messages (and `is required`): the same words, localised. */
const SERVER_MESSAGES: ServerMessageRule[] = [
  [/^is required$/, (_, messages) => messages.errorRequired],
  [/^must match format "([^"]+)"$/, (match, messages) => formatMessage(match[1], messages)],
  [/^must match pattern /, (_, messages) => messages.errorFormat],
  [/^must be equal to (one of the allowed values|constant)$/, (_, messages) => messages.errorEnum],
  [/^must be integer$/, (_, messages) => messages.errorInteger],
  [/^must be number$/, (_, messages) => messages.errorNumber],
  [/^must be >=? (-?[\d.]+)$/, limit('errorMinimum')],
  [/^must be <=? (-?[\d.]+)$/, limit('errorMaximum')],
  [/^must NOT have fewer than (\d+) characters$/, limit('errorMinLength')],
  [/^must NOT have more than (\d+) characters$/, limit('errorMaxLength')],
];

/** A message of the engine's 422 in the page's language; one we do not know stays as it is. */
export function localizeServerMessage(message: string, messages: Messages): string {
  for (const [pattern, localize] of SERVER_MESSAGES) {
    const match = pattern.exec(message);
    if (match) return localize(match, messages);
  }
  return message;
}
