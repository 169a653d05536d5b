import { describe, expect, it } from 'vitest';
import { bucketPeriod, halfWidth, isoWeek, parseDate, parseNumber, parsePeriod } from './cells';
import type { Cadence } from './schema';

describe('parseNumber', () => {
  it.each([
    ['12', null, 12],
    ['-3.5', null, -3.5],
    ['+7', null, 7],
    ['.5', null, 0.5],
    ['1e3', null, 1000],
    ['1,234,567.25', null, 1234567.25],
    ['１２３．５', null, 123.5],
    [' 42 ', null, 42],
    ['12.5万元', '万元', 12.5],
    ['12.5 万元', '万元', 12.5],
    ['30人', '人', 30],
    ['35 μg/m³', 'μg/m³', 35],
    ['88%', '%', 88],
    ['88％', '%', 88],
  ])('%s (unit %s) → %s', (text, unit, want) => {
    expect(parseNumber(text, unit)).toEqual({ ok: true, value: want });
  });

  it.each([
    ['abc', null, 'not_a_number'],
    ['1.2.3', null, 'not_a_number'],
    ['1,23', null, 'not_a_number'],
    ['12,34,567', null, 'not_a_number'],
    ['--1', null, 'not_a_number'],
    ['1e999', null, 'not_a_number'],
    ['12元', '万元', 'wrong_unit'],
    ['12万元', null, 'wrong_unit'],
    ['5人', '户', 'wrong_unit'],
    ['', null, 'not_a_number'],
  ])('%s (unit %s) is refused: %s', (text, unit, code) => {
    const r = parseNumber(text, unit);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe(code);
  });

  it('maps full-width characters to ASCII', () => {
    expect(halfWidth('２０２６－０１')).toBe('2026-01');
  });
});

describe('parseDate', () => {
  it.each([
    ['2026-01-31', '2026-01-31'],
    ['2026/1/5', '2026-01-05'],
    ['2026.12.1', '2026-12-01'],
    ['2026年3月8日', '2026-03-08'],
    ['2026年3月8号', '2026-03-08'],
    ['20260229', null],
    ['20240229', '2024-02-29'],
    ['2026-01-31T00:00:00.000Z', '2026-01-31'],
    ['2026-01-31 08:30', '2026-01-31'],
    ['２０２６／１／２', '2026-01-02'],
  ])('%s → %s', (text, want) => {
    const r = parseDate(text);
    if (want === null) expect(r.ok).toBe(false);
    else expect(r).toEqual({ ok: true, value: want });
  });

  it.each(['2026-02-30', '2026-13-01', '2026-00-10', '1899-01-01', '31/01/2026', 'yesterday', '2026-1', ''])(
    'refuses %s',
    (text) => {
      const r = parseDate(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.code).toBe('not_a_date');
    },
  );
});

describe('parsePeriod', () => {
  it.each([
    ['2026', { kind: 'year', year: 2026 }],
    ['2026年', { kind: 'year', year: 2026 }],
    ['2026-03', { kind: 'month', year: 2026, month: 3 }],
    ['2026/3', { kind: 'month', year: 2026, month: 3 }],
    ['202603', { kind: 'month', year: 2026, month: 3 }],
    ['2026年3月', { kind: 'month', year: 2026, month: 3 }],
    ['2026年3月份', { kind: 'month', year: 2026, month: 3 }],
    ['2026Q2', { kind: 'quarter', year: 2026, quarter: 2 }],
    ['2026-q4', { kind: 'quarter', year: 2026, quarter: 4 }],
    ['2026年第一季度', { kind: 'quarter', year: 2026, quarter: 1 }],
    ['2026年3季度', { kind: 'quarter', year: 2026, quarter: 3 }],
    ['2026-03-08', { kind: 'day', year: 2026, month: 3, day: 8 }],
  ])('%s', (text, want) => {
    expect(parsePeriod(text)).toEqual({ ok: true, value: want });
  });

  it.each(['2026-13', '2026Q5', '20261', '26', 'Q1', '2026年第五季度', '1800', '三月'])('refuses %s', (text) => {
    const r = parsePeriod(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe('not_a_period');
  });
});

describe('isoWeek', () => {
  it.each([
    [2026, 1, 1, '2026-W01'], // a Thursday
    [2025, 12, 29, '2026-W01'], // Monday of 2026's first week
    [2027, 1, 1, '2026-W53'], // 2026 has 53 weeks (it starts on a Thursday)
    [2027, 1, 4, '2027-W01'],
    [2021, 1, 3, '2020-W53'],
    [2024, 12, 30, '2025-W01'],
    [2026, 3, 8, '2026-W10'], // a Sunday ends week 10
    [2026, 3, 9, '2026-W11'],
  ])('%i-%i-%i → %s', (y, m, d, want) => {
    expect(isoWeek(y, m, d)).toBe(want);
  });
});

describe('bucketPeriod', () => {
  const day = { kind: 'day' as const, year: 2026, month: 5, day: 20 };
  const month = { kind: 'month' as const, year: 2026, month: 5 };
  const quarter = { kind: 'quarter' as const, year: 2026, quarter: 2 };
  const year = { kind: 'year' as const, year: 2026 };
  const cases: Array<[Cadence, typeof day | typeof month | typeof quarter | typeof year, string | null]> = [
    ['daily', day, '2026-05-20'],
    ['daily', month, null],
    ['weekly', day, '2026-W21'],
    ['weekly', month, null],
    ['monthly', day, '2026-05'],
    ['monthly', month, '2026-05'],
    ['monthly', quarter, null],
    ['quarterly', day, '2026-Q2'],
    ['quarterly', month, '2026-Q2'],
    ['quarterly', quarter, '2026-Q2'],
    ['quarterly', year, null],
    ['yearly', day, '2026'],
    ['yearly', quarter, '2026'],
    ['yearly', year, '2026'],
    ['irregular', day, '2026-05-20'],
    ['irregular', month, '2026-05'],
    ['irregular', quarter, '2026-Q2'],
    ['irregular', year, '2026'],
  ];
  it.each(cases)('%s × %o → %s', (cadence, p, want) => {
    const r = bucketPeriod(p, cadence);
    if (want === null) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.code).toBe('period_too_coarse');
    } else expect(r).toEqual({ ok: true, value: want });
  });
});
