import { sql } from 'kysely';
import type { Tx } from '../../platform/db/connect';
import { localDateKey } from '../../platform/calendar';

/**
 * 工单号: 'GC' + the Shanghai date + a 5-digit daily sequence, e.g. GC2026030200042 — short enough
 * to read out on the phone. The counter row is upserted inside the order's transaction, so numbers
 * are unique and gap-free on both engines (the row lock serialises concurrent intakes per day).
 */
export async function nextOrderNumber(trx: Tx, now: number, prefix = 'GC'): Promise<string> {
  const day = localDateKey(now).replace(/-/g, '');
  const row = await trx.insertInto('order_numbers').values({ day, last: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet({ last: sql`order_numbers.last + 1` }))
    .returning('last').executeTakeFirstOrThrow();
  return `${prefix}${day}${String(row.last).padStart(5, '0')}`;
}
