/**
 * The platform's `settings` table: one text value per key, owned by whichever module names the
 * key (`orders.sla_rules`, `orders.metric_weights` …). Modules parse and validate their values.
 */
import type { Queryable, Tx } from './db/connect';

export interface StoredSetting {
  value: string;
  updatedAt: number;
}

export async function readSetting(db: Queryable, key: string): Promise<StoredSetting | null> {
  const row = await db.selectFrom('settings').select(['value', 'updated_at']).where('key', '=', key).executeTakeFirst();
  return row ? { value: row.value, updatedAt: Number(row.updated_at) } : null;
}

/** Insert or replace, inside the caller's transaction (with its audit row). */
export async function writeSetting(trx: Tx, key: string, value: string, now: number): Promise<void> {
  await trx
    .insertInto('settings')
    .values({ key, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}
