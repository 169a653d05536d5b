import type { Kysely } from 'kysely';

/**
 * 城市大脑 video: the camera channel registry (GB/T 28181 codes, WGS-84 points, community, owner,
 * PTZ or fixed, view direction, online status), the 业务分组/虚拟组织 groups they hang under, and the
 * devices a GB/T 28181 platform's catalogue sync found.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('brain_cameras')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text')
    .addColumn('civil_code', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text')
    .addColumn('industry_code', 'text', (c) => c.notNull())
    .addColumn('type_code', 'text', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('community_code', 'text')
    .addColumn('org_id', 'text')
    .addColumn('ptz', 'integer', (c) => c.notNull())
    .addColumn('direction', 'double precision')
    .addColumn('online', 'integer', (c) => c.notNull())
    .addColumn('status_changed_at', 'bigint')
    .addColumn('address', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('demo', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('brain_cameras_community').on('brain_cameras').columns(['community_code']).execute();
  await db.schema.createIndex('brain_cameras_civil').on('brain_cameras').columns(['civil_code']).execute();
  await db.schema.createIndex('brain_cameras_group').on('brain_cameras').columns(['group_id']).execute();
  await db.schema.createIndex('brain_cameras_device').on('brain_cameras').columns(['device_id']).execute();
  await db.schema.createIndex('brain_cameras_lng_lat').on('brain_cameras').columns(['lng', 'lat']).execute();

  await db.schema
    .createTable('brain_video_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('demo', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('brain_video_devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type_code', 'text')
    .addColumn('manufacturer', 'text')
    .addColumn('online', 'integer', (c) => c.notNull())
    .addColumn('channel_count', 'integer', (c) => c.notNull())
    .addColumn('synced_at', 'bigint', (c) => c.notNull())
    .addColumn('status_changed_at', 'bigint')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('brain_video_devices').execute();
  await db.schema.dropTable('brain_video_groups').execute();
  await db.schema.dropTable('brain_cameras').execute();
}
