import { describe, expect, it } from 'vitest';
import {
  caseNumberDayPrefix,
  dammDigit,
  displayCaseNumber,
  formatCaseNumber,
  isSiteCode,
  parseCaseNumber,
} from './numbers';
import { at } from './testing';

describe('办件编号', () => {
  it("Damm's check digit matches the published example (572 → 4)", () => {
    expect(dammDigit('572')).toBe(4);
    expect(dammDigit('5724')).toBe(0);
    expect(() => dammDigit('5a')).toThrow(RangeError);
  });

  it('site code + Shanghai yymmdd + 4-digit sequence + check digit', () => {
    const n = formatCaseNumber('GC', at('2026-02-24 09:05'), 42);
    expect(n).toMatch(/^GC2602240042\d$/);
    expect(displayCaseNumber(n)).toBe(`GC 260224 0042 ${n.slice(-1)}`);
    // 00:30 in Shanghai is still the previous day in UTC: the number follows Shanghai
    expect(caseNumberDayPrefix('GC', at('2026-02-25 00:30'))).toBe('GC260225');
    expect(formatCaseNumber('GCDP', at('2026-02-24 09:05'), 12345)).toMatch(/^GCDP26022412345\d$/);
  });

  it('refuses site codes with I or O, bad sequences and bad instants', () => {
    expect(isSiteCode('GC')).toBe(true);
    expect(isSiteCode('GO')).toBe(false);
    expect(isSiteCode('G')).toBe(false);
    expect(() => formatCaseNumber('gc', 0, 1)).toThrow(RangeError);
    expect(() => formatCaseNumber('GC', 0, 0)).toThrow(RangeError);
    expect(() => formatCaseNumber('GC', 0, 1_000_000)).toThrow(RangeError);
    expect(() => formatCaseNumber('GC', Number.NaN, 1)).toThrow(RangeError);
  });

  it('parses what people type: spaces, dashes, lower case, full-width, O for 0', () => {
    const n = formatCaseNumber('GC', at('2026-02-24 09:05'), 42);
    const spoken = [
      n,
      displayCaseNumber(n),
      n.toLowerCase(),
      `gc-260224-0042-${n.slice(-1)}`,
      `ＧＣ２６０２２４００４２${n.slice(-1)}`,
      `GC26O224OO42${n.slice(-1)}`,
    ];
    for (const s of spoken) {
      expect(parseCaseNumber(s), s).toEqual({ ok: true, number: n, siteCode: 'GC', date: '2026-02-24', sequence: 42 });
    }
  });

  it('catches every single wrong digit and every swap of neighbouring digits', () => {
    const n = formatCaseNumber('GC', at('2026-02-24 09:05'), 42);
    const digitsFrom = 2;
    let tried = 0;
    for (let i = digitsFrom; i < n.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === n[i]) continue;
        const typo = n.slice(0, i) + d + n.slice(i + 1);
        const r = parseCaseNumber(typo);
        expect(r.ok, typo).toBe(false);
        tried++;
      }
      if (i + 1 < n.length && n[i] !== n[i + 1]) {
        const swapped = n.slice(0, i) + n[i + 1] + n[i] + n.slice(i + 2);
        expect(parseCaseNumber(swapped).ok, swapped).toBe(false);
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(90);
  });

  it('names what is wrong', () => {
    const n = formatCaseNumber('GC', at('2026-02-24 09:05'), 42);
    const code = (s: string) => {
      const r = parseCaseNumber(s);
      return r.ok ? 'ok' : r.code;
    };
    expect(code('hello')).toBe('malformed');
    expect(code('GC2602')).toBe('malformed');
    expect(code('GC26023000421')).toBe('bad_date'); // 02-30
    expect(code(`${n.slice(0, -1)}${(Number(n.slice(-1)) + 1) % 10}`)).toBe('bad_check_digit');
    expect(code(`GC260224000420`)).toBe('malformed'); // a 5-digit sequence below 10000 is not canonical
    const r = parseCaseNumber('x');
    expect(r.ok ? '' : r.reason).toMatch(/办件编号.* \/ /);
  });
});
