import type { Entity, Field } from '@formwork/definitions';
import dayjs from 'dayjs';
import { formatDateTime } from '../../../lib/formatDate';

/** Any value as text; objects and arrays as JSON rather than "[object Object]". */
export function textOf(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'object':
      return value === null ? '' : JSON.stringify(value);
    default:
      return '';
  }
}

const moneyFormats = new Map<string, Intl.NumberFormat>();
function moneyFormat(locale: string): Intl.NumberFormat {
  let format = moneyFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    moneyFormats.set(locale, format);
  }
  return format;
}

export function formatMoney(value: number, locale: string): string {
  return moneyFormat(locale).format(value);
}

/** 0.125 → "12.5%". */
export function formatPercent(value: number): string {
  return `${Number((value * 100).toFixed(2))}%`;
}

export function optionLabel(field: Field, value: unknown): string {
  const option = field.options?.find((candidate) => candidate.value === value);
  return option?.label || textOf(value);
}

const asNumber = (value: unknown): number | null => {
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : null;
};

/**
 * A value as plain text in the UI language (tags, links and relation labels are rendered by
 * FieldValue; this is their text form, also used in history and titles).
 */
export function formatValue(
  field: Field,
  value: unknown,
  locale: string,
  yesNo: { yes: string; no: string },
): string {
  if (value === null || value === undefined || value === '') return '';
  switch (field.type) {
    case 'money': {
      const number = asNumber(value);
      return number === null ? textOf(value) : formatMoney(number, locale);
    }
    case 'percent': {
      const number = asNumber(value);
      return number === null ? textOf(value) : formatPercent(number);
    }
    case 'integer':
    case 'number': {
      const number = asNumber(value);
      return number === null ? textOf(value) : number.toLocaleString(locale);
    }
    case 'boolean':
      return value ? yesNo.yes : yesNo.no;
    case 'date':
      return typeof value === 'string' && dayjs(value).isValid()
        ? dayjs(value).format('YYYY-MM-DD')
        : textOf(value);
    case 'datetime':
      return formatDateTime(textOf(value));
    case 'select':
      return optionLabel(field, value);
    case 'multiselect':
      return Array.isArray(value)
        ? value.map((item) => optionLabel(field, item)).join(', ')
        : textOf(value);
    case 'user':
      return userName(value) ?? textOf(relationId(value) ?? value);
    case 'relation':
      return textOf(relationId(value) ?? value);
    case 'text':
    case 'longtext':
    case 'email':
    case 'phone':
    case 'url':
    case 'file':
      return textOf(value);
  }
}

const LABEL_TYPES = new Set(['text', 'email', 'phone', 'url']);

/** The field that names a record of this entity: its first text-like field. */
export function labelFieldOf(entity: Entity | undefined): Field | undefined {
  const fields = entity?.fields.filter((field) => !field.archived) ?? [];
  return fields.find((field) => LABEL_TYPES.has(field.type));
}

/** A short name for a record: its label field's value, else the start of its id. */
export function recordLabel(entity: Entity | undefined, record: Record<string, unknown>): string {
  const field = labelFieldOf(entity);
  const value = field ? record[field.key] : undefined;
  if (typeof value === 'string' && value.trim()) return value;
  const id = typeof record.id === 'string' ? record.id : '';
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}

/** An expanded user (`{id, name, email}`) shows as its name. */
export function userName(value: unknown): string | null {
  if (value && typeof value === 'object' && 'name' in value && typeof value.name === 'string')
    return value.name;
  return null;
}

/** A relation value is an id, or, when expanded, the target record itself. */
export function relationId(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'id' in value && typeof value.id === 'string')
    return value.id;
  return null;
}
