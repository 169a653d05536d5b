/**
 * Geofence geometry, pure: checking a zone as drawn, and a route's legs against the zones (polygons
 * and circles in WGS-84, `[lng, lat]`). Zones are compiled once (ring, bounding box, a circle as
 * turf's polygon) and every leg is tested only against the zones its bounding box touches, so a
 * 200-waypoint route against 500 zones costs a few bbox comparisons per leg, not 100,000 polygon tests.
 */
import {
  bbox,
  booleanIntersects,
  booleanPointInPolygon,
  booleanWithin,
  circle,
  kinks,
  lineString,
  polygon as turfPolygon,
} from '@turf/turf';
import type { Feature, Polygon, Position } from 'geojson';

export type GeofenceKind = 'no_fly' | 'stay_inside';
export type GeofenceShapeName = 'polygon' | 'circle';
export type BBox = [minLng: number, minLat: number, maxLng: number, maxLat: number];

export interface GeofenceDef {
  id: string;
  name: string;
  kind: GeofenceKind;
  shape: GeofenceShapeName;
  /** polygon: the outer ring, closing point optional */
  polygon: [number, number][] | null;
  center: { lng: number; lat: number } | null;
  radiusM: number | null;
  enabled: boolean;
  minHeightM: number | null;
  maxHeightM: number | null;
}

export interface CompiledZone {
  id: string;
  name: string;
  kind: GeofenceKind;
  bbox: BBox;
  feature: Feature<Polygon>;
  /** the height band the zone applies to (no-fly) or keeps the aircraft in (stay-inside); null: unbounded */
  minH: number | null;
  maxH: number | null;
}

/** A point of the flown path; `transit` marks the dock at either end (no waypoint height rule applies). */
export interface PathPoint {
  lng: number;
  lat: number;
  height: number;
  transit?: boolean;
}

const CIRCLE_STEPS = 64;
const bi = (zh: string, en: string) => `${zh} / ${en}`;

/** The ring without its closing point (a ring typed as drawn may or may not repeat the first point). */
export function openRing(points: readonly [number, number][]): [number, number][] {
  const r = points.map((p) => [p[0], p[1]] as [number, number]);
  if (r.length > 1 && r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1]) r.pop();
  return r;
}

export function closedRing(points: readonly [number, number][]): [number, number][] {
  const r = openRing(points);
  return r.length ? [...r, [r[0][0], r[0][1]]] : r;
}

/** What is wrong with a zone as drawn (empty: it can be saved), each reason in both languages. */
export function geofenceErrors(g: Omit<GeofenceDef, 'id' | 'enabled'>, maxPoints = 254): string[] {
  const out: string[] = [];
  if (g.shape === 'polygon') {
    if (!g.polygon) return [bi('多边形需要顶点', 'a polygon needs its points')];
    if (g.center || g.radiusM !== null) out.push(bi('多边形不带圆心和半径', 'a polygon takes no centre or radius'));
    const ring = openRing(g.polygon);
    const bad = ring.find(
      ([x, y]) => !Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > 180 || Math.abs(y) > 90,
    );
    if (bad) return [...out, bi(`坐标超出范围：${bad.join(', ')}`, `coordinate out of range: ${bad.join(', ')}`)];
    const distinct = new Set(ring.map(([x, y]) => `${x},${y}`)).size;
    if (distinct < 3) out.push(bi('多边形至少需要 3 个不同的顶点', 'a polygon needs at least 3 distinct points'));
    else if (ring.length > maxPoints)
      out.push(bi(`多边形最多 ${maxPoints} 个顶点`, `a polygon has at most ${maxPoints} points`));
    else if (kinks(turfPolygon([closedRing(ring)])).features.length > 0)
      out.push(bi('多边形的边自相交', 'the polygon’s edges cross each other'));
  } else {
    if (!g.center || g.radiusM === null) return [bi('圆形需要圆心和半径', 'a circle needs its centre and radius')];
    if (g.polygon) out.push(bi('圆形不带多边形顶点', 'a circle takes no polygon points'));
    if (!(g.radiusM >= 10)) out.push(bi('半径至少 10 米', 'the radius is at least 10 m'));
  }
  if (g.minHeightM !== null && g.maxHeightM !== null && g.minHeightM >= g.maxHeightM)
    out.push(bi('最低高度须低于最高高度', 'the lower height must be below the upper one'));
  return out;
}

/**
 * Whether the zone goes into the docks' custom flight area file. The file is two-dimensional: a
 * no-fly zone limited to a height band would ground the aircraft at every height there, so such a
 * band is enforced by the platform's pre-flight check only. Stay-inside areas always go.
 */
export function goesToDocks(g: Pick<GeofenceDef, 'kind' | 'enabled' | 'minHeightM' | 'maxHeightM'>): boolean {
  return g.enabled && (g.kind === 'stay_inside' || (g.minHeightM === null && g.maxHeightM === null));
}

/**
 * The zone as a polygon. A no-fly circle is drawn around the true circle (vertices a little outside),
 * a stay-inside one within it: either way the polygon errs on the safe side.
 */
