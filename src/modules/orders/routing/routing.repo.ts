/** SQL of the routing rules (category × place → unit): listing, one by id, insert, delete. */
import type { Queryable } from '../../../platform/db/connect';
import type { OrdersTables } from '../tables';

export type RoutingRuleRow = OrdersTables['routing_rules'];

/** Every rule, by category prefix (the admin list). */
export const listRules = (db: Queryable) =>
  db.selectFrom('routing_rules').selectAll().orderBy('category_prefix').execute();

export const findRule = (db: Queryable, id: string) =>
  db.selectFrom('routing_rules').selectAll().where('id', '=', id).executeTakeFirst();

export const insertRule = (db: Queryable, row: RoutingRuleRow) => db.insertInto('routing_rules').values(row).execute();

export const deleteRule = (db: Queryable, id: string) => db.deleteFrom('routing_rules').where('id', '=', id).execute();
