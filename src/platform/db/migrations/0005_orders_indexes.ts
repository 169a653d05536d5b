import type { Kysely } from 'kysely';

/**
 * Indexes measured by bench/intake.bench.ts and bench/workbench.bench.ts.
 *
 * orders_open_place — intake's duplicate search (duplicates.ts): open orders in a ~100 m box of
 * the last week. Without it SQLite walks every open order of the week (orders_state_created) and
 * fetches each row to test its coordinates; with it, one short range per open state, filtered on
 * the index alone.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('orders_open_place').on('orders').columns(['state', 'lat', 'lng', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('orders_open_place').execute();
}
