/** SQL of the category classifier: stored models (newest kept), training samples and corrections. */
import type { Queryable } from '../../../platform/db/connect';
import type { OrdersTables } from '../tables';

type ModelRow = OrdersTables['classifier_models'];
type SampleRow = OrdersTables['classifier_samples'];

/** The stored model with `id`, or else the newest one. */
export function findModel(db: Queryable, id?: string) {
  const q = db.selectFrom('classifier_models').selectAll();
  // ids grow within a millisecond too: two models made in the same one still sort right
  return (
    id ? q.where('id', '=', id) : q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1)
  ).executeTakeFirst();
}

export const insertModel = (db: Queryable, row: ModelRow) => db.insertInto('classifier_models').values(row).execute();

/** Ids of the models past the newest `keep` (at most 100 at a time). */
export const olderModelIds = async (db: Queryable, keep: number) =>
  (
    await db
      .selectFrom('classifier_models')
      .select('id')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .offset(keep)
      .limit(100)
      .execute()
  ).map((o) => o.id);

export const deleteModels = (db: Queryable, ids: readonly string[]) =>
  db
    .deleteFrom('classifier_models')
    .where('id', 'in', [...ids])
    .execute();

/** Every stored training sample: the seeded history and the corrections. */
export const listSamples = (db: Queryable) =>
  db.selectFrom('classifier_samples').select(['text', 'category_code']).execute();

export const insertSample = (db: Queryable, row: SampleRow) =>
  db.insertInto('classifier_samples').values(row).execute();
