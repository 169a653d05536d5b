/** SQL of the category tree: the seed check, inserts and edits, and the whole tree for the cache. */
import type { Queryable } from '../../../platform/db/connect';
import type { OrdersTables } from '../tables';

type CategoryRow = OrdersTables['order_categories'];

/** Any one category (the seed goes in only when there is none). */
export const anyCategory = (db: Queryable) =>
  db.selectFrom('order_categories').select('code').limit(1).executeTakeFirst();

/** Every category, in the tree's display order. */
export const listCategories = (db: Queryable) =>
  db.selectFrom('order_categories').selectAll().orderBy('sort').execute();

export const insertCategory = (db: Queryable, row: CategoryRow) =>
  db.insertInto('order_categories').values(row).execute();

export const updateCategory = (db: Queryable, code: string, patch: Partial<CategoryRow>) =>
  db.updateTable('order_categories').set(patch).where('code', '=', code).execute();
