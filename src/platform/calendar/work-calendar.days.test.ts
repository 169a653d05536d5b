/**
 * Day kinds and working-day deadlines over the published arrangements in `chinese-days`:
 * 2025 — 国办发明电〔2024〕12号, https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm
 * 2026 — https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm
 * (both cited in node_modules/chinese-days/src/holidays/generate.ts, v1.5.7).
 */
import { describe, it, expect } from 'vitest';
import { WorkCalendar } from './work-calendar';
import { at, fmt } from './test-helpers';

const cal = new WorkCalendar();
const kind = (day: string) => cal.dayKind(at(`${day} 12:00`));
const kinds = (days: string[]) => days.map(kind);

describe('dayKind / isWorkday — 2025', () => {
  it('春节: Jan 28 – Feb 4 off, Sun Jan 26 and Sat Feb 8 worked', () => {
    expect(kind('2025-01-25')).toBe('weekend');
    expect(kind('2025-01-26')).toBe('makeup_workday');
    expect(kind('2025-01-27')).toBe('workday');
    for (let d = 28; d <= 31; d++) expect(kind(`2025-01-${d}`)).toBe('holiday');
    for (let d = 1; d <= 4; d++) expect(kind(`2025-02-0${d}`)).toBe('holiday'); // incl. Sat 1 / Sun 2
    expect(kinds(['2025-02-05', '2025-02-07', '2025-02-08', '2025-02-09'])).toEqual([
      'workday',
      'workday',
      'makeup_workday',
      'weekend',
    ]);
  });

  it('劳动节: May 1–5 off, Sun Apr 27 worked', () => {
    expect(kind('2025-04-26')).toBe('weekend');
    expect(kind('2025-04-27')).toBe('makeup_workday');
    expect(kinds(['2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05'])).toEqual(
      Array(5).fill('holiday'),
    );
    expect(kind('2025-05-06')).toBe('workday');
  });

  it('国庆+中秋: Oct 1–8 off, Sun Sep 28 and Sat Oct 11 worked', () => {
    expect(kind('2025-09-28')).toBe('makeup_workday');
    expect(kind('2025-09-30')).toBe('workday');
    for (let d = 1; d <= 8; d++) expect(kind(`2025-10-0${d}`)).toBe('holiday');
    expect(kind('2025-10-09')).toBe('workday');
    expect(kind('2025-10-11')).toBe('makeup_workday');
    expect(kind('2025-10-12')).toBe('weekend');
  });

  it('isWorkday is true for workdays and make-up days only', () => {
    expect(cal.isWorkday(at('2025-01-26 10:00'))).toBe(true);
    expect(cal.isWorkday(at('2025-01-27 10:00'))).toBe(true);
    expect(cal.isWorkday(at('2025-01-28 10:00'))).toBe(false);
    expect(cal.isWorkday(at('2025-01-25 10:00'))).toBe(false);
  });

  it('uses the Shanghai day, not UTC: 2025-01-28 00:30 +08:00 is still 2025-01-27 in UTC', () => {
    const ms = at('2025-01-28 00:30');
    expect(new Date(ms).toISOString().slice(0, 10)).toBe('2025-01-27');
    expect(cal.dayKind(ms)).toBe('holiday');
    expect(cal.dayKind(at('2025-01-27 23:59'))).toBe('workday');
  });

  it('2025 has 248 working days (261 weekdays − 18 weekday holidays + 5 make-up days)', () => {
    let n = 0;
    for (let ms = at('2025-01-01 12:00'); ms < at('2026-01-01'); ms += 86_400_000) if (cal.isWorkday(ms)) n++;
    expect(n).toBe(248);
  });
});

describe('dayKind — 2026 (as published in chinese-days)', () => {
  it('春节: Feb 15–23 off, Sat Feb 14 and Sat Feb 28 worked', () => {
    expect(kind('2026-02-13')).toBe('workday');
    expect(kind('2026-02-14')).toBe('makeup_workday');
    for (let d = 15; d <= 23; d++) expect(kind(`2026-02-${d}`)).toBe('holiday');
    expect(kind('2026-02-24')).toBe('workday');
    expect(kind('2026-02-28')).toBe('makeup_workday');
    expect(kind('2026-03-01')).toBe('weekend');
  });

  it('the rest of 2026: 元旦 Sun Jan 4, 劳动节 Sat May 9, 国庆 Sun Sep 20 / Sat Oct 10 worked', () => {
    expect(kinds(['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04'])).toEqual([
      'holiday',
      'holiday',
      'holiday',
      'makeup_workday',
    ]);
    expect(kind('2026-05-05')).toBe('holiday');
    expect(kind('2026-05-09')).toBe('makeup_workday');
    expect(kind('2026-09-20')).toBe('makeup_workday');
    expect(kind('2026-09-25')).toBe('holiday'); // 中秋
    expect(kind('2026-10-07')).toBe('holiday');
    expect(kind('2026-10-08')).toBe('workday');
    expect(kind('2026-10-10')).toBe('makeup_workday');
  });

  it('the package arrangement for 2026 is exactly the published one', () => {
    expect(cal.arrangementFor(2026)).toEqual({
      year: 2026,
      source: 'chinese-days',
      holidays: [
        ...['01-01', '01-02', '01-03'],
        ...['02-15', '02-16', '02-17', '02-18', '02-19', '02-20', '02-21', '02-22', '02-23'],
        ...['04-04', '04-05', '04-06'],
        ...['05-01', '05-02', '05-03', '05-04', '05-05'],
        ...['06-19', '06-20', '06-21'],
        ...['09-25', '09-26', '09-27'],
        ...['10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07'],
      ].map((d) => `2026-${d}`),
      workdays: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'].map((d) => `2026-${d}`),
    });
  });
});

