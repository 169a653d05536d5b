/**
 * SQL on the `orders` row that several areas share: read one, lock one for a change, write a
 * patch, the open orders whose clocks run, the timeline entries of a type. Areas with queries of
 * their own keep them in their own `*.repo.ts`.
 */
import type { DialectName, Queryable, Tx } from '../../platform/db/connect';
import type { OrderRow } from './row';

export const findOrder = (db: Queryable, id: string): Promise<OrderRow | undefined> =>
  db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();

/**
 * Read an order and hold it for the rest of the transaction, so a user's action or another node's
 * job on it waits instead of racing. SQLite has no FOR UPDATE: a no-op write as the first
 * statement takes the database's write lock before anything is read (no stale snapshot to
 * upgrade later).
 */
export async function lockOrder(trx: Tx, dialect: DialectName, id: string): Promise<OrderRow | undefined> {
  let q = trx.selectFrom('orders').selectAll().where('id', '=', id);
  if (dialect === 'postgres') q = q.forUpdate();
  else
    await trx
      .updateTable('orders')
      .set((eb) => ({ version: eb.ref('version') }))
      .where('id', '=', id)
      .execute();
  return q.executeTakeFirst();
}

/** The fields a merge checks of its main order. */
export const findMergeTarget = (db: Queryable, id: string) =>
  db.selectFrom('orders').select(['id', 'state', 'main_order_id']).where('id', '=', id).executeTakeFirst();

/** A patch that is not a versioned state change (sla_status, a recategorisation). */
export async function patchOrder(trx: Tx, id: string, patch: Partial<OrderRow>): Promise<void> {
  await trx.updateTable('orders').set(patch).where('id', '=', id).execute();
}

/** Open orders whose clock runs: what a change of the SLA rules re-plans. */
export const runningOrders = (db: Queryable): Promise<OrderRow[]> =>
  db
    .selectFrom('orders')
    .selectAll()
    .where('state', 'in', ['pending_dispatch', 'pending_sign', 'handling'])
    .where('clock_started_at', 'is not', null)
    .where('clock_stopped_at', 'is', null)
    .execute();

/** The `data` of an order's timeline entries of one type. */
export const eventDataOf = (db: Queryable, orderId: string, type: string) =>
  db.selectFrom('order_events').select('data').where('order_id', '=', orderId).where('type', '=', type).execute();

/** Every order's two deadlines: what the evaluation's reference replay compares against. */
export const allDeadlines = (db: Queryable) =>
  db.selectFrom('orders').select(['id', 'sign_deadline', 'completion_deadline']).execute();

export const orderNumberOf = (db: Queryable, id: string) =>
  db.selectFrom('orders').select('number').where('id', '=', id).executeTakeFirst();

/** The 重复件 merged into a main order, with what their reporters are told. */
export const mergedInto = (db: Queryable, mainId: string) =>
  db
    .selectFrom('orders')
    .select(['id', 'number', 'title', 'reporter_phone'])
    .where('main_order_id', '=', mainId)
    .execute();
