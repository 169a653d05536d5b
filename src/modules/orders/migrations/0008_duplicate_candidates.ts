import type { Kysely } from 'kysely';

/**
 * orders_open_place gains `id`, so intake's duplicate search (orders/intake/duplicates.ts) finds the
 * newest open orders in its box from the index alone and reads only those rows. At a hot spot
 * (thousands of open orders within 50 m) it used to fetch and sort every one of them on each
 * intake: 333 orders/s instead of ~1,400 (BENCH_HOTSPOT=1 npx tsx bench/intake.bench.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('orders_open_place').execute();
  await db.schema
    .createIndex('orders_open_place')
    .on('orders')
    .columns(['state', 'lat', 'lng', 'created_at', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('orders_open_place').execute();
  await db.schema
    .createIndex('orders_open_place')
    .on('orders')
    .columns(['state', 'lat', 'lng', 'created_at'])
    .execute();
}
