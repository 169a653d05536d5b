import type { Kysely } from 'kysely';

/**
 * Flight statistics read every flight of a period (five years: ~20,000 rows) for a handful of
 * columns: a covering index in execute_at order lets both engines answer from the index alone,
 * without visiting the wide flight rows (checks JSON, names, reasons).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('drone_flights_stats')
    .on('drone_flights')
    .columns(['execute_at', 'state', 'dock_sn', 'scenario', 'org_id', 'flown_s', 'flown_m'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('drone_flights_stats').execute();
}
