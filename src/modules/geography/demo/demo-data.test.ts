import { describe, expect, it } from 'vitest';
import { intersect, featureCollection } from '@turf/turf';
import type { Polygon } from 'geojson';
import {
  areaSquareMeters,
  bboxOf,
  centroidOf,
  distanceMeters,
  parseFeatureCollection,
  PolygonIndex,
  type LngLat,
} from '../../../platform/geo';
import { buildGuichengDemoGeography, DEMO_NOTICE, toFeatureCollection } from './demo-data';

const geo = buildGuichengDemoGeography();
const boundary = geo.boundary.geometry;

/** Area shared by two polygons, m². Clipping is floating point, so tests compare areas, not edges. */
function sharedArea(a: Polygon, b: Polygon): number {
  const out = intersect(
    featureCollection([
      { type: 'Feature', properties: {}, geometry: a },
      { type: 'Feature', properties: {}, geometry: b },
    ]),
  );
  return out ? areaSquareMeters(out.geometry) : 0;
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of items) m.set(key(t), [...(m.get(key(t)) ?? []), t]);
  return m;
}

const relDiff = (a: number, b: number) => Math.abs(a - b) / b;

describe('Guicheng demo geography', () => {
  it('is marked as demo data', () => {
    expect(DEMO_NOTICE).toBe('演示数据：边界为示意，非官方测绘');
    expect(geo.notice).toBe(DEMO_NOTICE);
    expect(geo.boundary.properties).toMatchObject({ name: '桂城街道', demo: true, notice: DEMO_NOTICE });
    expect(geo.places.every((p) => p.demo === true)).toBe(true);
  });

  it('has a street of plausible size and place', () => {
    const [w, s, e, n] = bboxOf(boundary);
    expect(w).toBeGreaterThan(113.1);
    expect(e).toBeLessThan(113.21);
    expect(s).toBeGreaterThan(22.97);
    expect(n).toBeLessThan(23.09);
    const widthKm = distanceMeters([w, 23.03], [e, 23.03]) / 1000;
    const heightKm = distanceMeters([113.15, s], [113.15, n]) / 1000;
    expect(widthKm).toBeGreaterThan(7);
    expect(widthKm).toBeLessThan(11);
    expect(heightKm).toBeGreaterThan(9);
    expect(heightKm).toBeLessThan(12);
    const km2 = areaSquareMeters(boundary) / 1e6;
    expect(km2).toBeGreaterThan(60);
    expect(km2).toBeLessThan(100);
  });

  it('has 24–30 uniquely named and coded communities', () => {
    expect(geo.communities.length).toBeGreaterThanOrEqual(24);
    expect(geo.communities.length).toBeLessThanOrEqual(30);
    expect(new Set(geo.communities.map((c) => c.name)).size).toBe(geo.communities.length);
    expect(new Set(geo.communities.map((c) => c.code)).size).toBe(geo.communities.length);
    for (const c of geo.communities) {
      expect(c.name).toMatch(/社区$/);
      expect(c.code).toMatch(/^GC-\d{2}$/);
    }
    expect(geo.communities.map((c) => c.name)).toEqual(expect.arrayContaining(['东二社区', '叠滘社区', '千灯湖社区']));
  });

  it('puts every community within the boundary', () => {
    for (const c of geo.communities) {
      const a = areaSquareMeters(c.geometry);
      expect(a, c.name).toBeGreaterThan(500_000);
      expect(sharedArea(c.geometry, boundary) / a, c.name).toBeGreaterThan(0.9999);
    }
  });

  it('tiles the boundary with communities: no overlaps, no gaps', () => {
    const sum = geo.communities.reduce((s, c) => s + areaSquareMeters(c.geometry), 0);
    expect(relDiff(sum, areaSquareMeters(boundary))).toBeLessThan(0.01);
    // Pairwise overlap is at most a floating-point sliver.
    for (let i = 0; i < geo.communities.length; i++) {
      for (let j = i + 1; j < geo.communities.length; j++) {
        const [a, b] = [geo.communities[i], geo.communities[j]];
        expect(sharedArea(a.geometry, b.geometry), `${a.name} ∩ ${b.name}`).toBeLessThan(1);
      }
    }
    // A lattice of probes inside the street: each lies in exactly one community.
    const index = new PolygonIndex(geo.communities.map((c) => ({ id: c.code, geometry: c.geometry, value: c })));
    const street = new PolygonIndex([{ id: 'street', geometry: boundary, value: null }]);
    const [w, s, e, n] = bboxOf(boundary);
    let probes = 0;
    for (let x = w + 0.000_37; x < e; x += 0.002_13) {
      for (let y = s + 0.000_41; y < n; y += 0.001_97) {
        const p: LngLat = [x, y];
        if (!street.find(p)) continue;
        probes++;
        expect(index.findAll(p).length, `probe ${p}`).toBe(1);
      }
    }
    expect(probes).toBeGreaterThan(1500);
  });

  it('splits every community into 3–6 grids that tile it', () => {
    const byCommunity = groupBy(geo.grids, (g) => g.communityCode);
    for (const c of geo.communities) {
      const grids = byCommunity.get(c.code) ?? [];
      expect(grids.length, c.name).toBeGreaterThanOrEqual(3);
      expect(grids.length, c.name).toBeLessThanOrEqual(6);
      grids.forEach((g, i) => {
        expect(g.name).toBe(`${c.name}第${i + 1}网格`);
        expect(g.code).toBe(`${c.code}-${String(i + 1).padStart(2, '0')}`);
        expect(sharedArea(g.geometry, c.geometry) / areaSquareMeters(g.geometry), g.name).toBeGreaterThan(0.9999);
      });
      const sum = grids.reduce((s, g) => s + areaSquareMeters(g.geometry), 0);
      expect(relDiff(sum, areaSquareMeters(c.geometry)), c.name).toBeLessThan(0.001);
    }
    expect(new Set(geo.grids.map((g) => g.code)).size).toBe(geo.grids.length);
  });

  it('puts every place in the community it names, and a grid of that community', () => {
    const all = new PolygonIndex([
      ...geo.communities.map((c) => ({ id: c.code, geometry: c.geometry, value: c.code })),
      ...geo.grids.map((g) => ({ id: g.code, geometry: g.geometry, value: g.communityCode })),
    ]);
    const communities = new PolygonIndex(
      geo.communities.map((c) => ({ id: c.code, geometry: c.geometry, value: c.code })),
    );
    for (const p of geo.places) {
      expect(communities.find(p.point)?.id, p.name).toBe(p.communityCode);
      const hit = all.find(p.point); // smallest first: the grid
      expect(hit?.id, p.name).toMatch(new RegExp(`^${p.communityCode}-\\d{2}$`));
      expect(hit?.value).toBe(p.communityCode);
    }
  });

  it('includes the places from the source article', () => {
    const byName = new Map(geo.places.map((p) => [p.name, p]));
    expect(byName.get('佛山水道')?.kind).toBe('river');
    expect(byName.get('三洲水闸排污口')?.kind).toBe('sewage_outfall');
    expect(byName.get('冠顺气站')?.kind).toBe('gas_station');
    expect(byName.get('二洲河堤')).toMatchObject({ kind: 'embankment', note: '河堤改造中' });
    // The waterway crosses the northern part of the street.
    const river = byName.get('佛山水道')!;
    expect(river.line!.length).toBeGreaterThan(2);
    const [w, s, e, n] = bboxOf(boundary);
    expect(river.line![0][0]).toBeLessThan(w);
    expect(river.line![river.line!.length - 1][0]).toBeGreaterThan(e);
    for (const [, lat] of river.line!) expect(lat).toBeGreaterThan(s + 0.7 * (n - s));
    expect(new Set(geo.places.map((p) => p.code)).size).toBe(geo.places.length);
  });

  it('is centred near 23.03 N, 113.15 E', () => {
    const [lng, lat] = centroidOf({
      type: 'MultiPolygon',
      coordinates: geo.communities.map((c) => c.geometry.coordinates),
    });
    expect(distanceMeters([lng, lat], [113.15, 23.03])).toBeLessThan(1000);
    expect(distanceMeters(centroidOf(boundary), [lng, lat])).toBeLessThan(10);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(buildGuichengDemoGeography())).toBe(JSON.stringify(geo));
  });

  it('exports one FeatureCollection that passes the GeoJSON validator', () => {
    const fc = toFeatureCollection(geo);
    expect(fc.features.length).toBe(1 + geo.communities.length + geo.grids.length + geo.places.length);
    const parsed = parseFeatureCollection(JSON.parse(JSON.stringify(fc)));
    expect(parsed.features.length).toBe(fc.features.length);
    for (const f of fc.features) expect(f.properties).toMatchObject({ demo: true, notice: DEMO_NOTICE });
    const layers = groupBy(fc.features, (f) => f.properties?.layer as string);
    expect(layers.get('boundary')?.length).toBe(1);
    expect(layers.get('place')?.every((f) => f.geometry.type === 'Point')).toBe(true);
    expect(toFeatureCollection(geo, ['community']).features.length).toBe(geo.communities.length);
  });
});
