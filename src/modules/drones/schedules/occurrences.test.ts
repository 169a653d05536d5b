import { describe, expect, it } from 'vitest';
import {
  dayStart,
  MIN_GAP_MS,
  occurrenceFlightId,
  occurrences,
  passWindow,
  ruleProblem,
  shanghaiDate,
} from './occurrences';
import { cronOf, repeatOf } from './repeat.contract';

const H = 3600_000;
const D = 24 * H;
/** Shanghai wall time → instant */
const sh = (s: string) => Date.parse(`${s}+08:00`);
const times = (xs: number[]) => xs.map((x) => new Date(x + 8 * H).toISOString().slice(0, 16).replace('T', ' '));
const rule = (cron: string, startDate = '2026-03-01', endDate: string | null = null) => ({ cron, startDate, endDate });

describe('occurrences of a schedule (Asia/Shanghai)', () => {
  it('every day at 09:00', () => {
    const r = rule('0 9 * * *');
    expect(times(occurrences(r, sh('2026-03-02T00:00'), sh('2026-03-05T00:00')))).toEqual([
      '2026-03-02 09:00',
      '2026-03-03 09:00',
      '2026-03-04 09:00',
    ]);
  });

  it('Mon/Wed/Fri 14:30 (2026-03-02 is a Monday)', () => {
    const r = rule('30 14 * * 1,3,5');
    expect(times(occurrences(r, sh('2026-03-02T00:00'), sh('2026-03-09T00:00')))).toEqual([
      '2026-03-02 14:30',
      '2026-03-04 14:30',
      '2026-03-06 14:30',
    ]);
  });

  it('every 2 hours from 08:00 to 18:00, both ends included', () => {
    const r = rule('0 8-18/2 * * *');
    expect(times(occurrences(r, sh('2026-03-02T00:00'), sh('2026-03-03T00:00')))).toEqual([
      '2026-03-02 08:00',
      '2026-03-02 10:00',
      '2026-03-02 12:00',
      '2026-03-02 14:00',
      '2026-03-02 16:00',
      '2026-03-02 18:00',
    ]);
  });

  it('counts a take-off exactly at the start of the span, not one at its end', () => {
    const r = rule('0 9 * * *');
    expect(times(occurrences(r, sh('2026-03-02T09:00'), sh('2026-03-03T09:00')))).toEqual(['2026-03-02 09:00']);
  });

  it('keeps within the start and end dates (both days flown)', () => {
    const r = rule('0 9 * * *', '2026-03-03', '2026-03-04');
    expect(times(occurrences(r, sh('2026-03-01T00:00'), sh('2026-03-10T00:00')))).toEqual([
      '2026-03-03 09:00',
      '2026-03-04 09:00',
    ]);
    expect(occurrences(r, sh('2026-03-05T00:00'), sh('2026-03-10T00:00'))).toEqual([]);
  });

  it('a take-off just after midnight belongs to the Shanghai day, not the UTC one', () => {
    const r = rule('30 0 * * *', '2026-03-03', '2026-03-03');
    expect(times(occurrences(r, sh('2026-03-01T00:00'), sh('2026-03-10T00:00')))).toEqual(['2026-03-03 00:30']);
  });

  it('stops at the limit', () => {
    expect(occurrences(rule('0 * * * *'), sh('2026-03-02T00:00'), sh('2026-04-02T00:00'), 5)).toHaveLength(5);
  });
});

