import { parseIsoDuration } from '@formwork/definitions';

/** `at` moved forward by an ISO 8601 duration (calendar months and years, as people mean them). */
export function addDuration(at: Date, duration: string): Date | undefined {
  const parts = parseIsoDuration(duration);
  if (!parts) return undefined;
  const next = new Date(at);
  next.setUTCFullYear(next.getUTCFullYear() + parts.years, next.getUTCMonth() + parts.months);
  next.setUTCDate(next.getUTCDate() + parts.weeks * 7 + parts.days);
  const ms = ((parts.hours * 60 + parts.minutes) * 60 + parts.seconds) * 1000;
  return new Date(next.getTime() + ms);
}

/** A record's date or datetime value as an instant (a date is its midnight UTC). */
export function instantOf(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
