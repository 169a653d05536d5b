/**
 * Demo geography for 桂城街道 (Guicheng Street, Nanhai, Foshan): a street boundary, its
 * communities (社区) and grids (网格) tiling it without gaps, and a few named places.
 *
 * NOT survey data. The outline is hand-drawn to the right size and place; communities are a
 * Voronoi partition of hand-placed seeds, grids a k-means/Voronoi split of each community, and
 * the whole mosaic is bent by a smooth warp so edges look like streets and creeks rather than
 * ruler lines. Deterministic: no randomness, same output on every run and machine.
 */
import { featureCollection, intersect, point, voronoi, booleanPointInPolygon, area } from '@turf/turf';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { bboxOf, centroidOf, type LngLat } from '../../../platform/geo';
import { warpPolygon } from './warp';

export const DEMO_NOTICE = '演示数据：边界为示意，非官方测绘';

export type PlaceKind =
  | 'river'
  | 'sewage_outfall'
  | 'gas_station'
  | 'embankment'
  | 'service_centre'
  | 'park'
  | 'government'
  | 'metro_station';

export interface DemoCommunity {
  code: string;
  name: string;
  geometry: Polygon;
}

export interface DemoGrid {
  code: string;
  name: string;
  communityCode: string;
  geometry: Polygon;
}

export interface DemoPlace {
  code: string;
  name: string;
  kind: PlaceKind;
  /** Representative point (for a river: a point on it inside the street). */
  point: LngLat;
  communityCode: string;
  demo: true;
  note?: string;
  /** The course of a linear place (the waterway), west to east. */
  line?: LngLat[];
}

export interface GuichengDemoGeography {
  notice: string;
  boundary: Feature<Polygon>;
  communities: DemoCommunity[];
  grids: DemoGrid[];
  places: DemoPlace[];
}

// ---------------------------------------------------------------------------------------------
// Source data (before the warp). About 9 km east–west by 10.5 km north–south.

const STREET = { code: 'GC', name: '桂城街道' };

/** Outline, counter-clockwise from the south-west corner. */
const OUTLINE: LngLat[] = [
  [113.118, 22.988],
  [113.132, 22.983],
  [113.147, 22.985],
  [113.16, 22.981],
  [113.176, 22.984],
  [113.189, 22.99],
  [113.196, 23.002],
  [113.198, 23.018],
  [113.193, 23.031],
  [113.197, 23.045],
  [113.192, 23.06],
  [113.186, 23.072],
  [113.172, 23.077],
  [113.158, 23.074],
  [113.145, 23.078],
  [113.131, 23.075],
  [113.118, 23.071],
  [113.112, 23.058],
  [113.115, 23.044],
  [113.11, 23.03],
  [113.113, 23.015],
  [113.109, 23.001],
];

/** Community names with a seed point each, north to south, west to east. */
const COMMUNITY_SEEDS: Array<[name: string, lng: number, lat: number]> = [
  ['叠滘社区', 113.122, 23.061],
  ['石啃社区', 113.141, 23.066],
  ['林岳社区', 113.16, 23.064],
  ['瀚天社区', 113.178, 23.064],
  ['映月社区', 113.121, 23.048],
  ['千灯湖社区', 113.139, 23.046],
  ['灯湖社区', 113.153, 23.05],
  ['翠湖社区', 113.168, 23.049],
  ['怡翠社区', 113.185, 23.05],
  ['雅瑶社区', 113.119, 23.034],
  ['桂园社区', 113.134, 23.034],
  ['中区社区', 113.148, 23.036],
  ['东二社区', 113.161, 23.037],
  ['东三社区', 113.175, 23.035],
  ['新城社区', 113.189, 23.037],
  ['南约社区', 113.121, 23.021],
  ['桂花社区', 113.136, 23.022],
  ['宝石社区', 113.15, 23.022],
  ['海三社区', 113.163, 23.023],
  ['海四社区', 113.177, 23.021],
  ['海五社区', 113.19, 23.022],
  ['江滨社区', 113.119, 23.008],
  ['锦园社区', 113.134, 23.008],
  ['东约社区', 113.149, 23.008],
  ['夏北社区', 113.163, 23.009],
  ['平西社区', 113.177, 23.006],
  ['夏西社区', 113.128, 22.994],
  ['夏南一社区', 113.145, 22.995],
  ['夏南二社区', 113.161, 22.994],
  ['平东社区', 113.182, 22.995],
];

