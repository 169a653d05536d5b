/** SQL of the exports: the reporters of the exported orders, read unmasked for an audited export. */
import type { Queryable } from '../../../platform/db/connect';

/** Ids per statement: far below SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;

export interface ReporterRow {
  id: string;
  reporter_name: string | null;
  reporter_phone: string | null;
}

/** The stored reporter name and phone of each order id given (ids not found are left out). */
export async function reportersOf(db: Queryable, ids: readonly string[]): Promise<Map<string, ReporterRow>> {
  const out = new Map<string, ReporterRow>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom('orders')
      .select(['id', 'reporter_name', 'reporter_phone'])
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}
