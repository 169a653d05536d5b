import type { Kysely } from 'kysely';

/**
 * Recurring flight schedules and what became of each take-off: `drone_schedule_runs` holds one
 * row per schedule, revision and occurrence (the key), saying whether it was planned as a flight
 * or skipped and why — the key lets a take-off be decided once, across nodes and restarts.
 * `drone_order_photos` marks each drone picture attached to a work order (once per picture).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('drone_schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('route_id', 'text', (c) => c.notNull())
    .addColumn('dock_sn', 'text') // null: the best dock at the time
    .addColumn('scenario', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text') // the requesting unit (identity's directory)
    .addColumn('cron', 'text', (c) => c.notNull()) // 5 fields, Asia/Shanghai
    .addColumn('start_date', 'text', (c) => c.notNull()) // YYYY-MM-DD, Shanghai
    .addColumn('end_date', 'text') // YYYY-MM-DD, inclusive; null: no end
    .addColumn('enabled', 'integer', (c) => c.notNull())
    // bumped by every edit: take-offs of an earlier revision are not this one's
    .addColumn('revision', 'integer', (c) => c.notNull())
    // when the current revision took effect (created, edited, enabled): nothing earlier is planned
    .addColumn('active_from', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('drone_schedule_runs')
    .addColumn('schedule_id', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('occurrence_at', 'bigint', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // planned | skipped
    .addColumn('flight_id', 'text')
    .addColumn('code', 'text') // why skipped: preflight_failed, no_dock, in_the_past …
    .addColumn('reason', 'text')
    .addColumn('checks', 'text') // JSON CheckResult[] of a skipped take-off
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('drone_schedule_runs_pk', ['schedule_id', 'revision', 'occurrence_at'])
    .execute();
  await db.schema
    .createIndex('drone_schedule_runs_time')
    .on('drone_schedule_runs')
    .columns(['occurrence_at'])
    .execute();
  await db.schema.createIndex('drone_schedule_runs_flight').on('drone_schedule_runs').columns(['flight_id']).execute();
  await db.schema.createIndex('drone_flights_order').on('drone_flights').columns(['order_id']).execute();
  await db.schema
    .createTable('drone_order_photos')
    .addColumn('media_id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('flight_id', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('drone_order_photos').execute();
  await db.schema.dropIndex('drone_flights_order').execute();
  await db.schema.dropTable('drone_schedule_runs').execute();
  await db.schema.dropTable('drone_schedules').execute();
}
