import type { Kysely } from 'kysely';

/**
 * A unit's notices in the app (新工单, 临期, 超期, 督办 — the internal channel of the notification
 * outbox): read newest first per unit (notifications_recipient), and each user's "seen up to"
 * instant for the unread count (notice_marks).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('notifications_recipient')
    .on('notifications')
    .columns(['recipient', 'created_at'])
    .execute();
  await db.schema
    .createTable('notice_marks')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('seen_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notice_marks').execute();
  await db.schema.dropIndex('notifications_recipient').execute();
}
