import type { Kysely } from 'kysely';

/**
 * Indexes measured by bench/intake.bench.ts and bench/workbench.bench.ts (1,000,000 orders).
 *
 * orders_open_place — intake's duplicate search (intake/duplicates.ts): open orders in a ~100 m box of
 *   the last week. Without it SQLite walks every open order of the week and fetches each row to
 *   test its coordinates; with it, one short range per open state, filtered on the index alone.
 * orders_unit_created, orders_unit_state_created — a unit's orders newest first, all of them or
 *   in one state (a handler's workbench, the dispatcher's unit filter): a page is the first rows of
 *   one range, whatever else is filtered (a handler's text search: 840 ms → 2 ms, a handler's
 *   archive: 120 ms → 2 ms at 1M orders on SQLite). queries/queries.repo.ts reads a subtree of units one
 *   unit at a time along them and merges.
 * orders_state_deadline_id — replaces orders_state_deadline (state, completion_deadline): with the
 *   id it covers the first step of the deadline-ordered list (queries/queries.repo.ts), which no longer
 *   sorts every open order's full row (57 ms → 4 ms at 1M orders on SQLite). It serves every query
 *   the narrower one did.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('orders_open_place')
    .on('orders')
    .columns(['state', 'lat', 'lng', 'created_at'])
    .execute();
  await db.schema.createIndex('orders_unit_created').on('orders').columns(['unit_id', 'created_at']).execute();
  await db.schema
    .createIndex('orders_unit_state_created')
    .on('orders')
    .columns(['unit_id', 'state', 'created_at'])
    .execute();
  await db.schema
    .createIndex('orders_state_deadline_id')
    .on('orders')
    .columns(['state', 'completion_deadline', 'id'])
    .execute();
  await db.schema.dropIndex('orders_state_deadline').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('orders_state_deadline').on('orders').columns(['state', 'completion_deadline']).execute();
  await db.schema.dropIndex('orders_state_deadline_id').execute();
  await db.schema.dropIndex('orders_unit_state_created').execute();
  await db.schema.dropIndex('orders_unit_created').execute();
  await db.schema.dropIndex('orders_open_place').execute();
}
