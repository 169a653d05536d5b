/**
 * NGSI-LD geo-queries (GS CIM 009 §4.10) over point entities: `georel` near;maxDistance==m (and
 * minDistance), within, intersects, disjoint, equals; `geometry` Point | Polygon | MultiPolygon;
 * `coordinates` as GeoJSON coordinates text; `geoproperty` location only. Gives the bounding box
 * a query can be narrowed to in SQL, and the exact test for one point. Pure.
 */
import { type BBox2, bboxOf, distanceMeters, type LngLat, pointInPolygon } from '../../../platform/geo';
import { badData, NgsiError } from './problem';

type Areal = { type: 'Polygon'; coordinates: LngLat[][] } | { type: 'MultiPolygon'; coordinates: LngLat[][][] };
export type GeoQuery =
  | { rel: 'near'; point: LngLat; maxDistance: number | null; minDistance: number | null }
  | { rel: 'within' | 'intersects' | 'disjoint'; geometry: Areal }
  | { rel: 'equals'; point: LngLat };

export interface GeoQueryInput {
  georel?: string;
  geometry?: string;
  coordinates?: string;
  geoproperty?: string;
}

const MAX_POSITIONS = 2000;
const RELS = ['near', 'within', 'intersects', 'disjoint', 'equals'] as const;
const UNSUPPORTED = ['contains', 'overlaps'];

function position(p: unknown, what: string): LngLat {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3 || !p.every((x) => typeof x === 'number' && Number.isFinite(x)))
    throw badData(`coordinates: ${what} must be [longitude, latitude]`);
  const [lng, lat] = p as number[];
  if (lng! < -180 || lng! > 180 || lat! < -90 || lat! > 90)
    throw badData(`coordinates: ${what} [${lng}, ${lat}] is outside longitude ±180, latitude ±90`);
  return [lng!, lat!];
}

function ring(r: unknown, what: string): LngLat[] {
  if (!Array.isArray(r) || r.length < 4) throw badData(`coordinates: ${what} needs at least 4 positions`);
  const out = r.map((p, k) => position(p, `${what} position ${k}`));
  const [a, b] = [out[0]!, out[out.length - 1]!];
  if (a[0] !== b[0] || a[1] !== b[1]) throw badData(`coordinates: ${what} is not closed (first ≠ last position)`);
  return out;
}

const polygon = (c: unknown, what: string): LngLat[][] => {
  if (!Array.isArray(c) || c.length === 0) throw badData(`coordinates: ${what} must be an array of rings`);
  return c.map((r, k) => ring(r, `${what} ring ${k}`));
};

const countPositions = (c: unknown): number =>
  Array.isArray(c) ? (typeof c[0] === 'number' ? 1 : c.reduce((n: number, x) => n + countPositions(x), 0)) : 0;

/** Parses the geo-query parameters; null when none is given; 400 BadRequestData when they are wrong. */
export function parseGeoQuery(q: GeoQueryInput): GeoQuery | null {
  const given = [q.georel, q.geometry, q.coordinates].filter((x) => x !== undefined).length;
  if (given === 0) return null;
  if (given < 3) throw badData('a geo-query needs georel, geometry and coordinates together');
  if (q.geoproperty !== undefined && q.geoproperty !== 'location')
    throw new NgsiError('OperationNotSupported', `geoproperty ${q.geoproperty}: only location is queryable`);
  const [relText, ...mods] = q.georel!.split(';');
  if (UNSUPPORTED.includes(relText!))
    throw new NgsiError('OperationNotSupported', `georel ${relText} is not supported over point entities`);
  if (!(RELS as readonly string[]).includes(relText!))
    throw badData(`georel ${relText} is not one of ${RELS.join(', ')}`);
  const rel = relText as (typeof RELS)[number];
  let coords: unknown;
  try {
    coords = JSON.parse(q.coordinates!);
  } catch {
    throw badData('coordinates must be a JSON array, e.g. [113.15,23.03]');
  }
  if (countPositions(coords) > MAX_POSITIONS) throw badData(`coordinates: more than ${MAX_POSITIONS} positions`);
  const geometry = q.geometry!;

  if (rel === 'near' || rel === 'equals') {
    if (geometry !== 'Point') throw badData(`georel ${rel} needs geometry Point, not ${geometry}`);
    const point = position(coords, 'the point');
    if (rel === 'equals') {
      if (mods.length) throw badData('georel equals takes no modifiers');
      return { rel, point };
    }
    let maxDistance: number | null = null;
    let minDistance: number | null = null;
    for (const m of mods) {
      const hit = /^(maxDistance|minDistance)==(\d+(\.\d+)?)$/.exec(m);
      if (!hit)
        throw badData(`georel near: ${JSON.stringify(m)} is not maxDistance==<metres> or minDistance==<metres>`);
      if (hit[1] === 'maxDistance') maxDistance = Number(hit[2]);
      else minDistance = Number(hit[2]);
    }
    if (maxDistance === null && minDistance === null) throw badData('georel near needs maxDistance== or minDistance==');
    return { rel, point, maxDistance, minDistance };
  }
  if (mods.length) throw badData(`georel ${rel} takes no modifiers`);
  if (geometry === 'Polygon')
    return { rel, geometry: { type: 'Polygon', coordinates: polygon(coords, 'the polygon') } };
  if (geometry === 'MultiPolygon') {
    if (!Array.isArray(coords) || coords.length === 0) throw badData('coordinates: a MultiPolygon needs polygons');
    return {
      rel,
      geometry: { type: 'MultiPolygon', coordinates: coords.map((c, k) => polygon(c, `polygon ${k}`)) },
    };
  }
  throw badData(`georel ${rel} needs geometry Polygon or MultiPolygon, not ${geometry}`);
}

const M_PER_DEG = 111_320;

/** The box every match lies in (null: no narrowing — disjoint, or near with only a minimum). */
export function boxOf(g: GeoQuery): BBox2 | null {
  if (g.rel === 'equals') return [g.point[0], g.point[1], g.point[0], g.point[1]];
  if (g.rel === 'near') {
    if (g.maxDistance === null) return null;
    const [lng, lat] = g.point;
    const dLat = g.maxDistance / M_PER_DEG;
    const dLng = g.maxDistance / (M_PER_DEG * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
    // a little slack: the box is only the SQL narrowing, the distance test decides
    return [lng - dLng * 1.01, lat - dLat * 1.01, lng + dLng * 1.01, lat + dLat * 1.01];
  }
  if (g.rel === 'disjoint') return null;
  return bboxOf(g.geometry);
}

/** Whether a point entity at `p` satisfies the query. */
export function matchesGeo(g: GeoQuery, p: LngLat): boolean {
  switch (g.rel) {
    case 'near': {
      const d = distanceMeters(g.point, p);
      return (g.maxDistance === null || d <= g.maxDistance) && (g.minDistance === null || d >= g.minDistance);
    }
    case 'equals':
      return g.point[0] === p[0] && g.point[1] === p[1];
    case 'within':
    case 'intersects':
      return pointInPolygon(p, g.geometry);
    case 'disjoint':
      return !pointInPolygon(p, g.geometry);
  }
}

/** Distance from a near-query's point, for ordering the results nearest first. */
export const distanceFrom = (g: GeoQuery, p: LngLat): number | null =>
  g.rel === 'near' ? distanceMeters(g.point, p) : null;
