import type { Static } from '@sinclair/typebox';
import type { AreaCollection, PlaceCollection } from './contract';
import type { PlatformContext } from '../../platform/context';
import type { AuditContext } from '../../platform/audit';
import { badRequest } from '../../platform/errors';
import { newId } from '../../platform/ids';
import {
  PolygonIndex,
  bboxOf,
  centroidOf,
  parseFeatureCollection,
  toWgs84,
  type Areal,
  type CoordSystem,
  type FeatureCollection,
  type Geometry,
  type LngLat,
} from '../../platform/geo';
import type { AreaLayer } from './tables';
import {
  countAreas,
  deleteAllPlaces,
  deleteAreas,
  findAreaCode,
  insertArea,
  insertPlace,
  listAreaOrgLinks,
  listAreas,
  listAreasForIndex,
  listPlaces,
} from './repo';

export interface AreaRef {
  code: string;
  name: string;
  orgId: string | null;
}

export interface Located {
  point: LngLat;
  community: AreaRef | null;
  grid: AreaRef | null;
  inStreet: boolean;
}

export type ImportLayer = AreaLayer | 'places';

const LAYER_OF: Record<string, AreaLayer> = { boundary: 'boundary', communities: 'community', grids: 'grid' };

/** The street's map: boundary, communities, grids and places; point → community/grid lookup. */
export class GeographyService {
  private index: {
    community: PolygonIndex<AreaRef>;
    grid: PolygonIndex<AreaRef>;
    boundary: PolygonIndex<AreaRef>;
  } | null = null;

  constructor(private p: PlatformContext) {
    p.events.subscribe((e) => {
      if (e.type === 'geo.changed') this.index = null;
    });
  }

  private async loadIndex() {
    if (this.index) return this.index;
    const rows = await listAreasForIndex(this.p.db);
    const of = (layer: AreaLayer) =>
      new PolygonIndex<AreaRef>(
        rows
          .filter((r) => r.layer === layer)
          .map((r) => ({
            id: r.code,
            geometry: JSON.parse(r.geometry) as Areal,
            value: { code: r.code, name: r.name, orgId: r.org_id },
          })),
      );
    this.index = { community: of('community'), grid: of('grid'), boundary: of('boundary') };
    return this.index;
  }

