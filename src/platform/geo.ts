/**
 * Geometry helpers. Inside the system every coordinate is WGS-84 `[lng, lat]`; GCJ-02 (AMap,
 * Tencent, most Chinese map SDKs) and BD-09 (Baidu) exist only at the edges, converted here.
 */
import gcoord from 'gcoord';
import { area, bbox, booleanPointInPolygon, centroid, distance } from '@turf/turf';
import type {
  Feature,
  FeatureCollection,
  GeoJsonProperties,
  Geometry,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from 'geojson';
import { badRequest } from './errors';

export type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon, Position };

/** A WGS-84 position, longitude first (GeoJSON order). */
export type LngLat = [lng: number, lat: number];
/** `[minLng, minLat, maxLng, maxLat]` */
export type BBox2 = [minLng: number, minLat: number, maxLng: number, maxLat: number];
export type CoordSystem = 'WGS84' | 'GCJ02' | 'BD09';
export type Areal = Polygon | MultiPolygon;

const CRS = { WGS84: gcoord.WGS84, GCJ02: gcoord.GCJ02, BD09: gcoord.BD09 } as const;

function checkLngLat(lng: number, lat: number): void {
  if (!Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lng) > 180 || Math.abs(lat) > 90) {
    throw badRequest('invalid_coordinate', `coordinate out of range: [${lng}, ${lat}] (expected [lng, lat])`);
  }
}

function crsOf(name: string): (typeof CRS)[CoordSystem] {
  if (!Object.hasOwn(CRS, name)) {
    throw badRequest('invalid_crs', `unknown coordinate system "${name}" (expected WGS84, GCJ02 or BD09)`);
  }
  return CRS[name as CoordSystem];
}

function convert(lng: number, lat: number, from: CoordSystem, to: CoordSystem): LngLat {
  checkLngLat(lng, lat);
  const a = crsOf(from);
  const b = crsOf(to);
  if (a === b) return [lng, lat];
  // gcoord leaves points outside China unchanged for GCJ-02/BD-09, which is what we want.
  const [x, y] = gcoord.transform<[number, number]>([lng, lat], a, b);
  return [x, y];
}

/** Converts an incoming position (e.g. from a phone's AMap SDK) to WGS-84. */
export function toWgs84(lng: number, lat: number, from: CoordSystem): LngLat {
  return convert(lng, lat, from, 'WGS84');
}

/** Converts a WGS-84 position for a client whose map expects `to`. */
export function fromWgs84(lng: number, lat: number, to: CoordSystem): LngLat {
  return convert(lng, lat, 'WGS84', to);
}

/** True when the point lies inside the polygon or on its edge; holes are respected. */
export function pointInPolygon(point: LngLat, geometry: Areal): boolean {
  return booleanPointInPolygon(point, geometry);
}

/** Great-circle (haversine) distance in metres. */
export function distanceMeters(a: LngLat, b: LngLat): number {
  return distance(a, b, { units: 'meters' });
}

export function bboxOf(geometry: Geometry): BBox2 {
  const [minX, minY, maxX, maxY] = bbox(geometry);
  return [minX, minY, maxX, maxY];
}

/** Geodesic area in square metres. */
export function areaSquareMeters(geometry: Areal): number {
  return area(geometry);
}

/**
 * Centre of mass of a polygon or multipolygon (area-weighted, holes subtracted), or the point
 * itself. Turf's `centroid` is a plain vertex mean, which drifts toward densely drawn edges;
 * its `centerOfMass` uses the convex hull for multipolygons. Other geometries: vertex mean.
 */
export function centroidOf(geometry: Geometry): LngLat {
  if (geometry.type === 'Point') return [geometry.coordinates[0], geometry.coordinates[1]];
  if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
    const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    const origin = polys[0]?.[0]?.[0];
    if (origin) {
      // Planar moments relative to one vertex (for precision). The centroid is affine-invariant,
      // so working in degrees equals working in a local equirectangular projection.
      let sa = 0;
      let sx = 0;
      let sy = 0;
      for (const rings of polys) {
        rings.forEach((ring, r) => {
          const m = ringMoments(ring, origin);
          const sign = (r === 0 ? 1 : -1) * Math.sign(m.a); // outer adds, holes subtract, any winding
          sa += sign * m.a;
          sx += sign * m.x;
          sy += sign * m.y;
        });
      }
      if (sa > 0) return [origin[0] + sx / (3 * sa), origin[1] + sy / (3 * sa)];
    }
  }
  const [x, y] = centroid(geometry).geometry.coordinates;
  return [x, y];
}

