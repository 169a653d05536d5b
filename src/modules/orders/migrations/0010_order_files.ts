import type { Kysely } from 'kysely';

/**
 * order_files: the files an order step attached beyond its intake attachments (which stay in
 * orders.attachments), one row per file — a file is attached once (the key), so "unattached" is
 * one lookup. `stage` says what the file shows: 'after' = 处置后照片, sent with the unit's reply
 * (提交办结); the timeline step lists them too (its data.photos).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('order_files')
    .addColumn('file_id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('order_files_order').on('order_files').columns(['order_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('order_files').execute();
}
