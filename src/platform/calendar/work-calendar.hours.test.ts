/** Office-hour arithmetic: addWorkingHours, nextWorkingInstant, workingMsBetween (with pauses). */
import { describe, it, expect } from 'vitest';
import { AppError } from '../errors';
import { WorkCalendar, mergePauses } from './work-calendar';
import { at, fmt, HOUR } from './test-helpers';

const cal = new WorkCalendar(); // 08:30–12:00, 14:00–17:30 → 7 h a day

describe('nextWorkingInstant', () => {
  it.each([
    ['2025-03-03 07:00', '2025-03-03 08:30'], // before opening
    ['2025-03-03 08:30', '2025-03-03 08:30'], // opening instant is inside
    ['2025-03-03 11:59', '2025-03-03 11:59'],
    ['2025-03-03 12:00', '2025-03-03 14:00'], // lunch gap
    ['2025-03-03 13:15', '2025-03-03 14:00'],
    ['2025-03-03 17:29', '2025-03-03 17:29'],
    ['2025-03-03 17:30', '2025-03-04 08:30'], // closed
    ['2025-03-07 18:00', '2025-03-10 08:30'], // Fri evening → Mon
    ['2025-02-01 10:00', '2025-02-05 08:30'], // Spring Festival Saturday
    ['2025-02-08 07:00', '2025-02-08 08:30'], // make-up Saturday opens
  ])('%s → %s', (from, expected) => {
    expect(fmt(cal.nextWorkingInstant(at(from)))).toBe(expected);
  });

  it('keeps sub-minute precision inside office hours', () => {
    const ms = at('2025-03-03 09:00') + 12_345;
    expect(cal.nextWorkingInstant(ms)).toBe(ms);
  });
});

describe('addWorkingHours', () => {
  it.each([
    ['2025-03-03 08:30', 1.25, '2025-03-03 09:45'], // fractional
    ['2025-03-03 10:00', 2, '2025-03-03 12:00'], // ends exactly at lunch: 12:00, not 14:00
    ['2025-03-03 11:00', 2, '2025-03-03 15:00'], // skips the 12:00–14:00 gap
    ['2025-03-03 12:30', 0.5, '2025-03-03 14:30'], // starts during lunch
    ['2025-03-03 07:00', 1, '2025-03-03 09:30'], // starts before 08:30
    ['2025-03-03 18:00', 1, '2025-03-04 09:30'], // starts after 17:30
    ['2025-03-03 17:00', 1, '2025-03-04 09:00'], // spills into the next morning
    ['2025-03-03 08:30', 7, '2025-03-03 17:30'], // exactly one day
    ['2025-03-03 08:30', 7.5, '2025-03-04 09:00'],
    ['2025-03-03 08:30', 35, '2025-03-07 17:30'], // a working week
    ['2025-03-07 16:00', 2, '2025-03-10 09:00'], // over a weekend
    ['2025-03-03 12:00', 0, '2025-03-03 14:00'], // zero hours = next working instant
  ])('%s + %sh → %s', (from, hours, expected) => {
    expect(fmt(cal.addWorkingHours(at(from), hours))).toBe(expected);
  });

  it('crosses the Spring Festival: Mon Jan 27 16:00 + 8h → Wed Feb 5 17:00', () => {
    // 1.5 h on Jan 27, nothing Jan 28 – Feb 4, then 3.5 h + 3 h on Feb 5
    expect(fmt(cal.addWorkingHours(at('2025-01-27 16:00'), 8))).toBe('2025-02-05 17:00');
  });

  it('lands on a make-up Saturday: Fri Feb 7 16:30 + 2h → Sat Feb 8 09:30', () => {
    expect(fmt(cal.addWorkingHours(at('2025-02-07 16:30'), 2))).toBe('2025-02-08 09:30');
  });

  it('uses the make-up Sunday before the holiday: Fri Jan 24 17:00 + 1h → Sun Jan 26 09:00', () => {
    expect(fmt(cal.addWorkingHours(at('2025-01-24 17:00'), 1))).toBe('2025-01-26 09:00');
  });

  it('is the inverse of workingMsBetween (seeded random sample over 2025–2026)', () => {
    let seed = 20250128;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const from = at('2025-01-01');
    const span = at('2026-12-01') - from;
    for (let i = 0; i < 300; i++) {
      const start = from + Math.floor(rand() * span);
      const hours = Math.round(rand() * 200 * 4) / 4;
      const end = cal.addWorkingHours(start, hours);
      expect(cal.workingMsBetween(start, end)).toBe(hours * HOUR);
    }
  });

  it('rejects negative or non-finite hours', () => {
    expect(() => cal.addWorkingHours(at('2025-03-03 10:00'), -1)).toThrow(RangeError);
    expect(() => cal.addWorkingHours(at('2025-03-03 10:00'), Infinity)).toThrow(RangeError);
  });
});

