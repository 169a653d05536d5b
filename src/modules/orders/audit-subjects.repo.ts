/** SQL of naming orders in the audit log: 工单号 by id, and ids by 工单号. */
import type { Queryable } from '../../platform/db/connect';

export const orderNumbersByIds = (db: Queryable, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('orders')
        .select(['id', 'number'])
        .where('id', 'in', [...ids])
        .execute();

export const orderIdsByNumber = (db: Queryable, number: string) =>
  db.selectFrom('orders').select('id').where('number', '=', number).execute();
