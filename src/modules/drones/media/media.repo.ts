/** All SQL of the drone media records. */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Tx } from '../../../platform/db/connect';
import type { DB } from '../../../schema';
import type { DronesTables } from '../tables';

type Db = Kysely<DB> | Tx;
export type MediaRow = Selectable<DronesTables['drone_media']>;

/** Inserts once per object key (docks repeat callbacks); true when this call recorded it. */
export async function insertMedia(db: Db, row: Insertable<DronesTables['drone_media']>): Promise<boolean> {
  const r = await db
    .insertInto('drone_media')
    .values(row)
    .onConflict((oc) => oc.column('object_key').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export const countMediaOfFlight = (db: Db, flightId: string) =>
  db
    .selectFrom('drone_media')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('flight_id', '=', flightId)
    .executeTakeFirstOrThrow();

export function listMedia(
  db: Db,
  f: { id?: string; flightId?: string; dockSn?: string; from?: number; to?: number; limit: number },
) {
  let q = db.selectFrom('drone_media').selectAll();
  if (f.id) q = q.where('id', '=', f.id);
  if (f.flightId) q = q.where('flight_id', '=', f.flightId);
  if (f.dockSn) q = q.where('dock_sn', '=', f.dockSn);
  if (f.from !== undefined) q = q.where('taken_at', '>=', f.from);
  if (f.to !== undefined) q = q.where('taken_at', '<', f.to);
  return q.orderBy('taken_at', 'desc').limit(f.limit).execute();
}

export const findMedia = (db: Db, id: string) =>
  db.selectFrom('drone_media').selectAll().where('id', '=', id).executeTakeFirst();