/** 佛山水道 across the northern part, west to east (final coordinates, not warped). */
const WATERWAY: LngLat[] = [
  [113.1, 23.0615],
  [113.112, 23.0598],
  [113.124, 23.0572],
  [113.136, 23.0581],
  [113.146, 23.0612],
  [113.157, 23.0626],
  [113.168, 23.0607],
  [113.179, 23.0578],
  [113.19, 23.0562],
  [113.2, 23.0571],
];

/** Places named in the source article, plus a few landmarks. Final (WGS-84) coordinates. */
const PLACES: Array<Omit<DemoPlace, 'code' | 'communityCode' | 'demo'> & { community: string }> = [
  {
    name: '佛山水道',
    kind: 'river',
    point: [113.146, 23.0612],
    community: '石啃社区',
    line: WATERWAY,
    note: '河道巡查航线',
  },
  { name: '三洲水闸排污口', kind: 'sewage_outfall', point: [113.171, 23.0598], community: '瀚天社区' },
  { name: '冠顺气站', kind: 'gas_station', point: [113.184, 23.0545], community: '怡翠社区' },
  { name: '二洲河堤', kind: 'embankment', point: [113.1275, 23.0585], community: '叠滘社区', note: '河堤改造中' },
  { name: '桂城街道行政服务中心', kind: 'service_centre', point: [113.1515, 23.0285], community: '宝石社区' },
  { name: '千灯湖公园', kind: 'park', point: [113.14, 23.045], community: '千灯湖社区' },
  { name: '南海区政府', kind: 'government', point: [113.1465, 23.0375], community: '中区社区' },
  { name: '桂城地铁站', kind: 'metro_station', point: [113.16, 23.0385], community: '东二社区' },
];

// ---------------------------------------------------------------------------------------------

/** Builds the whole demo geography. Pure; takes a few hundred milliseconds. */
export function buildGuichengDemoGeography(): GuichengDemoGeography {
  const outline: Polygon = { type: 'Polygon', coordinates: [[...OUTLINE, OUTLINE[0]]] };
  const box = bboxOf(outline);
  const pad = 0.02;
  const cells = voronoi(featureCollection(COMMUNITY_SEEDS.map(([, lng, lat]) => point([lng, lat]))), {
    bbox: [box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad],
  }).features;

  const communities: DemoCommunity[] = [];
  const grids: DemoGrid[] = [];
  const raw = COMMUNITY_SEEDS.map(([name], i) => clip(cells[i].geometry, outline, name));
  const areas = raw.map((g) => area(g));
  const [minA, maxA] = [Math.min(...areas), Math.max(...areas)];
  raw.forEach((shape, i) => {
    const code = `${STREET.code}-${pad2(i + 1)}`;
    const name = COMMUNITY_SEEDS[i][0];
    communities.push({ code, name, geometry: warpPolygon(shape) });
    // Bigger communities get more grids: 3..6.
    const k = 3 + Math.round((3 * (areas[i] - minA)) / (maxA - minA));
    splitIntoGrids(shape, k).forEach((g, j) => {
      grids.push({
        code: `${code}-${pad2(j + 1)}`,
        name: `${name}第${j + 1}网格`,
        communityCode: code,
        geometry: warpPolygon(g),
      });
    });
  });

  const codeOf = new Map(communities.map((c) => [c.name, c.code]));
  const places: DemoPlace[] = PLACES.map(({ community, ...p }, i) => ({
    ...p,
    point: [...p.point] as LngLat,
    ...(p.line ? { line: p.line.map((q) => [...q] as LngLat) } : {}),
    code: `${STREET.code}-P${pad2(i + 1)}`,
    communityCode: codeOf.get(community) ?? fail(`place ${p.name}: unknown community ${community}`),
    demo: true,
  }));

  return {
    notice: DEMO_NOTICE,
    boundary: {
      type: 'Feature',
      id: STREET.code,
      properties: { code: STREET.code, name: STREET.name, demo: true, notice: DEMO_NOTICE },
      geometry: warpPolygon(outline),
    },
    communities,
    grids,
    places,
  };
}

export type DemoLayer = 'boundary' | 'community' | 'grid' | 'place';

