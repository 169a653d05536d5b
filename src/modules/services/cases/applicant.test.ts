import { describe, expect, it } from 'vitest';
import { applicantIdProblem, idCardCheckChar, idCardProblem, maskIdNo, maskPhone } from './applicant';

describe('applicant ID numbers', () => {
  it('computes the GB 11643 check character', () => {
    expect(idCardCheckChar('11010519491231002')).toBe('X');
    expect(idCardCheckChar('44060219900101123')).toBe('7');
    expect(idCardCheckChar('4406021990010112')).toBeNull();
  });

  it('accepts a valid number and refuses a wrong check digit, a bad date, a future birth', () => {
    expect(idCardProblem('11010519491231002X')).toBeNull();
    expect(idCardProblem('110105194912310021')).toMatch(/校验位/);
    expect(idCardProblem('440602199002301235')).toMatch(/出生日期/);
    expect(idCardProblem('440602209901011235', new Date('2026-01-01'))).toMatch(/出生日期/);
    expect(idCardProblem('44060219900101')).toMatch(/18/);
  });

  it('normalises spaces and a lower-case x; enterprises use the 统一社会信用代码', () => {
    expect(applicantIdProblem('person', '110105 19491231 002x', Date.UTC(2026, 0, 1))).toEqual({
      idNo: '11010519491231002X',
      problem: null,
    });
    expect(applicantIdProblem('enterprise', '91440605MA4UJ0XX0X', 0).problem).not.toBeNull();
    expect(applicantIdProblem('enterprise', '11010519491231002X', 0).problem).not.toBeNull();
  });

  it('masks for lists and tracking', () => {
    expect(maskIdNo('11010519491231002X')).toBe('110105********002X');
    expect(maskPhone('13912345678')).toBe('139****5678');
  });
});
