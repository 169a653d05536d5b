/** Which year's arrangement applies: the package, an admin override, or plain weekends (with a warning). */
import { afterAll, beforeAll, describe, it, expect, vi } from 'vitest';
import { AppError } from '../errors';
import { parseArrangementText } from './arrangement';
import { packageYears } from './package-data';
import { WorkCalendar } from './work-calendar';
import { at, fmt } from './test-helpers';

// A made-up 2027 arrangement (2027-01-01 is a Friday): 春节 Mon Feb 8 – Sun Feb 14 off,
// Sat Feb 6 and Sat Feb 20 worked.
const made2027 = parseArrangementText(
  [
    '2027-01-01 休',
    ...['08', '09', '10', '11', '12', '13', '14'].map((d) => `2027-02-${d} 休`),
    '2027-02-06 班',
    '2027-02-20 班',
  ].join('\n'),
  { source: 'made up for tests' },
);

describe('package years', () => {
  it('chinese-days 1.5.x publishes 2004–2026', () => {
    const years = packageYears();
    expect(years[0]).toBe(2004);
    expect(years).toContain(2025);
    expect(years).toContain(2026);
    expect(years).not.toContain(2040);
  });
});

describe('overrides', () => {
  it('an override year is used and reported as known', () => {
    const onUnknownYear = vi.fn();
    const cal = new WorkCalendar({ overrides: [made2027], onUnknownYear });
    expect(cal.knownYears()).toContain(2027);
    expect(cal.isKnownYear(2027)).toBe(true);
    expect(cal.arrangementFor(2027)).toEqual(made2027);
    expect(cal.dayKind(at('2027-01-01 10:00'))).toBe('holiday');
    expect(cal.dayKind(at('2027-02-06 10:00'))).toBe('makeup_workday');
    expect(cal.dayKind(at('2027-02-10 10:00'))).toBe('holiday');
    expect(cal.dayKind(at('2027-02-13 10:00'))).toBe('holiday'); // Saturday inside the holiday
    expect(cal.dayKind(at('2027-02-21 10:00'))).toBe('weekend');
    // Fri Feb 5 → Sat Feb 6 (make-up), Mon Feb 15, …, Fri Feb 19, Sat Feb 20 (make-up)
    expect(fmt(cal.addWorkingDays(at('2027-02-05 10:00'), 1))).toBe('2027-02-06 17:30');
    expect(fmt(cal.addWorkingDays(at('2027-02-05 10:00'), 2))).toBe('2027-02-15 17:30');
    expect(fmt(cal.addWorkingDays(at('2027-02-05 10:00'), 7))).toBe('2027-02-20 17:30');
    expect(onUnknownYear).not.toHaveBeenCalled();
    expect(cal.warnings()).toEqual([]);
  });

  it('an override fully replaces the package for its year, and only that year', () => {
    // only New Year's Day: no Spring Festival, no make-up days
    const cal = new WorkCalendar({ overrides: [{ year: 2025, holidays: ['2025-01-01'], workdays: [] }] });
    expect(cal.dayKind(at('2025-01-01 10:00'))).toBe('holiday');
    expect(cal.dayKind(at('2025-01-26 10:00'))).toBe('weekend'); // was a make-up Sunday
    expect(cal.dayKind(at('2025-01-28 10:00'))).toBe('workday'); // was 春节
    expect(cal.dayKind(at('2025-10-01 10:00'))).toBe('workday'); // was 国庆
    expect(fmt(cal.addWorkingDays(at('2025-01-27 10:00'), 3))).toBe('2025-01-30 17:30');
    expect(cal.dayKind(at('2026-02-16 10:00'))).toBe('holiday'); // 2026 still from the package
  });

  it('validates overrides and refuses two for the same year', () => {
    expect(() => new WorkCalendar({ overrides: [{ year: 2027, holidays: ['2027-1-1'], workdays: [] }] })).toThrow(
      AppError,
    );
    expect(() => new WorkCalendar({ overrides: [made2027, { ...made2027 }] })).toThrow(
      /two arrangements for year 2027/,
    );
  });
});