/** Twice the signed area `a`, and the first moments times 6 (before division by 3a). */
function ringMoments(ring: Position[], o: Position): { a: number; x: number; y: number } {
  let a = 0;
  let x = 0;
  let y = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const x0 = ring[i][0] - o[0];
    const y0 = ring[i][1] - o[1];
    const x1 = ring[i + 1][0] - o[0];
    const y1 = ring[i + 1][1] - o[1];
    const c = x0 * y1 - x1 * y0;
    a += c;
    x += (x0 + x1) * c;
    y += (y0 + y1) * c;
  }
  return { a, x, y };
}

// ---------------------------------------------------------------------------------------------
// GeoJSON validation at the edge

export type ImportGeometry = Polygon | MultiPolygon | Point;

/**
 * Validates an uploaded FeatureCollection of Polygon / MultiPolygon features (and Point
 * features, for places) and returns a clean copy (foreign members dropped, `properties`
 * defaulted to null). Unclosed rings are rejected rather than silently closed: a missing last
 * point usually means a truncated or mis-exported file. Throws 400 `invalid_geojson` naming
 * the feature index.
 */
export function parseFeatureCollection(input: unknown): FeatureCollection<ImportGeometry> {
  if (!isObject(input) || input.type !== 'FeatureCollection' || !Array.isArray(input.features)) {
    throw badRequest(
      'invalid_geojson',
      'expected a GeoJSON object with type "FeatureCollection" and a "features" array',
    );
  }
  const features = input.features.map((f: unknown, i: number) => parseFeature(f, i));
  return { type: 'FeatureCollection', features };
}

function parseFeature(f: unknown, index: number): Feature<ImportGeometry> {
  const fail: Fail = (message, path) => {
    throw badRequest('invalid_geojson', `feature ${index}: ${message}`, { featureIndex: index, path });
  };
  if (!isObject(f) || f.type !== 'Feature') fail('expected an object with type "Feature"');
  const feature = f as Record<string, unknown>;
  const props = feature.properties;
  if (props !== undefined && props !== null && !isObject(props))
    fail('"properties" must be an object or null', 'properties');
  const id = feature.id;
  if (id !== undefined && typeof id !== 'string' && typeof id !== 'number')
    fail('"id" must be a string or a number', 'id');
  const g = feature.geometry;
  if (!isObject(g)) return fail('missing geometry', 'geometry');
  const coords = g.coordinates;
  let geometry: ImportGeometry;
  switch (g.type) {
    case 'Point':
      geometry = { type: 'Point', coordinates: parsePosition(coords, 'geometry.coordinates', fail) };
      break;
    case 'Polygon':
      geometry = { type: 'Polygon', coordinates: parsePolygon(coords, 'geometry.coordinates', fail) };
      break;
    case 'MultiPolygon': {
      if (!Array.isArray(coords) || coords.length === 0) {
        return fail('MultiPolygon needs at least one polygon', 'geometry.coordinates');
      }
      const polys = coords.map((p, k) => parsePolygon(p, `geometry.coordinates[${k}]`, fail));
      geometry = { type: 'MultiPolygon', coordinates: polys };
      break;
    }
    default:
      return fail(
        `unsupported geometry type ${JSON.stringify(g.type)} (expected Polygon, MultiPolygon or Point)`,
        'geometry.type',
      );
  }
  const out: Feature<ImportGeometry> = {
    type: 'Feature',
    geometry,
    properties: (props ?? null) as GeoJsonProperties,
  };
  if (id !== undefined) out.id = id as string | number;
  return out;
}

type Fail = (message: string, path?: string) => never;

function parsePolygon(rings: unknown, path: string, fail: Fail): Position[][] {
  if (!Array.isArray(rings) || rings.length === 0) return fail('Polygon needs at least one ring', path);
  return rings.map((ring, r) => {
    const at = `${path}[${r}]`;
    const what = r === 0 ? `outer ring (${at})` : `hole ${r} (${at})`;
    if (!Array.isArray(ring) || ring.length < 4) {
      return fail(`${what} needs at least 4 positions, got ${Array.isArray(ring) ? ring.length : typeof ring}`, at);
    }
    const out = ring.map((p, k) => parsePosition(p, `${at}[${k}]`, fail));
    const first = out[0];
    const last = out[out.length - 1];
    if (first[0] !== last[0] || first[1] !== last[1]) {
      fail(
        `${what} is not closed: first position [${first}] differs from last [${last}]; repeat the first position at the end`,
        at,
      );
    }
    if (ringMoments(out, first).a === 0) fail(`${what} has zero area`, at);
    return out;
  });
}

