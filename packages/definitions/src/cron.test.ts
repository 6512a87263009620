import { describe, expect, it } from '@jest/globals';
import { cronMatches, parseCron, type CronSchedule } from './cron.js';

function schedule(expression: string): CronSchedule {
  const result = parseCron(expression);
  if ('error' in result) throw new Error(result.error);
  return result.schedule;
}

// Local time: the engine reads schedules in its own time zone.
const at = (text: string) => new Date(text);

describe('parseCron', () => {
  it('reads every Monday at 9:00 (numbers or names)', () => {
    for (const expression of ['0 9 * * 1', '0 9 * * MON', '0 0 9 ? * mon']) {
      const monday = schedule(expression);
      expect(cronMatches(monday, at('2026-11-30T09:00:00'))).toBe(true);
      expect(cronMatches(monday, at('2026-11-30T09:01:00'))).toBe(false);
      expect(cronMatches(monday, at('2026-12-01T09:00:00'))).toBe(false);
    }
  });

  it('reads steps, ranges and lists', () => {
    const quarter = schedule('*/15 8-18 * * 1-5');
    expect(cronMatches(quarter, at('2026-12-01T08:45:00'))).toBe(true);
    expect(cronMatches(quarter, at('2026-12-01T08:50:00'))).toBe(false);
    expect(cronMatches(quarter, at('2026-12-05T08:45:00'))).toBe(false); // a Saturday
    const list = schedule('5,35 0 1,15 JAN,JUL *');
    expect(cronMatches(list, at('2027-07-15T00:35:00'))).toBe(true);
    expect(cronMatches(list, at('2027-08-15T00:35:00'))).toBe(false);
  });

  it('matches either day field when both are restricted, and 7 as Sunday', () => {
    const either = schedule('0 12 1 * 7');
    expect(cronMatches(either, at('2026-12-01T12:00:00'))).toBe(true); // the 1st
    expect(cronMatches(either, at('2026-12-06T12:00:00'))).toBe(true); // a Sunday
    expect(cronMatches(either, at('2026-12-07T12:00:00'))).toBe(false);
  });

  it('names what is wrong', () => {
    expect(parseCron('0 9 * *')).toEqual({ error: expect.stringContaining('five fields') });
    expect(parseCron('61 9 * * *')).toEqual({ error: expect.stringContaining('minute') });
    expect(parseCron('0 9 * * FUN')).toEqual({ error: expect.stringContaining('day of week') });
    expect(parseCron('*/0 * * * *')).toEqual({ error: expect.stringContaining('step') });
    expect(parseCron('0 9 L * *')).toEqual({ error: expect.stringContaining('day of month') });
  });
});