/**
 * One GeoJSON FeatureCollection for maps and import files: polygons for the boundary,
 * communities and grids, points for places (the waterway's course stays on `place.line`,
 * so the result passes `parseFeatureCollection`). Every feature carries `layer`, `code`,
 * `name`, `demo: true` and the notice.
 */
export function toFeatureCollection(
  geo: GuichengDemoGeography,
  layers: readonly DemoLayer[] = ['boundary', 'community', 'grid', 'place'],
): FeatureCollection<Polygon | Point> {
  const base = { demo: true, notice: DEMO_NOTICE };
  const features: Array<Feature<Polygon | Point>> = [];
  if (layers.includes('boundary')) {
    features.push({ ...geo.boundary, properties: { ...geo.boundary.properties, layer: 'boundary', ...base } });
  }
  if (layers.includes('community')) {
    for (const c of geo.communities) {
      features.push(polygonFeature(c.code, c.geometry, { layer: 'community', code: c.code, name: c.name, ...base }));
    }
  }
  if (layers.includes('grid')) {
    for (const g of geo.grids) {
      const props = { layer: 'grid', code: g.code, name: g.name, communityCode: g.communityCode, ...base };
      features.push(polygonFeature(g.code, g.geometry, props));
    }
  }
  if (layers.includes('place')) {
    for (const p of geo.places) {
      features.push({
        type: 'Feature',
        id: p.code,
        properties: {
          layer: 'place',
          code: p.code,
          name: p.name,
          kind: p.kind,
          communityCode: p.communityCode,
          ...(p.note ? { note: p.note } : {}),
          ...base,
        },
        geometry: { type: 'Point', coordinates: [...p.point] },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

function polygonFeature(id: string, geometry: Polygon, properties: Record<string, unknown>): Feature<Polygon> {
  return { type: 'Feature', id, properties, geometry };
}

// ---------------------------------------------------------------------------------------------
// Construction

function clip(a: Polygon, b: Polygon, label: string): Polygon {
  const out = intersect(
    featureCollection([
      { type: 'Feature', properties: {}, geometry: a },
      { type: 'Feature', properties: {}, geometry: b },
    ]),
  );
  // The seeds are placed so every piece is one simple polygon; anything else is a data bug.
  if (!out || out.geometry.type !== 'Polygon' || out.geometry.coordinates.length !== 1) {
    return fail(`demo geography: ${label} did not clip to a single simple polygon`);
  }
  return out.geometry;
}

/**
 * Splits a polygon into k compact parts: k-means over a lattice of sample points inside it
 * (seeded deterministically by farthest-point picking), then the Voronoi cells of the means.
 */
function splitIntoGrids(shape: Polygon, k: number): Polygon[] {
  const [x0, y0, x1, y1] = bboxOf(shape);
  const step = Math.sqrt(((x1 - x0) * (y1 - y0)) / (60 * k));
  const samples: LngLat[] = [];
  for (let x = x0 + step / 2; x < x1; x += step) {
    for (let y = y0 + step / 2; y < y1; y += step) if (booleanPointInPolygon([x, y], shape)) samples.push([x, y]);
  }
  const d2 = (p: LngLat, q: LngLat) => (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2;
  const c = centroidOf(shape);
  const means: LngLat[] = [samples.reduce((best, s) => (d2(s, c) < d2(best, c) ? s : best))];
  while (means.length < k) {
    means.push(samples.reduce((best, s) => (nearest(s) > nearest(best) ? s : best)));
  }
  function nearest(p: LngLat): number {
    return Math.min(...means.map((m) => d2(p, m)));
  }
  for (let iter = 0; iter < 25; iter++) {
    const sums = means.map(() => [0, 0, 0]);
    for (const s of samples) {
      let best = 0;
      for (let m = 1; m < means.length; m++) if (d2(s, means[m]) < d2(s, means[best])) best = m;
      sums[best][0] += s[0];
      sums[best][1] += s[1];
      sums[best][2] += 1;
    }
    sums.forEach(([sx, sy, n], m) => {
      if (n > 0) means[m] = [sx / n, sy / n];
    });
  }
  const pad = 0.01;
  const cells = voronoi(featureCollection(means.map((m) => point(m))), {
    bbox: [x0 - pad, y0 - pad, x1 + pad, y1 + pad],
  });
  return cells.features.map((cell, j) => clip(cell.geometry, shape, `grid ${j + 1}`));
}

// ---------------------------------------------------------------------------------------------

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function fail(message: string): never {
  throw new Error(message);
}
