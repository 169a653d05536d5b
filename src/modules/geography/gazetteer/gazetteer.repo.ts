/** The gazetteer's SQL (geo_gazetteer, migration 0009). */
import type { Insertable, Updateable } from 'kysely';
import type { Queryable } from '../../../platform/db/connect';
import type { GeographyTables } from '../tables';

export type GazetteerRow = GeographyTables['geo_gazetteer'];

/** `%text%` for LIKE: the keys are normalised (no punctuation), so % and _ never occur in them. */
const contains = (key: string) => `%${key.replace(/[%_\\]/g, '')}%`;

/** Entries whose name, alias or address key contains `key` (at most `max`, names in order). */
export const searchGazetteer = (db: Queryable, key: string, max: number) =>
  db
    .selectFrom('geo_gazetteer')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('name_key', 'like', contains(key)),
        eb('alias_key', 'like', contains(key)),
        eb('address_key', 'like', contains(key)),
      ]),
    )
    .orderBy('name_key')
    .orderBy('id')
    .limit(max)
    .execute();

/** Entries whose name key starts with `key` (the best matches, read apart so a long contains-list cannot crowd them out). */
export const searchGazetteerPrefix = (db: Queryable, key: string, max: number) =>
  db
    .selectFrom('geo_gazetteer')
    .selectAll()
    .where('name_key', 'like', `${key.replace(/[%_\\]/g, '')}%`)
    .orderBy('name_key')
    .orderBy('id')
    .limit(max)
    .execute();

export interface ListFilter {
  key?: string;
  kind?: string;
  offset: number;
  limit: number;
}

function filtered(db: Queryable, f: ListFilter) {
  let q = db.selectFrom('geo_gazetteer');
  if (f.key)
    q = q.where((eb) =>
      eb.or([
        eb('name_key', 'like', contains(f.key!)),
        eb('alias_key', 'like', contains(f.key!)),
        eb('address_key', 'like', contains(f.key!)),
      ]),
    );
  if (f.kind) q = q.where('kind', '=', f.kind);
  return q;
}

export const listGazetteer = (db: Queryable, f: ListFilter) =>
  filtered(db, f)
    .selectAll()
    .orderBy('kind')
    .orderBy('name_key')
    .orderBy('id')
    .offset(f.offset)
    .limit(f.limit)
    .execute();

export async function countGazetteer(db: Queryable, f: ListFilter): Promise<number> {
  const row = await filtered(db, f)
    .select(({ fn }) => fn.countAll().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Every entry's name, address and id: what an import upserts against. */
export const listGazetteerKeys = (db: Queryable) =>
  db.selectFrom('geo_gazetteer').select(['id', 'name', 'address']).execute();

export const findGazetteerEntry = (db: Queryable, id: string) =>
  db.selectFrom('geo_gazetteer').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertGazetteerEntry(db: Queryable, row: Insertable<GazetteerRow>) {
  await db.insertInto('geo_gazetteer').values(row).execute();
}

export async function updateGazetteerEntry(db: Queryable, id: string, patch: Updateable<GazetteerRow>) {
  await db.updateTable('geo_gazetteer').set(patch).where('id', '=', id).execute();
}

export async function deleteGazetteerEntry(db: Queryable, id: string) {
  await db.deleteFrom('geo_gazetteer').where('id', '=', id).execute();
}

/** Community code → name (for the entries' views). */
export const listCommunityNames = (db: Queryable) =>
  db.selectFrom('geo_areas').select(['code', 'name']).where('layer', '=', 'community').execute();
