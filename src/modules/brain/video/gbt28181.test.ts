import { describe, expect, it } from 'vitest';
import { checkCameraId, checkGbId, checkGroupId, civilChain, isCivilCode, splitGbId } from './gbt28181';

// 440605 南海区 · 01 grassroots · 00 社会治安路面 · 132 IPC · 1 网络标识 · 000001
const IPC = '44060501001320000001';

describe('GB/T 28181 codes', () => {
  it('accepts well-formed codes and names their parts', () => {
    const r = checkGbId(IPC);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.parts).toMatchObject({
      centre: '44060501',
      province: '44',
      city: '06',
      county: '05',
      grassroots: '01',
      industry: '00',
      type: '132',
      serial: '0000001',
      network: '0',
    });
    expect(r.typeName).toBe('网络摄像机(IPC)');
    expect(r.industryName).toBe('社会治安路面接入');
    // wvp's default platform code, a province-level centre, an open-range industry
    for (const ok of ['34020000002000000001', '44000000001310000001', '11000000851310000001', '44060500082150000001'])
      expect(checkGbId(ok).ok, ok).toBe(true);
  });

  it('says which part of a bad code is wrong', () => {
    const cases: Array<[string, string]> = [
      ['4406050100132000000', 'length'],
      ['440605010013200000011', 'length'],
      ['', 'length'],
      ['4406050100132000000x', 'digits'],
      ['４４060501001320000001', 'digits'],
      ['99060501001320000001', 'province'],
      ['10060501001320000001', 'province'],
      ['44990501001320000001', 'city'],
      ['44000501001320000001', 'county'],
      ['44060001001320000001', 'grassroots'],
      ['44060501301320000001', 'industry'],
      ['44060501601320000001', 'industry'],
      ['44060501009990000001', 'type'],
      ['44060501001190000001', 'type'],
    ];
    for (const [id, part] of cases) {
      const r = checkGbId(id);
      expect(r.ok, id).toBe(false);
      if (!r.ok) {
        expect(r.part, id).toBe(part);
        expect(r.message, id).toMatch(/ \/ /); // 中文 / English
      }
    }
  });

  it('keeps cameras to types 131 and 132, groups to 215 and 216', () => {
    expect(checkCameraId('44060501001310000001').ok).toBe(true);
    expect(checkCameraId(IPC).ok).toBe(true);
    const nvr = checkCameraId('44060501001180000001');
    expect(nvr.ok).toBe(false);
    if (!nvr.ok) expect(nvr.part).toBe('type');
    expect(checkGroupId('44060501002150000001').ok).toBe(true);
    expect(checkGroupId('44060501002160000001').ok).toBe(true);
    expect(checkGroupId(IPC).ok).toBe(false);
    const short = checkCameraId('123');
    expect(short.ok || short.part).toBe('length');
  });

  it('reads 行政区划 codes and their chain', () => {
    expect(isCivilCode('44')).toBe(true);
    expect(isCivilCode('440605')).toBe(true);
    expect(isCivilCode('44060501')).toBe(true);
    expect(isCivilCode('440')).toBe(false);
    expect(isCivilCode('99')).toBe(false);
    expect(civilChain('44060501')).toEqual(['44', '4406', '440605', '44060501']);
    expect(civilChain('44060000')).toEqual(['44', '4406']);
    expect(civilChain('44000000')).toEqual(['44']);
    expect(splitGbId(IPC).centre).toBe('44060501');
  });
});