export function zonePolygon(g: GeofenceDef): Feature<Polygon> {
  if (g.shape === 'polygon') return turfPolygon([closedRing(g.polygon ?? [])]);
  const r = g.radiusM ?? 0;
  const radius = g.kind === 'no_fly' ? r / Math.cos(Math.PI / CIRCLE_STEPS) : r;
  return circle([g.center!.lng, g.center!.lat], radius, { steps: CIRCLE_STEPS, units: 'meters' });
}

export function zoneBBox(g: GeofenceDef): BBox {
  const [a, b, c, d] = bbox(zonePolygon(g));
  return [a, b, c, d];
}

export function compileZones(defs: readonly GeofenceDef[]): CompiledZone[] {
  return defs
    .filter((g) => g.enabled)
    .map((g) => {
      const feature = zonePolygon(g);
      const [a, b, c, d] = bbox(feature);
      return {
        id: g.id,
        name: g.name,
        kind: g.kind,
        bbox: [a, b, c, d],
        feature,
        minH: g.minHeightM,
        maxH: g.maxHeightM,
      };
    });
}

const overlaps = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

interface Leg {
  a: PathPoint;
  b: PathPoint;
  box: BBox;
  line: Feature | null;
}

function legsOf(path: readonly PathPoint[]): Leg[] {
  const legs: Leg[] = [];
  for (let k = 1; k < path.length; k++) {
    const a = path[k - 1];
    const b = path[k];
    legs.push({
      a,
      b,
      box: [Math.min(a.lng, b.lng), Math.min(a.lat, b.lat), Math.max(a.lng, b.lng), Math.max(a.lat, b.lat)],
      line: null,
    });
  }
  return legs;
}

const lineOf = (l: Leg) => {
  if (!l.line) l.line = lineString([[l.a.lng, l.a.lat] as Position, [l.b.lng, l.b.lat] as Position]);
  return l.line;
};

export interface ZoneRef {
  id: string;
  name: string;
}

export interface RouteZoneCheck {
  /** no-fly zones the path enters (at a height the zone applies to) */
  entered: ZoneRef[];
  /** the stay-inside areas that exist (enabled) */
  stayInside: ZoneRef[];
  /** the stay-inside area the path starts in; null: it starts outside every one (or none exists) */
  startArea: ZoneRef | null;
  /** the path leaves its stay-inside area */
  leaves: boolean;
  /** waypoints outside the height band of the stay-inside area they are in */
  heightOutside: boolean;
  /** the zones that passed the bounding-box filter */
  candidates: number;
}

/**
 * The path (dock → waypoints → dock when the dock is known) against the zones, leg by leg: a leg
 * enters a no-fly zone when it touches its polygon at a height the zone covers; with stay-inside
 * areas the path must start in one and every leg stay within it (turf's booleanWithin splits the leg
 * on the boundary, so a leg across the notch of a concave area is caught).
 */
export function checkPath(path: readonly PathPoint[], zones: readonly CompiledZone[]): RouteZoneCheck {
  const out: RouteZoneCheck = {
    entered: [],
    stayInside: [],
    startArea: null,
    leaves: false,
    heightOutside: false,
    candidates: 0,
  };
  if (path.length === 0) return out;
  const legs = path.length === 1 ? legsOf([path[0], path[0]]) : legsOf(path);
  let routeBox: BBox = [...legs[0].box];
  for (const l of legs)
    routeBox = [
      Math.min(routeBox[0], l.box[0]),
      Math.min(routeBox[1], l.box[1]),
      Math.max(routeBox[2], l.box[2]),
      Math.max(routeBox[3], l.box[3]),
    ];
  const start: Position = [path[0].lng, path[0].lat];
  for (const z of zones) {
    if (z.kind === 'stay_inside') {
      out.stayInside.push({ id: z.id, name: z.name });
      if (out.startArea || !overlaps(z.bbox, [start[0], start[1], start[0], start[1]])) continue;
      if (!booleanPointInPolygon(start, z.feature)) continue;
      out.startArea = { id: z.id, name: z.name };
      out.candidates++;
      out.leaves = legs.some((l) => !overlapsWithin(l.box, z.bbox) || !booleanWithin(lineOf(l), z.feature));
      const lo = z.minH ?? Number.NEGATIVE_INFINITY;
      const hi = z.maxH ?? Number.POSITIVE_INFINITY;
      out.heightOutside = path.some((p) => !p.transit && (p.height < lo || p.height > hi));
      continue;
    }
    if (!overlaps(z.bbox, routeBox)) continue;
    out.candidates++;
    const lo = z.minH ?? Number.NEGATIVE_INFINITY;
    const hi = z.maxH ?? Number.POSITIVE_INFINITY;
    const hit = legs.some(
      (l) =>
        overlaps(l.box, z.bbox) &&
        Math.max(l.a.height, l.b.height) >= lo &&
        Math.min(l.a.height, l.b.height) <= hi &&
        booleanIntersects(lineOf(l), z.feature),
    );
    if (hit) out.entered.push({ id: z.id, name: z.name });
  }
  return out;
}

/** A leg's box inside the area's box (else the leg surely leaves it). */
const overlapsWithin = (leg: BBox, area: BBox) =>
  leg[0] >= area[0] && leg[1] >= area[1] && leg[2] <= area[2] && leg[3] <= area[3];