describe('workingMsBetween', () => {
  it('counts office time only', () => {
    expect(cal.workingMsBetween(at('2025-03-03 09:00'), at('2025-03-03 16:00'))).toBe(5 * HOUR);
    expect(cal.workingMsBetween(at('2025-03-03 12:00'), at('2025-03-03 14:00'))).toBe(0); // lunch
    expect(cal.workingMsBetween(at('2025-03-03 17:30'), at('2025-03-04 08:30'))).toBe(0); // night
    expect(cal.workingMsBetween(at('2025-03-03 06:00'), at('2025-03-03 23:00'))).toBe(7 * HOUR);
    expect(cal.workingMsBetween(at('2025-03-08 00:00'), at('2025-03-10 00:00'))).toBe(0); // weekend
  });

  it('is 0 for an empty or reversed range', () => {
    expect(cal.workingMsBetween(at('2025-03-03 10:00'), at('2025-03-03 10:00'))).toBe(0);
    expect(cal.workingMsBetween(at('2025-03-03 11:00'), at('2025-03-03 10:00'))).toBe(0);
  });

  it('skips the Spring Festival and counts both make-up days', () => {
    // Fri Jan 24 0.5 h + Sun Jan 26 7 h + Jan 27 7 h + Feb 5–7 21 h + Sat Feb 8 7 h + Mon Feb 10 0.5 h
    expect(cal.workingMsBetween(at('2025-01-24 17:00'), at('2025-02-10 09:00'))).toBe(43 * HOUR);
  });

  it('a whole year is 248 working days × 7 h, for 2025 and for 2026', () => {
    expect(cal.workingMsBetween(at('2025-01-01'), at('2026-01-01'))).toBe(248 * 7 * HOUR);
    expect(cal.workingMsBetween(at('2026-01-01'), at('2027-01-01'))).toBe(248 * 7 * HOUR);
  });

  describe('pauses', () => {
    const from = at('2025-03-03 08:30'); // Mon
    const to = at('2025-03-07 17:30'); // Fri: 35 h in total

    it('removes paused office time', () => {
      // Tue 10:00 → Wed 10:00 = Tue 2 h + 3.5 h, Wed 1.5 h = 7 h
      const pauses = [{ from: at('2025-03-04 10:00'), to: at('2025-03-05 10:00') }];
      expect(cal.workingMsBetween(from, to, pauses)).toBe(28 * HOUR);
    });

    it('merges overlapping and duplicate pauses instead of subtracting twice', () => {
      const pauses = [
        { from: at('2025-03-05 09:00'), to: at('2025-03-05 11:00') }, // overlaps the next one by 1 h
        { from: at('2025-03-04 10:00'), to: at('2025-03-05 10:00') },
        { from: at('2025-03-04 10:00'), to: at('2025-03-05 10:00') }, // duplicate
        { from: at('2025-03-04 15:00'), to: at('2025-03-04 16:00') }, // inside another
      ];
      expect(cal.workingMsBetween(from, to, pauses)).toBe(27 * HOUR);
    });

    it('treats to: null as still paused until toMs', () => {
      const pauses = [{ from: at('2025-03-07 16:00'), to: null }];
      expect(cal.workingMsBetween(from, to, pauses)).toBe(33.5 * HOUR);
      expect(cal.workingMsBetween(from, at('2025-03-07 16:30'), pauses)).toBe(33.5 * HOUR);
    });

    it('clips pauses to the range and ignores those outside it or outside office hours', () => {
      const pauses = [
        { from: at('2025-03-01 00:00'), to: at('2025-03-03 09:30') }, // starts before: removes 1 h
        { from: at('2025-03-08 00:00'), to: at('2025-03-09 00:00') }, // after the range
        { from: at('2025-03-04 12:00'), to: at('2025-03-04 14:00') }, // lunch
        { from: at('2025-03-04 17:30'), to: at('2025-03-05 08:30') }, // night
        { from: at('2025-03-06 10:00'), to: at('2025-03-06 10:00') }, // empty
      ];
      expect(cal.workingMsBetween(from, to, pauses)).toBe(34 * HOUR);
    });

    it('a pause spanning the whole range leaves nothing', () => {
      expect(cal.workingMsBetween(from, to, [{ from: 0, to: null }])).toBe(0);
    });

    it('rejects a pause that ends before it starts', () => {
      expect(() =>
        cal.workingMsBetween(from, to, [{ from: at('2025-03-05 10:00'), to: at('2025-03-05 09:00') }]),
      ).toThrow(RangeError);
    });

    it('mergePauses sorts, clips and merges touching spans', () => {
      expect(
        mergePauses(
          [
            { from: 50, to: 60 },
            { from: 10, to: 20 },
            { from: 20, to: 30 },
            { from: 5, to: null },
          ],
          0,
          100,
        ),
      ).toEqual([{ from: 5, to: 100 }]);
      expect(
        mergePauses(
          [
            { from: 50, to: 60 },
            { from: 10, to: 20 },
            { from: 95, to: 120 },
          ],
          0,
          100,
        ),
      ).toEqual([
        { from: 10, to: 20 },
        { from: 50, to: 60 },
        { from: 95, to: 100 },
      ]);
    });
  });

  it('walks days, not minutes: ten years with 500 pauses, 50 times, well under a second', () => {
    const a = at('2016-01-01');
    const b = at('2026-01-01');
    const pauses = Array.from({ length: 500 }, (_, i) => ({
      from: a + i * 7 * 86_400_000,
      to: a + i * 7 * 86_400_000 + 30 * HOUR,
    }));
    const t0 = performance.now();
    let result = 0;
    for (let i = 0; i < 50; i++) result = cal.workingMsBetween(a, b, pauses);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(result).toBeGreaterThan(0);
  });
});

