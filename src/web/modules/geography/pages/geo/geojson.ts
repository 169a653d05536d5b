/**
 * Checking a GeoJSON file before it is imported as a jurisdiction layer: pure functions, so the
 * preview can list every problem at once. The server validates again.
 */
import gcoord from 'gcoord';
import type { Feature, Geometry, Position } from 'geojson';
import type { MessageKey } from '../../../../i18n';
import { type GeoCollection } from '../../../../components/map/geoTypes';
import { type GeoLayer, type GeoProps } from '../../../../../modules/geography/contract';

export type Crs = 'WGS84' | 'GCJ02' | 'BD09';

export interface Problem {
  level: 'error' | 'warning';
  key: MessageKey;
  params?: Record<string, string | number>;
}

export interface Checked {
  fc: GeoCollection | null;
  problems: Problem[];
}

const AREA_TYPES = ['Polygon', 'MultiPolygon'];
const ALLOWED: Record<GeoLayer, string[]> = {
  boundary: AREA_TYPES,
  communities: AREA_TYPES,
  grids: AREA_TYPES,
  // the server keeps a place's polygon and pins it at its centroid
  places: ['Point', ...AREA_TYPES],
};

function positions(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'Polygon':
    case 'MultiLineString':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    case 'GeometryCollection':
      return g.geometries.flatMap(positions);
  }
}

const asText = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/** Parse text, accept a FeatureCollection (or one Feature), check it for `layer`, convert to WGS-84. */
export function checkGeoJson(text: string, layer: GeoLayer, crs: Crs = 'WGS84'): Checked {
  const problems: Problem[] = [];
  const err = (key: MessageKey, params?: Problem['params']) => problems.push({ level: 'error', key, params });
  const warn = (key: MessageKey, params?: Problem['params']) => problems.push({ level: 'warning', key, params });

  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    err('geo.check.json', { reason: (e as Error).message });
    return { fc: null, problems };
  }
  const obj = raw as { type?: string; features?: unknown };
  let features: unknown[];
  if (obj?.type === 'FeatureCollection' && Array.isArray(obj.features)) features = obj.features;
  else if (obj?.type === 'Feature') features = [obj];
  else {
    err('geo.check.notCollection');
    return { fc: null, problems };
  }
  if (!features.length) err('geo.check.empty');
  if (layer === 'boundary' && features.length > 1) err('geo.check.boundaryMany', { n: features.length });

  const out: Feature<Geometry, GeoProps>[] = [];
  const seen = new Set<string>();
  let outside = 0;
  features.forEach((f, i) => {
    const n = i + 1;
    const feat = f as Partial<Feature> | null;
    if (!feat || feat.type !== 'Feature') {
      err('geo.check.notFeature', { n });
      return;
    }
    const g = feat.geometry;
    if (!g) {
      err('geo.check.noGeometry', { n });
      return;
    }
    if (!ALLOWED[layer].includes(g.type)) {
      err('geo.check.geometryType', { n, type: g.type, allowed: ALLOWED[layer].join(' / ') });
      return;
    }
    const props = (feat.properties ?? {}) as Record<string, unknown>;
    const code = asText(props.code);
    const name = asText(props.name);
    if (!code) err('geo.check.noCode', { n });
    if (!name) err('geo.check.noName', { n });
    if (code && seen.has(code)) err('geo.check.dupCode', { n, code });
    seen.add(code);
    if (layer === 'grids' && !asText(props.communityCode) && !asText(props.parentCode))
      err('geo.check.noCommunity', { n, code });
    const pts = positions(g);
    if (
      pts.some(
        (p) =>
          !Array.isArray(p) ||
          p.length < 2 ||
          !Number.isFinite(p[0]) ||
          !Number.isFinite(p[1]) ||
          Math.abs(p[0]) > 180 ||
          Math.abs(p[1]) > 90,
      )
    ) {
      err('geo.check.badCoords', { n });
      return;
    }
    // China spans roughly lng 73–136, lat 3–54: outside it the file is likely lat/lng swapped or projected.
    if (pts.some((p) => p[0] < 73 || p[0] > 136 || p[1] < 3 || p[1] > 54)) outside++;
    const properties: GeoProps = { ...props, code, name };
    if (props.communityCode !== undefined) properties.communityCode = asText(props.communityCode);
    out.push({ type: 'Feature', geometry: g, properties });
  });
  if (outside) warn('geo.check.outsideChina', { n: outside });

  let fc: GeoCollection = { type: 'FeatureCollection', features: out };
  if (crs !== 'WGS84' && out.length) {
    // gcoord converts GeoJSON in place; work on a copy.
    fc = gcoord.transform(structuredClone(fc) as never, gcoord[crs], gcoord.WGS84) as unknown as GeoCollection;
  }
  return { fc, problems };
}

export function hasErrors(c: Checked): boolean {
  return !c.fc || c.problems.some((p) => p.level === 'error');
}
