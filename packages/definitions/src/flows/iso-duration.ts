/** An ISO 8601 duration split into its parts (`P1Y2M3W4DT5H6M7.5S`). */
export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const DURATION_PATTERN =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,3})?)S)?)?$/;

/** Parses an ISO 8601 duration; null when the text is not one (`P`, `PT`, `2 days`, `P-1D`). */
export function parseIsoDuration(text: string): IsoDuration | null {
  const match = DURATION_PATTERN.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return null;
  const [years, months, weeks, days, hours, minutes, seconds] = match
    .slice(1)
    .map((part) => (part === undefined ? 0 : Number(part)));
  return {
    years: years ?? 0,
    months: months ?? 0,
    weeks: weeks ?? 0,
    days: days ?? 0,
    hours: hours ?? 0,
    minutes: minutes ?? 0,
    seconds: seconds ?? 0,
  };
}

export const isIsoDuration = (text: string): boolean => parseIsoDuration(text) !== null;
