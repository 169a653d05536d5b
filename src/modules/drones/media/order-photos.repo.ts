/** SQL of the drone pictures attached to work orders (drone_order_photos, migration 0014). */
import type { Insertable, Kysely } from 'kysely';
import type { Tx } from '../../../platform/db/connect';
import type { DB } from '../../../schema';
import type { DronesTables } from '../tables';

type Db = Kysely<DB> | Tx;

export const mediaByKey = (db: Db, objectKey: string) =>
  db.selectFrom('drone_media').selectAll().where('object_key', '=', objectKey).executeTakeFirst();

export const photoAttached = (db: Db, mediaId: string) =>
  db.selectFrom('drone_order_photos').select('file_id').where('media_id', '=', mediaId).executeTakeFirst();

/** Marks a picture attached; false when it already was (another node, a repeated callback). */
export async function markAttached(db: Db, row: Insertable<DronesTables['drone_order_photos']>): Promise<boolean> {
  const r = await db
    .insertInto('drone_order_photos')
    .values(row)
    .onConflict((oc) => oc.column('media_id').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}
