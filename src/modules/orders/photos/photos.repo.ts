/** SQL of the photos an order step attaches (order_files, migration 0010) and the facts checked before. */
import type { Queryable, Tx } from '../../../platform/db/connect';

export interface StoredFileFacts {
  id: string;
  content_type: string;
  created_by: string | null;
  created_at: number;
}

/** The stored files among `ids` (platform `files` table): their type, uploader and upload time. */
export async function fileFacts(db: Queryable, ids: readonly string[]): Promise<StoredFileFacts[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('files')
    .select(['id', 'content_type', 'created_by', 'created_at'])
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => ({ ...r, created_at: Number(r.created_at) }));
}

/**
 * The ids among `ids` already attached somewhere: to an order step (order_files) or to an order at
 * intake (the JSON list in orders.attachments). An order holds only files uploaded before it was
 * created, so only orders created since `uploadedSince` are searched (the created_at index).
 */
export async function attachedFileIds(db: Queryable, ids: readonly string[], uploadedSince: number): Promise<string[]> {
  if (ids.length === 0) return [];
  const linked = await db
    .selectFrom('order_files')
    .select('file_id')
    .where('file_id', 'in', [...ids])
    .execute();
  const out = new Set(linked.map((r) => r.file_id));
  const rest = ids.filter((id) => !out.has(id));
  if (rest.length) {
    const holders = await db
      .selectFrom('orders')
      .select('attachments')
      .where('created_at', '>=', uploadedSince)
      .where((eb) => eb.or(rest.map((id) => eb('attachments', 'like', `%"${id}"%`))))
      .execute();
    for (const h of holders) for (const id of JSON.parse(h.attachments || '[]') as string[]) out.add(id);
  }
  return ids.filter((id) => out.has(id));
}

export async function insertOrderFiles(
  trx: Tx,
  rows: Array<{
    file_id: string;
    order_id: string;
    stage: string;
    created_at: number;
    created_by: string | null;
  }>,
): Promise<void> {
  if (rows.length) await trx.insertInto('order_files').values(rows).execute();
}

/** An order's step photos of one stage, in the order they were attached. */
export async function orderFileIds(db: Queryable, orderId: string, stage: string): Promise<string[]> {
  const rows = await db
    .selectFrom('order_files')
    .select('file_id')
    .where('order_id', '=', orderId)
    .where('stage', '=', stage)
    .orderBy('created_at')
    .orderBy('file_id')
    .execute();
  return rows.map((r) => r.file_id);
}
