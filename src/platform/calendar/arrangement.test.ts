import { describe, it, expect } from 'vitest';
import { AppError } from '../errors';
import { parseArrangement, parseArrangementText } from './arrangement';

/** Runs `fn`, expects an AppError 400, returns it for further checks. */
function appError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).status).toBe(400);
    expect((e as AppError).code).toBe('invalid_arrangement');
    return e as AppError;
  }
  throw new Error('expected an AppError');
}

describe('parseArrangement', () => {
  it('normalises: sorts, de-duplicates, trims the source', () => {
    expect(
      parseArrangement({
        year: 2027,
        holidays: ['2027-01-02', '2027-01-01', '2027-01-01'],
        workdays: ['2027-02-20', '2027-02-06'],
        source: '  国办发明电〔2026〕1号 ',
      }),
    ).toEqual({
      year: 2027,
      holidays: ['2027-01-01', '2027-01-02'],
      workdays: ['2027-02-06', '2027-02-20'],
      source: '国办发明电〔2026〕1号',
    });
  });

  it('accepts a missing or null source and empty lists', () => {
    expect(parseArrangement({ year: 2030, holidays: [], workdays: [], source: null })).toEqual({
      year: 2030,
      holidays: [],
      workdays: [],
    });
  });

  it('rejects non-objects', () => {
    for (const bad of [null, 'x', 42, [], undefined]) appError(() => parseArrangement(bad));
  });

  it('rejects a bad year', () => {
    for (const year of ['2027', 2027.5, 1800, undefined]) {
      expect(appError(() => parseArrangement({ year, holidays: [], workdays: [] })).message).toMatch(/year must be/);
    }
  });

  it('rejects wrong date formats and impossible dates, naming the entry', () => {
    for (const day of ['2027-1-1', '2027/01/01', '20270101', '2027-02-30', '2027-13-01', 20270101, null]) {
      const err = appError(() => parseArrangement({ year: 2027, holidays: [day], workdays: [] }));
      expect(err.message).toContain('holidays[0]');
      expect(err.message).toContain('YYYY-MM-DD');
    }
  });

  it('rejects a day in another year', () => {
    const err = appError(() => parseArrangement({ year: 2027, holidays: ['2026-12-31'], workdays: [] }));
    expect(err.message).toContain('2026-12-31 is not in year 2027');
  });

  it('rejects a day that is both a holiday and a working day', () => {
    const err = appError(() => parseArrangement({ year: 2027, holidays: ['2027-02-06'], workdays: ['2027-02-06'] }));
    expect(err.message).toContain('2027-02-06 is listed both as a holiday and as a working day');
  });

  it('rejects a make-up working day that is not on a weekend (a mistyped date)', () => {
    // 2027-02-08 is a Monday
    const err = appError(() => parseArrangement({ year: 2027, holidays: [], workdays: ['2027-02-08'] }));
    expect(err.message).toMatch(/2027-02-08 is a weekday/);
  });

  it('rejects missing lists and a non-string source', () => {
    appError(() => parseArrangement({ year: 2027, workdays: [] }));
    appError(() => parseArrangement({ year: 2027, holidays: [], workdays: '2027-02-06' }));
    appError(() => parseArrangement({ year: 2027, holidays: [], workdays: [], source: 5 }));
  });

  it('lists every problem in details', () => {
    const err = appError(() =>
      parseArrangement({ year: 2027, holidays: ['2026-01-01', 'x'], workdays: ['2027-02-08'] }),
    );
    expect((err.details as { problems: string[] }).problems).toHaveLength(3);
    expect(err.message).toContain('(and 2 more)');
  });
});

describe('parseArrangementText', () => {
  it('reads 休/班 and holiday/workday lines, comments, notes and blank lines', () => {
    const text = [
      '# 2027 年部分节假日安排（示例）',
      '2027-01-01 休 元旦',
      '',
      '2027-02-06\t班',
      '2027-02-08 holiday',
      '2027-02-09 HOLIDAY 春节',
      '2027-02-20 workday',
      '2027-02-10　放假', // full-width space
      '2027-02-21 上班',
    ].join('\r\n');
    expect(parseArrangementText(text, { source: 'test' })).toEqual({
      year: 2027,
      holidays: ['2027-01-01', '2027-02-08', '2027-02-09', '2027-02-10'],
      workdays: ['2027-02-06', '2027-02-20', '2027-02-21'],
      source: 'test',
    });
  });

  it('takes the year from the first date unless given', () => {
    expect(parseArrangementText('2027-10-09 班\n2027-10-01 休').year).toBe(2027);
    expect(parseArrangementText('', { year: 2031 })).toEqual({ year: 2031, holidays: [], workdays: [] });
    appError(() => parseArrangementText('# nothing here'));
  });

  it('reports bad lines with their line numbers', () => {
    const err = appError(() => parseArrangementText('2027-01-01 休\n2027-01-02 maybe\n27-01-03 休'));
    expect((err.details as { problems: string[] }).problems).toEqual([
      expect.stringContaining('line 2:'),
      expect.stringContaining('line 3:'),
    ]);
  });

  it('applies the same rules as parseArrangement (other year, both kinds)', () => {
    expect(appError(() => parseArrangementText('2027-01-01 休\n2028-01-01 休')).message).toContain(
      '2028-01-01 is not in year 2027',
    );
    expect(appError(() => parseArrangementText('2027-02-06 休\n2027-02-06 班')).message).toContain('both');
  });
});
