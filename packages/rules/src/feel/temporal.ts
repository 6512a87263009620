import { formatDecimal, parseDecimal, type Decimal } from './decimal.js';
import type {
  FeelDate,
  FeelDateTime,
  FeelDaysDuration,
  FeelMonthsDuration,
  FeelTime,
} from './values.js';

const DATE = /^(-?\d{4,9})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:\d{2}(?::\d{2})?|@[A-Za-z_/+-]+)?$/;
const DURATION =
  /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `YYYY-MM-DD` → a date, or undefined when it is not a real calendar day. */
export function parseDate(text: string): FeelDate | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { kind: 'date', year, month, day };
}

function parseOffset(text: string | undefined): number | null | undefined {
  if (text === undefined || text.startsWith('@')) return null;
  if (text === 'Z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const [hours = 0, minutes = 0, seconds = 0] = text.slice(1).split(':').map(Number);
  if (hours > 18 || minutes > 59) return undefined;
  return sign * (hours * 3600 + minutes * 60 + seconds);
}

/** `hh:mm:ss[.fff][Z|±hh:mm]` → a time. */
export function parseTime(text: string): FeelTime | undefined {
  const match = TIME.exec(text);
  if (!match) return undefined;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  const seconds = parseDecimal(match[3] ?? '');
  const offset = parseOffset(match[4]);
  if (!seconds || offset === undefined || hours > 23 || minutes > 59) return undefined;
  if (Number(match[3]) >= 60) return undefined;
  const total = parseDecimal(String(hours * 3600 + minutes * 60));
  if (!total) return undefined;
  const scale = seconds.scale;
  return {
    kind: 'time',
    seconds: { coefficient: total.coefficient * 10n ** BigInt(scale) + seconds.coefficient, scale },
    offset,
  };
}

/** `YYYY-MM-DDThh:mm:ss…` (or a bare date, which means its midnight) → a date and time. */
export function parseDateTime(text: string): FeelDateTime | undefined {
  const [datePart = '', timePart, ...rest] = text.split('T');
  if (rest.length > 0) return undefined;
  const date = parseDate(datePart);
  const time = parseTime(timePart ?? '00:00:00');
  return date && time ? { kind: 'date and time', date, time } : undefined;
}

/** `P1DT2H` → days and time; `P1Y2M` → years and months; mixing both kinds is not a FEEL value. */
export function parseDuration(text: string): FeelDaysDuration | FeelMonthsDuration | undefined {
  const match = DURATION.exec(text);
  if (!match || text.endsWith('P') || text.endsWith('T')) return undefined;
  const [, minus, years, months, days, hours, minutes, seconds] = match;
  const sign = minus ? -1n : 1n;
  if (years !== undefined || months !== undefined) {
    if (days !== undefined || hours !== undefined || minutes !== undefined || seconds !== undefined)
      return undefined;
    const total = Number(years ?? 0) * 12 + Number(months ?? 0);
    return { kind: 'years and months duration', months: minus ? -total : total };
  }
  const fraction = parseDecimal(seconds ?? '0');
  if (!fraction) return undefined;
  const whole =
    BigInt(days ?? 0) * 86400n + BigInt(hours ?? 0) * 3600n + BigInt(minutes ?? 0) * 60n;
  const scaled = whole * 10n ** BigInt(fraction.scale) + fraction.coefficient;
  return {
    kind: 'days and time duration',
    seconds: { coefficient: sign * scaled, scale: fraction.scale },
  };
}

const pad = (value: number, width = 2) => String(Math.abs(value)).padStart(width, '0');

export function formatDate(date: FeelDate): string {
  return `${date.year < 0 ? '-' : ''}${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

function formatOffset(offset: number | null): string {
  if (offset === null) return '';
  if (offset === 0) return 'Z';
  const magnitude = Math.abs(offset);
  const seconds = magnitude % 60;
  return `${offset < 0 ? '-' : '+'}${pad(Math.floor(magnitude / 3600))}:${pad(Math.floor(magnitude / 60) % 60)}${seconds ? ':' + pad(seconds) : ''}`;
}

function splitSeconds(seconds: Decimal): [bigint, string] {
  const unit = 10n ** BigInt(seconds.scale);
  const whole = seconds.coefficient / unit;
  const fraction = seconds.coefficient % unit;
  const fractionText =
    seconds.scale > 0
      ? formatDecimal({
          coefficient: fraction < 0n ? -fraction : fraction,
          scale: seconds.scale,
        }).slice(1)
      : '';
  return [whole, fractionText];
}

export function formatTime(time: FeelTime): string {
  const [whole, fraction] = splitSeconds(time.seconds);
  const total = Number(whole);
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}${fraction}${formatOffset(time.offset)}`;
}

export function formatDateTime(value: FeelDateTime): string {
  return `${formatDate(value.date)}T${formatTime(value.time)}`;
}

export function formatDuration(value: FeelDaysDuration | FeelMonthsDuration): string {
  if (value.kind === 'years and months duration') {
    const months = Math.abs(value.months);
    const years = Math.floor(months / 12);
    const text = `${years ? years + 'Y' : ''}${months % 12 || !years ? (months % 12) + 'M' : ''}`;
    return `${value.months < 0 ? '-' : ''}P${text}`;
  }
  const negative = value.seconds.coefficient < 0n;
  const magnitude = {
    coefficient: negative ? -value.seconds.coefficient : value.seconds.coefficient,
    scale: value.seconds.scale,
  };
  const [whole, fraction] = splitSeconds(magnitude);
  const days = whole / 86400n;
  const hours = (whole / 3600n) % 24n;
  const minutes = (whole / 60n) % 60n;
  const seconds = whole % 60n;
  let time = `${hours ? hours + 'H' : ''}${minutes ? minutes + 'M' : ''}`;
  if (seconds || fraction) time += `${seconds}${fraction}S`;
  const body = `${days ? days + 'D' : ''}${time ? 'T' + time : ''}`;
  return `${negative ? '-' : ''}P${body || 'T0S'}`;
}
