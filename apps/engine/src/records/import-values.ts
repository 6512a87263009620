import type { Field } from '@formwork/definitions';
import { unguardFormula } from './csv.js';
import type { Cell } from './import-source.js';

/**
 * Cells as people fill them in spreadsheets, turned into the JSON values the record API takes
 * (recordSchemaFor then validates them with the API's own rules). A cell that cannot be read
 * is passed on as its text, so the validation names the problem as the API would.
 */

/** A cell that stands for a value but cannot be used, with the reason. */
export class CellProblem {
  constructor(readonly message: string) {}
}

export interface CellContext {
  /** Lower-cased email → user id, for user fields filled in with emails. */
  userIdsByEmail?: ReadonlyMap<string, string>;
}

export type CellReader = (cell: Cell, context?: CellContext) => unknown;

const pad = (value: number | string, length = 2) => String(value).padStart(length, '0');

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;
/** Full-width digits and punctuation (１２３，：) as ASCII; ASCII text is left as it is (fast path). */
const normalize = (text: string) => (ASCII.test(text) ? text : text.normalize('NFKC'));

const isoDate = (year: number | string, month: number | string, day: number | string) =>
  `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

const utcDateOf = (date: Date) =>
  isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());

/** An Excel serial day number (1900 date system, as XLSX stores dates) as a Date. */
export function excelSerialToDate(serial: number): Date | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return undefined;
  return new Date(Math.round((serial - 25_569) * 86_400_000));
}

const DATE_PART = String.raw`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?`;
const DATETIME_TEXT = new RegExp(
  `^${DATE_PART}(?:(?:\\s*T\\s*|\\s+)(\\d{1,2})\\s*[:：时]\\s*(\\d{1,2})\\s*分?(?:\\s*[:：]?\\s*(\\d{1,2})(?:\\.(\\d{1,9}))?\\s*秒?)?)?\\s*(Z|z|UTC|[+-]\\d{2}:?\\d{2})?$`,
);

interface DateTimeParts {
  date: string;
  time?: { hour: number; minute: number; second: number; fraction: string };
  offset?: string;
}

/** YYYY-MM-DD, YYYY/M/D, YYYY.MM.DD, YYYY年M月D日, each optionally with a time and an offset. */
export function parseDateTimeText(text: string): DateTimeParts | undefined {
  const normalized = normalize(text).trim();
  const match = DATETIME_TEXT.exec(normalized);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction, offset] = match;
  return {
    date: isoDate(year!, month!, day!),
    time:
      hour === undefined
        ? undefined
        : {
            hour: Number(hour),
            minute: Number(minute),
            second: Number(second ?? 0),
            fraction: (fraction ?? '').slice(0, 3),
          },
    offset:
      offset === undefined || /^(z|utc)$/i.test(offset)
        ? undefined
        : offset.includes(':')
          ? offset
          : `${offset.slice(0, 3)}:${offset.slice(3)}`,
  };
}

function readDate(cell: Cell): unknown {
  if (cell instanceof Date) return utcDateOf(cell);
  if (typeof cell === 'number') {
    const date = excelSerialToDate(cell);
    return date ? utcDateOf(date) : String(cell);
  }
  const text = String(cell).trim();
  const parts = parseDateTimeText(text);
  // "2024/1/5 0:00" (how spreadsheets often write dates) is a date; a real time of day is not.
  if (
    parts &&
    (!parts.time ||
      (parts.time.hour + parts.time.minute + parts.time.second === 0 && !parts.offset))
  )
    return parts.date;
  return text;
}

function readDateTime(cell: Cell): unknown {
  if (cell instanceof Date) return cell.toISOString();
  if (typeof cell === 'number') return excelSerialToDate(cell)?.toISOString() ?? String(cell);
  const text = String(cell).trim();
  const parts = parseDateTimeText(text);
  if (!parts) return text;
  const time = parts.time ?? { hour: 0, minute: 0, second: 0, fraction: '' };
  // Without an offset the time is taken as UTC.
  return `${parts.date}T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}${time.fraction ? `.${time.fraction}` : ''}${parts.offset ?? 'Z'}`;
}

const GROUPED = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/;
const SCIENTIFIC = /^[+-]?\d+(\.\d+)?e[+-]?\d+$/i;

/**
 * "1,234,567.50" → 1234567.5; also "¥1,234", "(1,234.00)" (accounting negative), "1.5E+3",
 * full-width digits. Undefined when the text is not a number.
 */
export function parseNumberText(input: string): number | undefined {
  let text = normalize(input)
    .trim()
    .replace(/^[¥$€£]\s*/, '')
    .replace(/\s*[元]$/, '');
  let sign = 1;
  if (/^\(.*\)$/.test(text)) {
    sign = -1;
    text = text.slice(1, -1).trim();
  }
  if (!/\d/.test(text) || !(GROUPED.test(text) || SCIENTIFIC.test(text))) return undefined;
  const value = Number(text.replaceAll(',', ''));
  return Number.isFinite(value) ? sign * value : undefined;
}

function readNumber(cell: Cell, percent: boolean): unknown {
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'boolean' || cell instanceof Date) return String(cell);
  const text = String(cell).trim();
  if (percent && /%\s*$/.test(text)) {
    const value = parseNumberText(text.replace(/%\s*$/, ''));
    return value === undefined ? text : Number((value / 100).toPrecision(15));
  }
  return parseNumberText(text) ?? text;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', 't', '1', '是', '对', '真', '√', '✓']);
const FALSE_WORDS = new Set(['false', 'no', 'n', 'f', '0', '否', '错', '假', '×', '✗']);

function readBoolean(cell: Cell): unknown {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number' && (cell === 0 || cell === 1)) return cell === 1;
  const text = normalize(String(cell)).trim().toLowerCase();
  if (TRUE_WORDS.has(text)) return true;
  if (FALSE_WORDS.has(text)) return false;
  return text;
}

function textOf(cell: Cell): string {
  if (cell instanceof Date) {
    const time = cell.toISOString();
    return time.endsWith('T00:00:00.000Z') ? time.slice(0, 10) : time;
  }
  return typeof cell === 'string' ? unguardFormula(cell.trim()) : String(cell);
}

/** Option value by value, then label, then either ignoring case. */
function optionMatcher(field: Field): (text: string) => string | undefined {
  const options = field.options ?? [];
  const exact = new Map<string, string>();
  const loose = new Map<string, string>();
  for (const option of options) exact.set(option.value, option.value);
  for (const option of options)
    if (option.label && !exact.has(option.label)) exact.set(option.label, option.value);
  for (const option of options) {
    for (const name of [option.value, option.label]) {
      const key = name?.trim().toLowerCase();
      if (key && !loose.has(key)) loose.set(key, option.value);
    }
  }
  return (text) => exact.get(text) ?? loose.get(text.trim().toLowerCase());
}

const STRONG_SEPARATORS = /[;；、\n]/;
const WEAK_SEPARATORS = /[,，]/;

/** The reader of one field's cells: undefined means the cell is empty (the field is absent). */
export function cellReaderFor(field: Field): CellReader {
  const isEmpty = (cell: Cell) =>
    cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
  const read = ((): CellReader => {
    switch (field.type) {
      case 'integer':
      case 'number':
      case 'money':
        return (cell) => readNumber(cell, false);
      case 'percent':
        return (cell) => readNumber(cell, true);
      case 'boolean':
        return readBoolean;
      case 'date':
        return readDate;
      case 'datetime':
        return readDateTime;
      case 'select': {
        const match = optionMatcher(field);
        return (cell) => {
          const text = textOf(cell);
          return match(text) ?? text;
        };
      }
      case 'multiselect': {
        const match = optionMatcher(field);
        return (cell) => {
          const text = textOf(cell);
          const whole = match(text);
          if (whole !== undefined) return [whole];
          const separator = STRONG_SEPARATORS.test(text) ? STRONG_SEPARATORS : WEAK_SEPARATORS;
          return text
            .split(separator)
            .map((part) => part.trim())
            .filter((part) => part !== '')
            .map((part) => match(part) ?? part);
        };
      }
      case 'user':
        return (cell, context) => {
          const text = textOf(cell);
          if (!text.includes('@')) return text;
          const id = context?.userIdsByEmail?.get(text.toLowerCase());
          return id ?? new CellProblem(`no user has the email ${text}`);
        };
      case 'text':
      case 'longtext':
      case 'email':
      case 'phone':
      case 'url':
      case 'relation':
      case 'file':
        return textOf;
    }
  })();
  return (cell, context) => (isEmpty(cell) ? undefined : read(cell, context));
}