describe('custom office hours', () => {
  it('one continuous period: 政务服务大厅 09:00–17:00', () => {
    const hall = new WorkCalendar({ officeHours: [{ start: '09:00', end: '17:00' }] });
    expect(fmt(hall.addWorkingHours(at('2025-03-03 12:30'), 1))).toBe('2025-03-03 13:30'); // no lunch gap
    expect(fmt(hall.addWorkingHours(at('2025-03-03 16:00'), 2))).toBe('2025-03-04 10:00');
    expect(fmt(hall.addWorkingDays(at('2025-03-03 10:00'), 1))).toBe('2025-03-04 17:00');
    expect(hall.workingMsBetween(at('2025-03-03 00:00'), at('2025-03-04 00:00'))).toBe(8 * HOUR);
    expect(fmt(hall.nextWorkingInstant(at('2025-03-03 08:45')))).toBe('2025-03-03 09:00');
  });

  it('three periods, given out of order, with a 24:00 end', () => {
    const shifts = new WorkCalendar({
      officeHours: [
        { start: '19:00', end: '24:00' },
        { start: '08:00', end: '12:00' },
        { start: '13:00', end: '17:00' },
      ],
    });
    expect(shifts.workingMsBetween(at('2025-03-03 00:00'), at('2025-03-04 00:00'))).toBe(13 * HOUR);
    expect(fmt(shifts.addWorkingHours(at('2025-03-03 16:00'), 3))).toBe('2025-03-03 21:00');
    expect(fmt(shifts.addWorkingHours(at('2025-03-03 23:00'), 2))).toBe('2025-03-04 09:00');
    expect(fmt(shifts.addWorkingDays(at('2025-03-03 10:00'), 0))).toBe('2025-03-04 00:00'); // end of day = 24:00
  });

  it('rejects malformed, empty, inverted and overlapping office hours with AppError 400', () => {
    const bad = [
      [],
      [{ start: '8:30', end: '12:00' }],
      [{ start: '08:30', end: '25:00' }],
      [{ start: '12:00', end: '08:30' }],
      [{ start: '09:00', end: '09:00' }],
      [
        { start: '08:30', end: '12:00' },
        { start: '11:00', end: '13:00' },
      ],
    ];
    for (const officeHours of bad) {
      try {
        new WorkCalendar({ officeHours });
        throw new Error(`accepted ${JSON.stringify(officeHours)}`);
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        expect((e as AppError).status).toBe(400);
        expect((e as AppError).code).toBe('invalid_office_hours');
      }
    }
  });
});
