/**
 * The calendar's arithmetic is bounded whatever it is given: every loop walks days, so instants
 * and results are held to the calendar's span (1900–2299) and anything outside is a RangeError at
 * once. Before, 1e20 walked days until "Map maximum size exceeded" (~13 s, +700 MB) and 30,000
 * years froze the event loop for 33 s.
 */
import { describe, expect, it } from 'vitest';
import { WorkCalendar, CALENDAR_END_YEAR, CALENDAR_FIRST_YEAR, inCalendarSpan } from './work-calendar';
import { at } from './test-helpers';

const YEAR = 365 * 86_400_000;

/** Runs `fn` and returns how long it took; the bound is a freeze guard, not a speed target. */
const timed = (fn: () => void): number => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

describe('WorkCalendar: absurd spans', () => {
  const now = at('2026-03-02 10:00');

  it('refuses instants and results outside its span at once', () => {
    const cal = new WorkCalendar();
    const cases: Array<[string, () => unknown]> = [
      ['workingMsBetween to 1e20', () => cal.workingMsBetween(now, 1e20)],
      ['workingMsBetween to now + 30,000 years', () => cal.workingMsBetween(now, now + 30_000 * YEAR)],
      ['workingMsBetween from -1e20', () => cal.workingMsBetween(-1e20, now)],
      ['workingMsBetween with a pause to 1e20', () => cal.workingMsBetween(now, now + YEAR, [{ from: now, to: 1e20 }])],
      ['addWorkingDays of a billion days', () => cal.addWorkingDays(now, 1e9)],
      ['addWorkingDays from 1e20', () => cal.addWorkingDays(1e20, 1)],
      ['addWorkingHours of 1e12 hours', () => cal.addWorkingHours(now, 1e12)],
      ['addWorkingHours of Number.MAX_VALUE', () => cal.addWorkingHours(now, Number.MAX_VALUE)],
      ['dayKind of 8.64e15', () => cal.dayKind(8.64e15)],
      ['isWorkday of year 1000', () => cal.isWorkday(Date.UTC(1000, 0, 1))],
    ];
    for (const [what, fn] of cases) {
      const ms = timed(() => expect(fn, what).toThrow(RangeError));
      expect(ms, what).toBeLessThan(2_000);
    }
  });

  it('computes across its whole span in bounded time', () => {
    const cal = new WorkCalendar();
    const first = Date.UTC(CALENDAR_FIRST_YEAR, 0, 2);
    const last = Date.UTC(CALENDAR_END_YEAR - 1, 11, 30);
    let total = 0;
    const ms = timed(() => {
      total = cal.workingMsBetween(first, last);
    });
    // ~400 years of ~250 working days of 7 office hours each
    expect(total / (7 * 3_600_000)).toBeGreaterThan(390 * 240);
    expect(total / (7 * 3_600_000)).toBeLessThan(400 * 262);
    expect(ms).toBeLessThan(2_000);
    expect(cal.addWorkingDays(Date.UTC(2299, 11, 1), 5)).toBeGreaterThan(Date.UTC(2299, 11, 1));
  });

  it('says which instants it covers', () => {
    expect(inCalendarSpan(now)).toBe(true);
    expect(inCalendarSpan(Date.UTC(CALENDAR_FIRST_YEAR, 0, 1))).toBe(true);
    expect(inCalendarSpan(Date.UTC(CALENDAR_END_YEAR, 0, 1))).toBe(false);
    expect(inCalendarSpan(Number.NaN)).toBe(false);
    expect(inCalendarSpan(1e20)).toBe(false);
  });
});