  /** Which community and grid a point lies in. `crs` says what the caller's coordinates are. */
  async locate(lng: number, lat: number, crs: CoordSystem = 'WGS84'): Promise<Located> {
    if (!Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lng) > 180 || Math.abs(lat) > 90) {
      throw badRequest('invalid_point', 'lng must be within -180..180 and lat within -90..90');
    }
    const point = toWgs84(lng, lat, crs);
    const idx = await this.loadIndex();
    const community = idx.community.find(point)?.value ?? null;
    const grid = idx.grid.find(point)?.value ?? null;
    const inStreet = idx.boundary.size === 0 ? community !== null : idx.boundary.find(point) !== undefined;
    return { point, community, grid, inStreet };
  }

  /** Whether the map has an area of this layer with this code (e.g. a community a rule names). */
  async hasArea(layer: AreaLayer, code: string): Promise<boolean> {
    const row = await findAreaCode(this.p.db, layer, code);
    return row !== undefined;
  }

  async layer(layer: AreaLayer): Promise<Static<typeof AreaCollection>> {
    const rows = await listAreas(this.p.db, layer);
    return {
      type: 'FeatureCollection',
      features: rows.map((r) => ({
        type: 'Feature',
        id: r.code,
        geometry: JSON.parse(r.geometry),
        properties: {
          code: r.code,
          name: r.name,
          parentCode: r.parent_code,
          communityCode: layer === 'grid' ? r.parent_code : undefined,
          orgId: r.org_id,
          demo: !!r.demo,
        },
      })),
    };
  }

  async places(): Promise<Static<typeof PlaceCollection>> {
    const rows = await listPlaces(this.p.db);
    return {
      type: 'FeatureCollection',
      features: rows.map((r) => ({
        type: 'Feature',
        id: r.code,
        geometry: { type: 'Point', coordinates: [r.lng, r.lat] },
        properties: {
          code: r.code,
          name: r.name,
          kind: r.kind,
          communityCode: r.community_code,
          demo: !!r.demo,
          shape: r.geometry ? JSON.parse(r.geometry) : null,
        },
      })),
    };
  }

  /**
   * Replaces one layer with an uploaded FeatureCollection (WGS-84, or converted from `crs`).
   * Every feature needs properties.code and properties.name; grids also properties.communityCode.
   */
  async importLayer(ctx: AuditContext, layerName: string, input: unknown, crs: CoordSystem = 'WGS84') {
    const fc = parseFeatureCollection(input);
    const converted = crs === 'WGS84' ? fc : convertCollection(fc, crs);
    if (layerName === 'places') return this.importPlaces(ctx, converted);
    const layer =
      LAYER_OF[layerName] ?? (['boundary', 'community', 'grid'].includes(layerName) ? (layerName as AreaLayer) : null);
    if (!layer) throw badRequest('invalid_layer', `unknown layer ${layerName}`);
    const seen = new Set<string>();
    const rows = converted.features.map((f, i) => {
      if (f.geometry.type === 'Point')
        throw badRequest('invalid_geojson', `feature ${i}: a ${layer} must be a Polygon or MultiPolygon`);
      const props = (f.properties ?? {}) as Record<string, unknown>;
      const code = String(props.code ?? f.id ?? '');
      const name = String(props.name ?? '');
      if (!code || !name)
        throw badRequest('invalid_geojson', `feature ${i}: properties.code and properties.name are required`);
      if (seen.has(code)) throw badRequest('invalid_geojson', `feature ${i}: code ${code} appears twice`);
      seen.add(code);
      const parent = props.communityCode ?? props.parentCode ?? null;
      if (layer === 'grid' && !parent)
        throw badRequest('invalid_geojson', `feature ${i}: a grid needs properties.communityCode`);
      const [minLng, minLat, maxLng, maxLat] = bboxOf(f.geometry);
      return {
        id: newId(),
        layer,
        code,
        name,
        parent_code: parent ? String(parent) : null,
        org_id: typeof props.orgId === 'string' ? props.orgId : null,
        geometry: JSON.stringify(f.geometry),
        min_lng: minLng,
        min_lat: minLat,
        max_lng: maxLng,
        max_lat: maxLat,
        demo: props.demo ? 1 : 0,
        updated_at: 0,
      };
    });
    if (layer === 'boundary' && rows.length !== 1)
      throw badRequest('invalid_geojson', 'the boundary layer takes exactly one feature');
    return this.p.transact(ctx, async (w) => {
      const before = await countAreas(w.trx, layer);
      // keep the organisation links of areas whose code survives the import
      const links = new Map((await listAreaOrgLinks(w.trx, layer)).map((r) => [r.code, r.org_id]));
      await deleteAreas(w.trx, layer);
      for (const r of rows) {
        await insertArea(w.trx, { ...r, org_id: r.org_id ?? links.get(r.code) ?? null, updated_at: w.now });
      }
      w.audit({
        action: 'geo.import',
        entityType: 'geo_layer',
        entityId: layer,
        before: { count: before },
        after: { count: rows.length, codes: rows.map((r) => r.code) },
      });
      w.emit({ type: 'geo.changed', entityType: 'geo_layer', entityId: layer, data: { layer, count: rows.length } });
      this.index = null;
      return { layer, count: rows.length };
    });
  }

  private async importPlaces(ctx: AuditContext, fc: FeatureCollection) {
    const rows = fc.features.map((f, i) => {
      const props = (f.properties ?? {}) as Record<string, unknown>;
      const code = String(props.code ?? f.id ?? '');
      const name = String(props.name ?? '');
      if (!code || !name)
        throw badRequest('invalid_geojson', `feature ${i}: properties.code and properties.name are required`);
      const [lng, lat] =
        f.geometry.type === 'Point' ? (f.geometry.coordinates as LngLat) : centroidOf(f.geometry as Geometry);
      return {
        id: newId(),
        code,
        name,
        kind: String(props.kind ?? 'place'),
        community_code: props.communityCode ? String(props.communityCode) : null,
        lng,
        lat,
        geometry: f.geometry.type === 'Point' ? null : JSON.stringify(f.geometry),
        demo: props.demo ? 1 : 0,
        updated_at: 0,
      };
    });
    return this.p.transact(ctx, async (w) => {
      await deleteAllPlaces(w.trx);
      for (const r of rows) await insertPlace(w.trx, { ...r, updated_at: w.now });
      w.audit({ action: 'geo.import', entityType: 'geo_layer', entityId: 'places', after: { count: rows.length } });
      w.emit({
        type: 'geo.changed',
        entityType: 'geo_layer',
        entityId: 'places',
        data: { layer: 'places', count: rows.length },
      });
      return { layer: 'places', count: rows.length };
    });
  }
}

function convertCollection(fc: FeatureCollection, crs: CoordSystem): FeatureCollection<any> {
  const conv = (pos: number[]) => toWgs84(pos[0], pos[1], crs);
  const mapGeom = (g: any): any => {
    if (g.type === 'Point') return { ...g, coordinates: conv(g.coordinates) };
    if (g.type === 'Polygon') return { ...g, coordinates: g.coordinates.map((r: number[][]) => r.map(conv)) };
    return { ...g, coordinates: g.coordinates.map((p: number[][][]) => p.map((r) => r.map(conv))) };
  };
  return { ...fc, features: fc.features.map((f) => ({ ...f, geometry: mapGeom(f.geometry) })) };
}
