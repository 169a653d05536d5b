import { CompiledQuery } from 'kysely';
import type { Tx } from '../../../platform/db/connect';
import { dialectOf } from '../../../platform/db/columns';
import { localDateKey } from '../../../platform/calendar';

// Written out once: every intake runs it, and Kysely would build and compile it anew each time.
const NEXT_SQL = {
  sqlite:
    'insert into "order_numbers" ("day", "last") values (?, 1) on conflict ("day") do update set "last" = "order_numbers"."last" + 1 returning "last"',
  postgres:
    'insert into "order_numbers" ("day", "last") values ($1, 1) on conflict ("day") do update set "last" = "order_numbers"."last" + 1 returning "last"',
} as const;

/**
 * 工单号: 'GC' + the Shanghai date + a 5-digit daily sequence, e.g. GC2026030200042 — short enough
 * to read out on the phone. The counter row is upserted inside the order's transaction, so numbers
 * are unique and gap-free on both engines (the row lock serialises concurrent intakes per day).
 */
export async function nextOrderNumber(trx: Tx, now: number, prefix = 'GC'): Promise<string> {
  const day = localDateKey(now).replace(/-/g, '');
  const res = await trx.executeQuery<{ last: number | string }>(
    CompiledQuery.raw(NEXT_SQL[dialectOf(trx as never)], [day]),
  );
  const last = res.rows[0]?.last;
  if (last === undefined) throw new Error('order number counter returned no row');
  return `${prefix}${day}${String(Number(last)).padStart(5, '0')}`;
}
