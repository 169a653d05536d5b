/**
 * The Guicheng demo map (boundary, communities, grids, places) and its 地名库, written into geography's own
 * tables inside the caller's seed transaction, each area tied to its organisation by code.
 */
import type { Work } from '../../../platform/transact';
import { PolygonIndex, bboxOf } from '../../../platform/geo';
import { normaliseAddress } from '../address.contract';
import { buildDemoGazetteer } from './gazetteer-data';
import { newId } from '../../../platform/ids';
import type { buildGuichengDemoGeography } from './demo-data';

type DemoGeography = ReturnType<typeof buildGuichengDemoGeography>;

export async function seedDemoMap(
  w: Work,
  geo: DemoGeography,
  street: { code: string; name: string },
  orgIdByCode: ReadonlyMap<string, string>,
): Promise<void> {
  const area = (
    layer: 'boundary' | 'community' | 'grid',
    code: string,
    name: string,
    parent: string | null,
    geometry: any,
  ) => {
    const [a, b, c, d] = bboxOf(geometry);
    return w.trx
      .insertInto('geo_areas')
      .values({
        id: newId(w.now),
        layer,
        code,
        name,
        parent_code: parent,
        org_id: layer === 'boundary' ? orgIdByCode.get(street.code)! : (orgIdByCode.get(code) ?? null),
        geometry: JSON.stringify(geometry),
        min_lng: a,
        min_lat: b,
        max_lng: c,
        max_lat: d,
        demo: 1,
        updated_at: w.now,
      })
      .execute();
  };
  await area('boundary', street.code, street.name, null, geo.boundary.geometry);
  for (const c of geo.communities) await area('community', c.code, c.name, street.code, c.geometry);
  for (const g of geo.grids) await area('grid', g.code, g.name, g.communityCode, g.geometry);
  for (const pl of geo.places) {
    await w.trx
      .insertInto('geo_places')
      .values({
        id: newId(w.now),
        code: pl.code,
        name: pl.name,
        kind: pl.kind,
        community_code: pl.communityCode,
        lng: pl.point[0],
        lat: pl.point[1],
        geometry: pl.line ? JSON.stringify({ type: 'LineString', coordinates: pl.line }) : null,
        demo: 1,
        updated_at: w.now,
      })
      .execute();
  }
  // the gazetteer: each entry's community found by point-in-polygon, as an import finds it
  const communities = new PolygonIndex(
    geo.communities.map((c) => ({ id: c.code, geometry: c.geometry, value: c.code })),
  );
  for (const e of buildDemoGazetteer(geo)) {
    const aliases = (e.alias ?? '')
      .split(/[、;；,，]/)
      .map(normaliseAddress)
      .filter(Boolean);
    await w.trx
      .insertInto('geo_gazetteer')
      .values({
        id: newId(w.now),
        name: e.name,
        alias: e.alias,
        kind: e.kind,
        address: e.address,
        name_key: normaliseAddress(e.name),
        alias_key: aliases.join('|'),
        address_key: normaliseAddress(e.address),
        lng: e.point[0],
        lat: e.point[1],
        community_code: communities.find(e.point)?.value ?? null,
        source: 'demo',
        demo: 1,
        created_at: w.now,
        updated_at: w.now,
      })
      .execute();
  }
}