function parsePosition(p: unknown, path: string, fail: Fail): Position {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3) {
    return fail(`position at ${path} must be [lng, lat] or [lng, lat, alt]`, path);
  }
  if (!p.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    return fail(`position at ${path} must contain only finite numbers`, path);
  }
  const [lng, lat] = p as number[];
  if (lng < -180 || lng > 180) fail(`longitude ${lng} at ${path} is outside -180..180`, path);
  if (lat < -90 || lat > 90) fail(`latitude ${lat} at ${path} is outside -90..90 (is the order [lng, lat]?)`, path);
  return [...(p as number[])];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ---------------------------------------------------------------------------------------------
// Point → polygon lookup

export interface IndexedPolygon<T> {
  id: string;
  geometry: Areal;
  value: T;
}

interface Slot<T> {
  entry: IndexedPolygon<T>;
  box: BBox2;
}

/**
 * Finds which polygon(s) contain a point, over many polygons. Entries are ordered by area,
 * smallest first (ties keep input order), so when nested layers share one index the most
 * specific polygon wins (a grid before its community). A uniform bucket grid over the extent
 * narrows candidates; each candidate's bbox is checked, then the exact test. Points on a shared
 * edge belong to both neighbours; `find` then returns the smaller.
 */
export class PolygonIndex<T> {
  private readonly slots: Slot<T>[];
  private readonly extent: BBox2;
  private readonly cols: number;
  private readonly rows: number;
  private readonly cellW: number;
  private readonly cellH: number;
  private readonly buckets: number[][];
  /** Slots covering too many cells to copy into each; checked for every lookup. */
  private readonly everywhere: number[] = [];

  constructor(entries: Iterable<IndexedPolygon<T>>) {
    const list = [...entries].map((entry, order) => ({
      entry,
      box: bboxOf(entry.geometry),
      area: area(entry.geometry),
      order,
    }));
    list.sort((a, b) => a.area - b.area || a.order - b.order);
    this.slots = list.map(({ entry, box }) => ({ entry, box }));

    const ext: BBox2 = [Infinity, Infinity, -Infinity, -Infinity];
    for (const { box } of this.slots) {
      ext[0] = Math.min(ext[0], box[0]);
      ext[1] = Math.min(ext[1], box[1]);
      ext[2] = Math.max(ext[2], box[2]);
      ext[3] = Math.max(ext[3], box[3]);
    }
    this.extent = ext;
    const side = Math.min(256, Math.max(1, Math.ceil(Math.sqrt(this.slots.length))));
    this.cols = side;
    this.rows = side;
    this.cellW = (ext[2] - ext[0]) / side || 1;
    this.cellH = (ext[3] - ext[1]) / side || 1;
    this.buckets = Array.from({ length: side * side }, () => []);
    const maxCells = Math.max(4, (side * side) / 4);
    this.slots.forEach(({ box }, i) => {
      const [c0, r0] = this.cellOf(box[0], box[1]);
      const [c1, r1] = this.cellOf(box[2], box[3]);
      if ((c1 - c0 + 1) * (r1 - r0 + 1) > maxCells) {
        this.everywhere.push(i);
        return;
      }
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) this.buckets[r * this.cols + c].push(i);
    });
  }

  get size(): number {
    return this.slots.length;
  }

  /** The smallest polygon containing the point, or undefined. */
  find(point: LngLat): IndexedPolygon<T> | undefined {
    for (const entry of this.matches(point)) return entry;
    return undefined;
  }

  /** Every polygon containing the point, smallest first. */
  findAll(point: LngLat): IndexedPolygon<T>[] {
    return [...this.matches(point)];
  }

  private *matches(point: LngLat): Generator<IndexedPolygon<T>> {
    const [x, y] = point;
    const e = this.extent;
    if (!(x >= e[0] && x <= e[2] && y >= e[1] && y <= e[3])) return; // also rejects NaN
    const [c, r] = this.cellOf(x, y);
    const a = this.buckets[r * this.cols + c];
    const b = this.everywhere;
    // Both lists are ascending slot numbers (= ascending area): merge to keep that order.
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      const k = j >= b.length || (i < a.length && a[i] < b[j]) ? a[i++] : b[j++];
      const { entry, box } = this.slots[k];
      if (x < box[0] || x > box[2] || y < box[1] || y > box[3]) continue;
      if (booleanPointInPolygon(point, entry.geometry)) yield entry;
    }
  }

  private cellOf(x: number, y: number): [col: number, row: number] {
    const c = Math.floor((x - this.extent[0]) / this.cellW);
    const r = Math.floor((y - this.extent[1]) / this.cellH);
    return [Math.min(this.cols - 1, Math.max(0, c)), Math.min(this.rows - 1, Math.max(0, r))];
  }
}
