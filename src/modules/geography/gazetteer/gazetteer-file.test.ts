import { describe, expect, it } from 'vitest';
import { decodeText, parseCsv } from '../../../platform/sheet';
import { checkRows } from './gazetteer-file';
import { rankHits } from './gazetteer-rank';
import { normaliseAddress } from '../address.contract';

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, CRLF and a line break inside quotes; skips blank rows', () => {
    const rows = parseCsv('name,address\r\n"A, B","say ""hi"""\r\n\r\n"two\nlines",x\n');
    expect(rows).toEqual([
      { row: 1, cells: ['name', 'address'] },
      { row: 2, cells: ['A, B', 'say "hi"'] },
      { row: 4, cells: ['two\nlines', 'x'] },
    ]);
  });

  it('takes a semicolon or tab as the separator when the header uses it', () => {
    expect(parseCsv('a;b\n1;2')[1].cells).toEqual(['1', '2']);
    expect(parseCsv('a\tb\n1\t2')[1].cells).toEqual(['1', '2']);
  });
});

describe('decodeText', () => {
  it('reads UTF-8, and GB18030 as Excel saves a Chinese CSV', () => {
    expect(decodeText(Buffer.from('名称', 'utf8'))).toBe('名称');
    expect(decodeText(Buffer.from([0xc3, 0xfb, 0xb3, 0xc6]))).toBe('名称');
  });
});

describe('checkRows', () => {
  it('maps English or Chinese headers and kinds; lists every bad cell', () => {
    const ok = checkRows(parseCsv('名称,类型,地址,经度,纬度\n千灯湖公园,公园,桂澜北路,113.14,23.045'));
    expect(ok.errors).toEqual([]);
    expect(ok.rows[0]).toMatchObject({ name: '千灯湖公园', kind: 'park', lng: 113.14, lat: 23.045 });
    const bad = checkRows(
      parseCsv('name,kind,address,lng,lat\nA,road,x,abc,23\nB,castle,x,113,95\nA,road,x,113,23\nA,road,x,113,23'),
    );
    expect(bad.rows).toEqual([]);
    expect(bad.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'lng'],
      [3, 'kind'],
      [3, 'lat'],
      [5, 'name'],
    ]);
  });

  it('refuses a header without the required columns', () => {
    const r = checkRows(parseCsv('name,address\nA,B'));
    expect(r.errors.map((e) => e.column)).toEqual(['kind', 'lng', 'lat']);
  });
});

describe('rankHits', () => {
  const row = (name: string, alias = '', address = '') => ({
    name,
    name_key: normaliseAddress(name),
    alias_key: alias,
    address_key: normaliseAddress(address),
  });
  it('exact name, then alias, then name prefix, then contains, then address', () => {
    const rows = [
      row('南海大道北38号大厦', '', ''),
      row('桂城地铁站出口', '', ''),
      row('某大厦', '', '桂城地铁站旁'),
      row('地铁站', '桂城地铁站', ''),
      row('桂城地铁站', '', ''),
      row('老桂城地铁站', '', ''),
    ];
    expect(rankHits('桂城地铁站', rows).map((r) => r.name)).toEqual([
      '桂城地铁站',
      '地铁站',
      '桂城地铁站出口',
      '老桂城地铁站',
      '某大厦',
    ]);
  });
});
