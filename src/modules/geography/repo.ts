import type { Insertable } from 'kysely';
import type { Queryable } from '../../platform/db/connect';
import type { AreaLayer, GeographyTables } from './tables';

export type AreaRow = GeographyTables['geo_areas'];
export type PlaceRow = GeographyTables['geo_places'];

/** Every area of every layer, with only what the point-in-polygon index needs. */
export const listAreasForIndex = (db: Queryable) =>
  db.selectFrom('geo_areas').select(['layer', 'code', 'name', 'org_id', 'geometry']).execute();

export const findAreaCode = (db: Queryable, layer: AreaLayer, code: string) =>
  db.selectFrom('geo_areas').select('code').where('layer', '=', layer).where('code', '=', code).executeTakeFirst();

export const listAreas = (db: Queryable, layer: AreaLayer) =>
  db.selectFrom('geo_areas').selectAll().where('layer', '=', layer).orderBy('code').execute();

export async function countAreas(db: Queryable, layer: AreaLayer): Promise<number> {
  const row = await db
    .selectFrom('geo_areas')
    .select(({ fn }) => fn.countAll().as('n'))
    .where('layer', '=', layer)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Which organisation each area of a layer is linked to (an import keeps the links of surviving codes). */
export const listAreaOrgLinks = (db: Queryable, layer: AreaLayer) =>
  db.selectFrom('geo_areas').select(['code', 'org_id']).where('layer', '=', layer).execute();

export async function deleteAreas(db: Queryable, layer: AreaLayer) {
  await db.deleteFrom('geo_areas').where('layer', '=', layer).execute();
}

export async function insertArea(db: Queryable, row: Insertable<AreaRow>) {
  await db.insertInto('geo_areas').values(row).execute();
}

export const listPlaces = (db: Queryable) => db.selectFrom('geo_places').selectAll().orderBy('code').execute();

export async function deleteAllPlaces(db: Queryable) {
  await db.deleteFrom('geo_places').execute();
}

export async function insertPlace(db: Queryable, row: Insertable<PlaceRow>) {
  await db.insertInto('geo_places').values(row).execute();
}
