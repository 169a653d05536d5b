import type { Kysely } from 'kysely';

/**
 * 地名库 (gazetteer): named places an agent can type an address against — roads, buildings,
 * schools, stations, community centres — imported by the admin from a spreadsheet. Not the map's
 * `geo_places` layer (created by 0002: a few landmarks drawn on the map, replaced whole by a GeoJSON
 * import); a gazetteer import upserts by name + address and leaves the map alone.
 * Coordinates are WGS-84 like every other table; the community is found by point-in-polygon.
 * The *_key columns hold the normalised texts (geography/address.contract.ts) the search matches.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('geo_gazetteer')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('alias', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('alias_key', 'text', (c) => c.notNull())
    .addColumn('address_key', 'text', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('community_code', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('geo_gazetteer_name_address', ['name', 'address'])
    .execute();
  await db.schema.createIndex('geo_gazetteer_name_key').on('geo_gazetteer').column('name_key').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('geo_gazetteer').execute();
}
