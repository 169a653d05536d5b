/**
 * One cell read as its column's type: numbers (with thousands separators, full-width digits and an
 * optional unit suffix that must be the column's), dates (the ways Chinese spreadsheets write
 * them) and periods (a day, month, quarter or year, bucketed by the dataset's cadence). Pure.
 */
import type { Cadence } from './schema';

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(code: string, message: string): Parsed<T> => ({ ok: false, code, message });

/** Full-width digits and signs (０-９ ． － ， ％) as ASCII. */
export function halfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

const normUnit = (u: string) => halfWidth(u).trim().toLowerCase().replace(/\s+/g, '');

export function parseNumber(text: string, unit: string | null | undefined): Parsed<number> {
  const t = halfWidth(text).trim();
  const m = t.match(/^([+\-\d.,eE]*\d\.?)\s*(.*)$/);
  if (!m) return fail('not_a_number', `${text} 不是数字 / ${text} is not a number`);
  let digits = m[1]!;
  const suffix = m[2]!;
  if (suffix && (!unit || normUnit(suffix) !== normUnit(unit)))
    return fail(
      'wrong_unit',
      unit
        ? `单位应为 ${unit}，而不是 ${suffix} / the unit must be ${unit}, not ${suffix}`
        : `该列无单位，不应写 ${suffix} / this column has no unit (${suffix})`,
    );
  if (GROUPED.test(digits)) digits = digits.replace(/,/g, '');
  if (!NUMBER.test(digits)) return fail('not_a_number', `${text} 不是数字 / ${text} is not a number`);
  const n = Number(digits);
  if (!Number.isFinite(n)) return fail('not_a_number', `${text} 超出范围 / ${text} is out of range`);
  return ok(n);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function validDay(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A day as YYYY-MM-DD: 2026-01-31, 2026/1/31, 2026.1.31, 2026年1月31日, 20260131, or an ISO instant's date. */
export function parseDate(text: string): Parsed<string> {
  const t = halfWidth(text).trim();
  const m =
    t.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/) ??
    t.match(/^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/) ??
    t.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (!m) return fail('not_a_date', `${text} 不是日期（如 2026-01-31）/ ${text} is not a date (e.g. 2026-01-31)`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!validDay(y, mo, d)) return fail('not_a_date', `${text} 不是有效日期 / ${text} is not a real date`);
  return ok(`${y}-${pad(mo)}-${pad(d)}`);
}

export type PeriodKind = 'day' | 'month' | 'quarter' | 'year';
export interface Period {
  kind: PeriodKind;
  year: number;
  month?: number;
  quarter?: number;
  day?: number;
}

const QUARTER_WORDS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** A period as written: a day (as parseDate), a month (2026-01, 2026/1, 2026年1月, 202601), a quarter (2026Q1, 2026-Q1, 2026年第一季度), a year (2026, 2026年). */
export function parsePeriod(text: string): Parsed<Period> {
  const t = halfWidth(text).trim().toUpperCase();
  const day = parseDate(t);
  if (day.ok) {
    const [y, m, d] = day.value.split('-').map(Number) as [number, number, number];
    return ok({ kind: 'day', year: y, month: m, day: d });
  }
  let m = t.match(/^(\d{4})年?$/);
  if (m) {
    const y = Number(m[1]);
    return y >= 1900 && y <= 2200 ? ok({ kind: 'year', year: y }) : bad(text);
  }
  m = t.match(/^(\d{4})[-/.]?(\d{1,2})$/) ?? t.match(/^(\d{4})年(\d{1,2})月(份)?$/);
  if (m && (m[2]!.length === 2 || !/^\d{5}$/.test(t))) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return validDay(y, mo, 1) ? ok({ kind: 'month', year: y, month: mo }) : bad(text);
  }
  m = t.match(/^(\d{4})[-\s]?Q([1-4])$/) ?? t.match(/^(\d{4})年第?([一二三四1-4])季度?$/);
  if (m) {
    const y = Number(m[1]);
    return y >= 1900 && y <= 2200 ? ok({ kind: 'quarter', year: y, quarter: QUARTER_WORDS[m[2]!]! }) : bad(text);
  }
  return bad(text);
}

const bad = (text: string) =>
  fail<Period>(
    'not_a_period',
    `${text} 不是期间（日期、2026-01、2026Q1 或 2026） / ${text} is not a period (a date, 2026-01, 2026Q1 or 2026)`,
  );

const FINENESS: Record<PeriodKind, number> = { day: 3, month: 2, quarter: 1, year: 0 };
const NEEDS: Record<Cadence, PeriodKind | null> = {
  daily: 'day',
  weekly: 'day',
  monthly: 'month',
  quarterly: 'quarter',
  yearly: 'year',
  irregular: null,
};
const NEEDS_TEXT: Record<PeriodKind, string> = {
  day: '日 / a day',
  month: '月 / a month',
  quarter: '季度 / a quarter',
  year: '年 / a year',
};

/** ISO 8601 week of a day: 2026-W01 … (the week with the year's first Thursday is week 1). */
export function isoWeek(y: number, m: number, d: number): string {
  const date = new Date(Date.UTC(y, m - 1, d));
  const dow = (date.getUTCDay() + 6) % 7; // Monday 0
  date.setUTCDate(date.getUTCDate() - dow + 3); // the Thursday of this week names its year
  const wy = date.getUTCFullYear();
  // week 1 holds the year's first Thursday: the Thursday of week n is day 7(n-1)…7(n-1)+6 of the year
  const week = 1 + Math.floor((date.getTime() - Date.UTC(wy, 0, 1)) / 86_400_000 / 7);
  return `${wy}-W${pad(week)}`;
}

function label(p: Period, kind: PeriodKind): string {
  switch (kind) {
    case 'day':
      return `${p.year}-${pad(p.month!)}-${pad(p.day!)}`;
    case 'month':
      return `${p.year}-${pad(p.month!)}`;
    case 'quarter':
      return `${p.year}-Q${p.quarter ?? Math.ceil(p.month! / 3)}`;
    case 'year':
      return String(p.year);
  }
}

/** A period as it is stored in its row: 2026-03-08, 2026-03, 2026-Q1, 2026 (however it was written). */
export const periodText = (p: Period): string => label(p, p.kind);

/** The period a row counts for under the dataset's cadence (a day of a monthly dataset counts for its month). */
export function bucketPeriod(p: Period, cadence: Cadence): Parsed<string> {
  const need = NEEDS[cadence];
  if (need === null) return ok(label(p, p.kind));
  if (FINENESS[p.kind] < FINENESS[need])
    return fail('period_too_coarse', `期间应精确到${NEEDS_TEXT[need]} (${cadence})`);
  if (cadence === 'weekly') return ok(isoWeek(p.year, p.month!, p.day!));
  return ok(label(p, need));
}