describe('unknown years', () => {
  it('fall back to plain weekends and warn once per year', () => {
    const onUnknownYear = vi.fn();
    const cal = new WorkCalendar({ onUnknownYear });
    expect(cal.isKnownYear(2040)).toBe(false);
    expect(cal.knownYears()).not.toContain(2040);
    // 2040-01-01 is a Sunday: a naive "is Jan 1 a holiday?" check would call 2040 known
    expect(cal.dayKind(at('2040-01-01 10:00'))).toBe('weekend');
    expect(cal.dayKind(at('2040-01-02 10:00'))).toBe('workday');
    expect(fmt(cal.addWorkingDays(at('2040-01-06 10:00'), 1))).toBe('2040-01-09 17:30'); // Fri → Mon
    expect(cal.workingMsBetween(at('2040-03-01'), at('2040-04-01'))).toBe(22 * 7 * 3_600_000);
    expect(onUnknownYear).toHaveBeenCalledTimes(1);
    expect(onUnknownYear).toHaveBeenCalledWith(2040);
    expect(cal.warnings()).toEqual([{ code: 'unknown_year', year: 2040, message: expect.stringContaining('2040') }]);
  });

  it('warn when a deadline runs into the next, unpublished year', () => {
    const onUnknownYear = vi.fn();
    const cal = new WorkCalendar({ onUnknownYear });
    // Wed 2026-12-30 → Thu Dec 31, then 2027 with no data: Fri Jan 1 counts as an ordinary Friday
    expect(fmt(cal.addWorkingDays(at('2026-12-30 10:00'), 2))).toBe('2027-01-01 17:30');
    expect(onUnknownYear.mock.calls).toEqual([[2027]]);
    expect(cal.warnings().map((w) => w.year)).toEqual([2027]);
  });

  it('a range ending at midnight on Jan 1 does not touch the next year', () => {
    const onUnknownYear = vi.fn();
    new WorkCalendar({ onUnknownYear }).workingMsBetween(at('2026-12-01'), at('2027-01-01'));
    expect(onUnknownYear).not.toHaveBeenCalled();
  });

  it('each calendar instance warns for itself; warnings() returns copies', () => {
    const a = new WorkCalendar();
    const b = new WorkCalendar();
    a.dayKind(at('2040-06-01'));
    a.dayKind(at('2041-06-01'));
    expect(a.warnings().map((w) => w.year)).toEqual([2040, 2041]);
    expect(b.warnings()).toEqual([]);
    a.warnings().pop();
    expect(a.warnings()).toHaveLength(2);
  });

  it('an override makes a future year known', () => {
    const onUnknownYear = vi.fn();
    const cal = new WorkCalendar({
      onUnknownYear,
      overrides: [{ year: 2040, holidays: ['2040-01-02'], workdays: [] }],
    });
    expect(cal.dayKind(at('2040-01-02 10:00'))).toBe('holiday');
    expect(onUnknownYear).not.toHaveBeenCalled();
  });
});

describe('independence from the process time zone', () => {
  const saved = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'America/New_York';
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('gives the same answers with TZ=America/New_York', () => {
    expect(new Date(at('2025-01-28 00:30')).getDate()).toBe(27); // the switch took effect
    const cal = new WorkCalendar();
    expect(cal.dayKind(at('2025-01-27 10:00'))).toBe('workday');
    expect(cal.dayKind(at('2025-01-28 10:00'))).toBe('holiday');
    expect(cal.dayKind(at('2025-02-04 10:00'))).toBe('holiday');
    expect(cal.dayKind(at('2025-02-08 10:00'))).toBe('makeup_workday');
    expect(fmt(cal.addWorkingDays(at('2025-01-27 10:00'), 4))).toBe('2025-02-08 17:30');
    expect(fmt(cal.addWorkingHours(at('2025-01-27 16:00'), 8))).toBe('2025-02-05 17:00');
  });
});
