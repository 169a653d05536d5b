import type { Kysely } from 'kysely';

/**
 * Geofences (电子围栏): no-fly zones and stay-inside areas, polygons or circles in WGS-84, with their
 * bounding box kept beside the geometry (the pre-flight check filters by it first); and the custom
 * flight area sync of each dock (`flight_areas_update` sent, `flight_areas_get` served, the last
 * `flight_areas_sync_progress` it reported).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('drone_geofences')
    .addColumn('id', 'text', (c) => c.primaryKey()) // a UUID: the area id the dock's file and reports carry
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // no_fly | stay_inside
    .addColumn('shape', 'text', (c) => c.notNull()) // polygon | circle
    .addColumn('geometry', 'text', (c) => c.notNull()) // JSON: the ring [[lng, lat]…] or the centre {lng, lat}
    .addColumn('radius_m', 'double precision')
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('min_height_m', 'double precision')
    .addColumn('max_height_m', 'double precision')
    .addColumn('org_id', 'text')
    .addColumn('notes', 'text')
    .addColumn('min_lng', 'double precision', (c) => c.notNull())
    .addColumn('min_lat', 'double precision', (c) => c.notNull())
    .addColumn('max_lng', 'double precision', (c) => c.notNull())
    .addColumn('max_lat', 'double precision', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('drone_geofences_enabled').on('drone_geofences').columns(['enabled', 'kind']).execute();

  await db.schema
    .createTable('drone_geofence_sync')
    .addColumn('dock_sn', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text') // the dock's last flight_areas_sync_progress status
    .addColumn('reason', 'integer')
    .addColumn('file_name', 'text')
    .addColumn('checksum', 'text')
    .addColumn('requested_at', 'bigint') // flight_areas_update queued
    .addColumn('served_at', 'bigint') // flight_areas_get answered
    .addColumn('served_checksum', 'text')
    .addColumn('reported_at', 'bigint')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('drone_geofence_sync').execute();
  await db.schema.dropTable('drone_geofences').execute();
}
