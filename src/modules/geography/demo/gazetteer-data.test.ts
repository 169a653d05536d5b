import { describe, expect, it } from 'vitest';
import { PolygonIndex } from '../../../platform/geo';
import { normaliseAddress } from '../address.contract';
import { GAZETTEER_KINDS } from '../gazetteer.contract';
import { buildGuichengDemoGeography } from './demo-data';
import { buildDemoGazetteer } from './gazetteer-data';

const geo = buildGuichengDemoGeography();
const entries = buildDemoGazetteer(geo);
const index = new PolygonIndex(geo.communities.map((c) => ({ id: c.code, geometry: c.geometry, value: c.name })));

describe('demo gazetteer', () => {
  it('places every entry inside the community it names', () => {
    const wrong = entries
      .map((e) => ({ name: e.name, want: e.community, got: index.find(e.point)?.value ?? null }))
      .filter((x) => x.want !== x.got);
    expect(wrong).toEqual([]);
  });

  it('has the landmarks, main roads and a centre per community, with known kinds and unique name + address', () => {
    const names = new Set(entries.map((e) => e.name));
    for (const n of ['桂城地铁站', '千灯湖公园', '南海广场', '南海大道北', '石门中学']) expect(names.has(n)).toBe(true);
    expect(entries.filter((e) => e.kind === 'community_centre')).toHaveLength(geo.communities.length);
    for (const e of entries) expect(GAZETTEER_KINDS).toContain(e.kind);
    const keys = entries.map((e) => `${e.name}|${e.address}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of entries) expect(normaliseAddress(e.name).length).toBeGreaterThan(1);
  });
});
