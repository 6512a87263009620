/**
 * Cron schedules (`schedule:<cron>` classifier triggers, schedule flow triggers): five fields
 * `minute hour day-of-month month day-of-week`, or six with seconds first (ignored: schedules
 * tick once a minute). Fields take `*`, `?`, numbers, names (`MON`, `JAN`), ranges `1-5`, steps
 * `*\/15` or `1-30/2`, and lists. As in Vixie cron, when both day fields are restricted a day
 * matching either one matches.
 */
export interface CronSchedule {
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  daysOfMonth: ReadonlySet<number>;
  months: ReadonlySet<number>;
  daysOfWeek: ReadonlySet<number>;
  /** Whether each day field was `*` (then the other one alone decides). */
  anyDayOfMonth: boolean;
  anyDayOfWeek: boolean;
}

export type CronParseResult = { schedule: CronSchedule } | { error: string };

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: string[];
  /** The first name's number (months count from 1). */
  nameBase?: number;
}

const FIELDS: FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS, nameBase: 1 },
  { name: 'day of week', min: 0, max: 7, names: DAYS, nameBase: 0 },
];

function valueOf(text: string, spec: FieldSpec): number | undefined {
  const named = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  if (named >= 0) return named + (spec.nameBase ?? 0);
  if (!/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= spec.min && value <= spec.max ? value : undefined;
}

function parseField(text: string, spec: FieldSpec): Set<number> | string {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1)
      return `the ${spec.name} step "${stepText}" is not a positive number`;
    let from: number | undefined;
    let to: number | undefined;
    if (range === '*' || range === '?') [from, to] = [spec.min, spec.max];
    else {
      const [start = '', end] = range.split('-');
      from = valueOf(start, spec);
      to = end === undefined ? (stepText === undefined ? from : spec.max) : valueOf(end, spec);
    }
    if (from === undefined || to === undefined || from > to)
      return `"${part}" is not a valid ${spec.name} (${spec.min}–${spec.max})`;
    for (let value = from; value <= to; value += step) values.add(value);
  }
  return values;
}

export function parseCron(expression: string): CronParseResult {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5 && parts.length !== 6)
    return { error: 'a cron schedule has five fields: minute hour day-of-month month day-of-week' };
  const fields = parts.length === 6 ? parts.slice(1) : parts;
  const sets: Set<number>[] = [];
  for (const [index, spec] of FIELDS.entries()) {
    const parsed = parseField(fields[index] ?? '', spec);
    if (typeof parsed === 'string') return { error: parsed };
    sets.push(parsed);
  }
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = sets as [
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
  ];
  if (daysOfWeek.has(7)) daysOfWeek.add(0);
  const isAny = (text: string | undefined) => text === '*' || text === '?';
  return {
    schedule: {
      minutes,
      hours,
      daysOfMonth,
      months,
      daysOfWeek,
      anyDayOfMonth: isAny(fields[2]),
      anyDayOfWeek: isAny(fields[4]),
    },
  };
}

/** Whether the schedule fires in the minute of `at`, read in the engine's local time. */
export function cronMatches(schedule: CronSchedule, at: Date): boolean {
  if (!schedule.minutes.has(at.getMinutes()) || !schedule.hours.has(at.getHours())) return false;
  if (!schedule.months.has(at.getMonth() + 1)) return false;
  const byMonthDay = schedule.daysOfMonth.has(at.getDate());
  const byWeekDay = schedule.daysOfWeek.has(at.getDay());
  if (schedule.anyDayOfMonth) return byWeekDay;
  if (schedule.anyDayOfWeek) return byMonthDay;
  return byMonthDay || byWeekDay;
}
