/**
 * SQL of the notifications outbox: the delivery job's lock and outcome, the outbox list, a unit's
 * notices with their unread count, and each user's "seen up to" mark.
 */
import { sql } from 'kysely';
import type { DialectName, Queryable, Tx } from '../../../platform/db/connect';

/**
 * The message, held for the delivery job's transaction (PostgreSQL: FOR UPDATE; SQLite: a no-op
 * write takes the write lock first), so two nodes never send it twice.
 */
export async function lockNotification(trx: Tx, dialect: DialectName, id: string) {
  let q = trx.selectFrom('notifications').selectAll().where('id', '=', id);
  if (dialect === 'postgres') q = q.forUpdate();
  else
    await trx
      .updateTable('notifications')
      .set((eb) => ({ attempts: eb.ref('attempts') }))
      .where('id', '=', id)
      .execute();
  return q.executeTakeFirst();
}

export async function markFailed(trx: Tx, id: string, attempts: number, error: string): Promise<void> {
  await trx.updateTable('notifications').set({ status: 'failed', attempts, error }).where('id', '=', id).execute();
}

export async function markSent(trx: Tx, id: string, attempts: number, at: number): Promise<void> {
  await trx
    .updateTable('notifications')
    .set({ status: 'sent', sent_at: at, attempts, error: null })
    .where('id', '=', id)
    .execute();
}

export interface OutboxFilter {
  orderId?: string;
  status?: string;
  limit: number;
}

/** The outbox, newest first, with each message's order number. */
export function listOutbox(db: Queryable, f: OutboxFilter) {
  let sel = db
    .selectFrom('notifications')
    .leftJoin('orders', 'orders.id', 'notifications.order_id')
    .selectAll('notifications')
    .select('orders.number as order_number');
  if (f.orderId) sel = sel.where('notifications.order_id', '=', f.orderId);
  if (f.status) sel = sel.where('notifications.status', '=', f.status);
  return sel.orderBy('notifications.created_at', 'desc').orderBy('notifications.id', 'desc').limit(f.limit).execute();
}

/** Where a user's bell was last marked seen (0: never). */
export async function seenMark(db: Queryable, userId: string): Promise<number> {
  const mark = await db.selectFrom('notice_marks').select('seen_at').where('user_id', '=', userId).executeTakeFirst();
  return mark ? Number(mark.seen_at) : 0;
}

/** Move a user's mark forward to `until`, never back (two tabs marking at once keep the later). */
export async function advanceSeenMark(db: Queryable, dialect: DialectName, userId: string, until: number) {
  await db
    .insertInto('notice_marks')
    .values({ user_id: userId, seen_at: until })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({
        seen_at:
          dialect === 'postgres'
            ? sql`greatest(notice_marks.seen_at, excluded.seen_at)`
            : sql`max(notice_marks.seen_at, excluded.seen_at)`,
      }),
    )
    .execute();
  return seenMark(db, userId);
}

/** Internal notices addressed to these units (null: every unit), newest first, and how many are unread. */
export async function unitNotices(db: Queryable, units: readonly string[] | null, limit: number, seenAt: number) {
  let base = db
    .selectFrom('notifications')
    .where('notifications.recipient_kind', '=', 'unit')
    .where('notifications.channel', '=', 'internal');
  if (units !== null) base = base.where('notifications.recipient', 'in', [...units]);
  const rows = await base
    .leftJoin('orders', 'orders.id', 'notifications.order_id')
    .select([
      'notifications.id',
      'notifications.order_id',
      'notifications.recipient',
      'notifications.template',
      'notifications.text',
      'notifications.created_at',
      'orders.number as order_number',
    ])
    .orderBy('notifications.created_at', 'desc')
    .orderBy('notifications.id', 'desc')
    .limit(limit)
    .execute();
  // counted to 100 at most: the badge shows 99+ past that
  const unread = await db
    .selectFrom(base.select('notifications.id').where('notifications.created_at', '>', seenAt).limit(100).as('u'))
    .select((e) => e.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, unread: Number(unread.n) };
}
