import { describe, expect, it } from 'vitest';
import {
  areaCode,
  creditCheckChar,
  creditCodeProblem,
  hierarchyProblem,
  implementationCode,
  isCreditCode,
  parseImplementationCode,
} from './codes';

describe('统一社会信用代码 (GB 32100)', () => {
  it('accepts real codes and computes their check character', () => {
    // the implementing body of the reference implementation code
    expect(isCreditCode('115113010833722043')).toBe(true);
    expect(creditCheckChar('11511301083372204')).toBe('3');
    expect(isCreditCode('91440300MA5ET0QF8E')).toBe(true); // a company
    // check 31 → 0
    for (let n = 0; n < 2000; n++) {
      const first = `9144060${String(n).padStart(4, '0')}MA00000`.slice(0, 17);
      const c = creditCheckChar(first)!;
      expect(isCreditCode(first + c)).toBe(true);
    }
  });

  it('refuses a wrong check character, a wrong length, a forbidden letter and a non-numeric area', () => {
    expect(creditCodeProblem('115113010833722044')?.code).toBe('credit_check');
    expect(creditCodeProblem('115113010833722044')?.message).toContain('3');
    expect(creditCodeProblem('11511301083372204')?.code).toBe('credit_length');
    expect(creditCodeProblem('1151130108337220433')?.code).toBe('credit_length');
    for (const bad of ['I', 'O', 'S', 'V', 'Z', 'a', '-'])
      expect(creditCodeProblem(`11511301083372204${bad}`)?.code, bad).toBe('credit_char');
    expect(creditCodeProblem('11A113010833722043')?.code).toBe('credit_area');
  });

  it('finds every single-character change (the weights make each position count)', () => {
    const good = '115113010833722043';
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (let i = 0; i < 17; i++)
      for (const c of chars) {
        if (c === good[i] || (i >= 2 && i < 8 && !/\d/.test(c))) continue;
        const changed = good.slice(0, i) + c + good.slice(i + 1);
        expect(isCreditCode(changed), changed).toBe(false);
      }
  });
});

describe('12-digit area codes', () => {
  it('names the level', () => {
    expect(areaCode('440000000000')).toEqual({ level: 'province' });
    expect(areaCode('440600000000')).toEqual({ level: 'city' });
    expect(areaCode('440605000000')).toEqual({ level: 'county' });
    expect(areaCode('440605011000')).toEqual({ level: 'town' }); // 桂城街道
    expect(areaCode('440605011001')).toEqual({ level: 'village' });
  });
  it('refuses malformed codes, unknown provinces and gaps', () => {
    expect(areaCode('44060501100')).toMatchObject({ code: 'area_format' });
    expect(areaCode('4406050110001')).toMatchObject({ code: 'area_format' });
    expect(areaCode('44060501100A')).toMatchObject({ code: 'area_format' });
    expect(areaCode('990605011000')).toMatchObject({ code: 'area_province' });
    expect(areaCode('440005011000')).toMatchObject({ code: 'area_gap' });
    expect(areaCode('440600011000')).toMatchObject({ code: 'area_gap' });
    expect(areaCode('440605000001')).toMatchObject({ code: 'area_gap' });
  });
});

describe('implementation codes and the hierarchy', () => {
  const parts = {
    basicCode: '511A0138000000',
    areaCode: '511602000000',
    taskCode: '000',
    creditCode: '115113010833722043',
  };
  it('builds and parses the provincial form', () => {
    const code = implementationCode(parts);
    expect(code).toBe('511A0138000000-511602000000-000-115113010833722043-1-00');
    expect(parseImplementationCode(code)).toEqual(parts);
    expect(parseImplementationCode(code.replace('043', '044'))).toBeNull();
    expect(parseImplementationCode(code.replace('-1-00', '-2-00'))).toBeNull();
    expect(parseImplementationCode('x')).toBeNull();
  });

  const main = { level: 'main' as const, basicCode: 'XK00100100' + '0000', taskCode: '000' };
  const sub = { level: 'sub' as const, basicCode: 'XK00100100' + '0001', taskCode: '000' };
  const task = { level: 'task' as const, basicCode: sub.basicCode, taskCode: '001' };
  it('lets each level claim its item from the level above', () => {
    expect(hierarchyProblem(main, null)).toBeNull();
    expect(hierarchyProblem(sub, main)).toBeNull();
    expect(hierarchyProblem(task, sub)).toBeNull();
    expect(hierarchyProblem({ ...task, basicCode: main.basicCode }, main)).toBeNull();
  });
  it('refuses what does not fit', () => {
    expect(hierarchyProblem(main, main)?.code).toBe('main_has_parent');
    expect(hierarchyProblem({ ...main, basicCode: 'XK001001000001' }, null)?.code).toBe('main_codes');
    expect(hierarchyProblem(sub, null)?.code).toBe('parent_missing');
    expect(hierarchyProblem(sub, sub)?.code).toBe('parent_level');
    expect(hierarchyProblem({ ...sub, basicCode: 'XK002001000001' }, main)?.code).toBe('sub_codes');
    expect(hierarchyProblem({ ...sub, basicCode: main.basicCode }, main)?.code).toBe('sub_codes');
    expect(hierarchyProblem({ ...sub, taskCode: '001' }, main)?.code).toBe('sub_codes');
    expect(hierarchyProblem(task, task)?.code).toBe('parent_level');
    expect(hierarchyProblem({ ...task, taskCode: '000' }, sub)?.code).toBe('task_codes');
    expect(hierarchyProblem({ ...task, basicCode: main.basicCode }, sub)?.code).toBe('task_codes');
  });
});