describe('addWorkingDays', () => {
  it('crosses the Spring Festival: Mon Jan 27 + 3 → Fri Feb 7 17:30', () => {
    expect(fmt(cal.addWorkingDays(at('2025-01-27 10:00'), 1))).toBe('2025-02-05 17:30');
    expect(fmt(cal.addWorkingDays(at('2025-01-27 10:00'), 3))).toBe('2025-02-07 17:30');
  });

  it('lands on a make-up Saturday: Mon Jan 27 + 4 → Sat Feb 8 17:30', () => {
    expect(fmt(cal.addWorkingDays(at('2025-01-27 10:00'), 4))).toBe('2025-02-08 17:30');
    expect(fmt(cal.addWorkingDays(at('2025-01-27 10:00'), 5))).toBe('2025-02-10 17:30');
  });

  it('counts the make-up Sunday before the festival: Fri Jan 24 + 1 → Sun Jan 26', () => {
    expect(fmt(cal.addWorkingDays(at('2025-01-24 15:00'), 1))).toBe('2025-01-26 17:30');
    expect(fmt(cal.addWorkingDays(at('2025-01-24 15:00'), 3))).toBe('2025-02-05 17:30');
  });

  it('counts from the next working day whatever the arrival time', () => {
    for (const t of ['00:00', '08:00', '12:30', '17:29', '17:30', '23:59']) {
      expect(fmt(cal.addWorkingDays(at(`2025-03-03 ${t}`), 2))).toBe('2025-03-05 17:30');
    }
  });

  it('a request arriving on a holiday or weekend counts from the first working day after it', () => {
    expect(fmt(cal.addWorkingDays(at('2025-01-30 10:00'), 1))).toBe('2025-02-05 17:30');
    expect(fmt(cal.addWorkingDays(at('2025-03-08 10:00'), 1))).toBe('2025-03-10 17:30'); // Sat → Mon
  });

  it('n = 0: end of today if still open, else end of the next working day', () => {
    expect(fmt(cal.addWorkingDays(at('2025-03-03 10:00'), 0))).toBe('2025-03-03 17:30');
    expect(fmt(cal.addWorkingDays(at('2025-03-03 07:00'), 0))).toBe('2025-03-03 17:30');
    expect(fmt(cal.addWorkingDays(at('2025-03-03 17:30'), 0))).toBe('2025-03-04 17:30');
    expect(fmt(cal.addWorkingDays(at('2025-03-07 20:00'), 0))).toBe('2025-03-10 17:30'); // Fri night → Mon
    expect(fmt(cal.addWorkingDays(at('2025-02-02 10:00'), 0))).toBe('2025-02-05 17:30'); // holiday
    expect(fmt(cal.addWorkingDays(at('2025-02-08 10:00'), 0))).toBe('2025-02-08 17:30'); // make-up Sat
  });

  it('crosses the 2026 Spring Festival', () => {
    // Fri Feb 13 → Sat Feb 14 (make-up), then Feb 24, 25, 26, 27, Sat Feb 28 (make-up)
    expect(fmt(cal.addWorkingDays(at('2026-02-13 09:00'), 1))).toBe('2026-02-14 17:30');
    expect(fmt(cal.addWorkingDays(at('2026-02-13 09:00'), 2))).toBe('2026-02-24 17:30');
    expect(fmt(cal.addWorkingDays(at('2026-02-13 09:00'), 6))).toBe('2026-02-28 17:30');
  });

  it('agrees with counting isWorkday day by day over a long stretch', () => {
    const start = at('2025-01-01 09:00');
    for (const n of [1, 7, 30, 100, 247]) {
      const end = cal.addWorkingDays(start, n);
      let count = 0;
      for (let ms = start + 86_400_000; ms <= end; ms += 86_400_000) if (cal.isWorkday(ms)) count++;
      expect(count).toBe(n);
      expect(cal.isWorkday(end)).toBe(true);
    }
    // the 248th working day after Jan 1 (itself a holiday) is the last one of 2025
    expect(fmt(cal.addWorkingDays(start, 248))).toBe('2025-12-31 17:30');
  });

  it('rejects a negative or fractional n and a non-finite start', () => {
    expect(() => cal.addWorkingDays(at('2025-03-03 10:00'), -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays(at('2025-03-03 10:00'), 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkingDays(Number.NaN, 1)).toThrow(RangeError);
  });
});