describe('what a schedule may not be', () => {
  const now = sh('2026-03-02T09:00');
  const code = (r: ReturnType<typeof rule>) => ruleProblem(r, now)?.code ?? null;
  it('accepts the three usual forms', () => {
    for (const c of ['0 9 * * *', '30 14 * * 1,3,5', '0 8-18/2 * * *', '*/30 * * * *'])
      expect(code(rule(c))).toBeNull();
  });
  it('refuses malformed or unsupported cron texts', () => {
    expect(code(rule('0 9 * *'))).toBe('invalid_cron');
    expect(code(rule('0 0 9 * * *'))).toBe('invalid_cron'); // seconds are not offered
    expect(code(rule('61 9 * * *'))).toBe('invalid_cron');
    expect(code(rule('hello world x y z'))).toBe('invalid_cron');
    expect(code(rule('0 9 30 2 *'))).toBe('invalid_cron'); // 30 February
  });
  it('refuses take-offs closer than the minimum gap', () => {
    expect(MIN_GAP_MS).toBe(30 * 60_000);
    expect(code(rule('*/10 * * * *'))).toBe('cron_too_frequent');
    expect(code(rule('0,15 9 * * *'))).toBe('cron_too_frequent');
  });
  it('refuses dates that do not exist, an end before the start, and a span without any take-off', () => {
    expect(code(rule('0 9 * * *', '2026-02-30'))).toBe('invalid_date');
    expect(code(rule('0 9 * * *', '2026-03-01', '2026-13-01'))).toBe('invalid_date');
    expect(code(rule('0 9 * * *', '2026-03-05', '2026-03-04'))).toBe('end_before_start');
    expect(code(rule('0 9 * * 0', '2026-03-03', '2026-03-06'))).toBe('no_occurrence'); // Tue–Fri, Sundays only
    expect(code(rule('0 9 * * *', '2026-02-01', '2026-02-28'))).toBe('no_occurrence'); // all in the past
  });
});

describe('dates, ids and the pass window', () => {
  it('converts Shanghai dates', () => {
    expect(dayStart('2026-03-02')).toBe(Date.parse('2026-03-01T16:00:00Z'));
    expect(dayStart('2026-02-29')).toBeNull();
    expect(dayStart('26-3-2')).toBeNull();
    expect(shanghaiDate(Date.parse('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });
  it('gives one occurrence the same UUID every time, and another occurrence another', () => {
    const a = occurrenceFlightId('s1', 1, 1000);
    expect(a).toBe(occurrenceFlightId('s1', 1, 1000));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(
      new Set([
        a,
        occurrenceFlightId('s1', 1, 2000),
        occurrenceFlightId('s1', 2, 1000),
        occurrenceFlightId('s2', 1, 1000),
      ]).size,
    ).toBe(4);
  });
  it('looks back at most a day, never before the schedule took its form', () => {
    const now = sh('2026-03-10T12:00');
    expect(passWindow(now, sh('2026-03-10T11:00'), D)).toEqual({ from: sh('2026-03-10T11:00'), to: now + D });
    expect(passWindow(now, sh('2026-03-01T00:00'), D)).toEqual({ from: now - D, to: now + D });
  });
});

describe('the repeat forms of the page ⇄ cron', () => {
  it('builds and reads back each form', () => {
    const forms = [
      { kind: 'daily', time: '09:00' },
      { kind: 'weekly', days: [1, 3, 5], time: '14:30' },
      { kind: 'hourly', every: 2, from: '08:00', to: '18:00' },
    ] as const;
    expect(forms.map((f) => cronOf(f as never))).toEqual(['0 9 * * *', '30 14 * * 1,3,5', '0 8-18/2 * * *']);
    for (const f of forms) expect(repeatOf(cronOf(f as never)!)).toEqual(f);
  });
  it('refuses bad parts and keeps other expressions as custom', () => {
    expect(cronOf({ kind: 'daily', time: '24:00' })).toBeNull();
    expect(cronOf({ kind: 'weekly', days: [], time: '09:00' })).toBeNull();
    expect(cronOf({ kind: 'weekly', days: [7], time: '09:00' })).toBeNull();
    expect(cronOf({ kind: 'hourly', every: 2, from: '18:00', to: '08:00' })).toBeNull();
    expect(cronOf({ kind: 'cron', cron: '  0   9 1 * * ' })).toBe('0 9 1 * *');
    expect(repeatOf('0 9 1 * *')).toEqual({ kind: 'cron', cron: '0 9 1 * *' });
    expect(repeatOf('*/30 * * * *')).toEqual({ kind: 'cron', cron: '*/30 * * * *' });
  });
});
