import { decimalFromNumber, decimalToNumber, formatDecimal, parseDecimal } from './decimal.js';
import {
  formatDate,
  formatDateTime,
  formatDuration,
  formatTime,
  parseDate,
  parseDateTime,
  parseDuration,
  parseTime,
} from './temporal.js';
import { feelContext, feelNumber, isFeelList, type FeelValue, type ValueType } from './values.js';

/** A plain JSON-like value, as records and API bodies hold them. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

const FEEL_KINDS = new Set([
  'number',
  'date',
  'time',
  'date and time',
  'days and time duration',
  'years and months duration',
  'context',
]);

function isFeelTagged(value: object): value is Exclude<FeelValue, null | string | boolean> {
  return 'kind' in value && FEEL_KINDS.has(String(value.kind)) && Object.keys(value).length <= 4;
}

function fromText(text: string, type: ValueType | undefined): FeelValue {
  switch (type) {
    case 'number': {
      const decimal = parseDecimal(text);
      return decimal ? feelNumber(decimal) : text;
    }
    case 'date':
      return parseDate(text.length > 10 && text[10] === 'T' ? text.slice(0, 10) : text) ?? text;
    case 'date and time':
      return parseDateTime(text) ?? text;
    case 'time':
      return parseTime(text) ?? text;
    case 'days and time duration':
    case 'years and months duration':
      return parseDuration(text) ?? text;
    case 'string':
    case 'boolean':
    case 'any':
    case undefined:
      return text;
  }
}

/**
 * Turns a record value into a FEEL value. `type` says how to read text: money arrives as the
 * decimal string "12.50", a date as "2024-05-01"; without a type, text stays a string.
 */
export function toFeelValue(value: unknown, type?: ValueType): FeelValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    const decimal = decimalFromNumber(value);
    return decimal ? feelNumber(decimal) : null;
  }
  if (typeof value === 'bigint') return feelNumber({ coefficient: value, scale: 0 });
  if (typeof value === 'string') return fromText(value, type);
  if (value instanceof Date)
    return parseDateTime(value.toISOString().replace(/\.000Z$/, 'Z')) ?? null;
  if (Array.isArray(value)) return value.map((item) => toFeelValue(item));
  if (typeof value === 'object') {
    if (isFeelTagged(value)) return value;
    const entries: Record<string, FeelValue> = {};
    for (const [key, item] of Object.entries(value)) entries[key] = toFeelValue(item);
    return feelContext(entries);
  }
  return null;
}

/** A FEEL value as JSON: numbers as JSON numbers, dates and durations as ISO 8601 text. */
export function toJsonValue(value: FeelValue): JsonValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (isFeelList(value)) return value.map(toJsonValue);
  switch (value.kind) {
    case 'number':
      return decimalToNumber(value.value);
    case 'date':
      return formatDate(value);
    case 'time':
      return formatTime(value);
    case 'date and time':
      return formatDateTime(value);
    case 'days and time duration':
    case 'years and months duration':
      return formatDuration(value);
    case 'context': {
      const result: Record<string, JsonValue> = {};
      for (const [key, item] of Object.entries(value.entries)) result[key] = toJsonValue(item);
      return result;
    }
  }
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}

/** The FEEL literal that reads back as this value: `"A"`, `12.5`, `date("2024-01-31")`. */
export function formatFeelValue(value: FeelValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return quote(value);
  if (isFeelList(value)) return `[${value.map(formatFeelValue).join(', ')}]`;
  switch (value.kind) {
    case 'number':
      return formatDecimal(value.value);
    case 'date':
      return `date(${quote(formatDate(value))})`;
    case 'time':
      return `time(${quote(formatTime(value))})`;
    case 'date and time':
      return `date and time(${quote(formatDateTime(value))})`;
    case 'days and time duration':
    case 'years and months duration':
      return `duration(${quote(formatDuration(value))})`;
    case 'context':
      return `{${Object.entries(value.entries)
        .map(([key, item]) => `${quote(key)}: ${formatFeelValue(item)}`)
        .join(', ')}}`;
  }
}
