/** SQL of the classifier's admin view: how many corrections dispatchers have stored. */
import type { Queryable } from '../../../platform/db/connect';

/** Training samples from dispatchers' corrections (not the seeded history). */
export async function countCorrections(db: Queryable): Promise<number> {
  const r = await db
    .selectFrom('classifier_samples')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('source', '=', 'correction')
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}
