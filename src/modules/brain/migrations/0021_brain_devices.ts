import type { Kysely } from 'kysely';

/**
 * 城市大脑 物联感知: the IoT device registry (type, model, place and WGS-84 point, community, owning
 * department, install date, service status, latest reading, last seen), the readings accepted
 * (values as JSON text), and per device and reason the count of readings refused.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('brain_devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('model', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('community_code', 'text')
    .addColumn('org_id', 'text')
    /** YYYY-MM-DD (Asia/Shanghai) */
    .addColumn('installed_on', 'text')
    /** active | maintenance | retired */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('last_reading', 'text')
    .addColumn('last_reading_at', 'bigint')
    .addColumn('last_seen', 'bigint')
    .addColumn('demo', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('brain_devices_type').on('brain_devices').columns(['type', 'last_seen']).execute();
  await db.schema.createIndex('brain_devices_community').on('brain_devices').columns(['community_code']).execute();

  await db.schema
    .createTable('brain_device_readings')
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    // a device re-sending the same instant is the same reading
    .addPrimaryKeyConstraint('brain_device_readings_pk', ['device_id', 'at'])
    .execute();

  await db.schema
    .createTable('brain_device_rejects')
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('rejected', 'bigint', (c) => c.notNull())
    .addColumn('last_at', 'bigint', (c) => c.notNull())
    .addColumn('last_message', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('brain_device_rejects_pk', ['device_id', 'reason'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('brain_device_rejects').execute();
  await db.schema.dropTable('brain_device_readings').execute();
  await db.schema.dropTable('brain_devices').execute();
}
