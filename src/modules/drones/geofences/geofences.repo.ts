/** All SQL of geofences and of the docks' custom flight area sync, both dialects. */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Tx } from '../../../platform/db/connect';
import type { DB } from '../../../schema';
import type { DronesTables } from '../tables';

type Db = Kysely<DB> | Tx;
export type GeofenceRow = Selectable<DronesTables['drone_geofences']>;
export type GeofenceSyncRow = Selectable<DronesTables['drone_geofence_sync']>;

export const insertGeofence = (db: Db, row: Insertable<DronesTables['drone_geofences']>) =>
  db.insertInto('drone_geofences').values(row).execute();
export const findGeofence = (db: Db, id: string) =>
  db.selectFrom('drone_geofences').selectAll().where('id', '=', id).executeTakeFirst();
export const updateGeofence = (db: Db, id: string, patch: Updateable<DronesTables['drone_geofences']>) =>
  db.updateTable('drone_geofences').set(patch).where('id', '=', id).execute();
export const deleteGeofence = (db: Db, id: string) => db.deleteFrom('drone_geofences').where('id', '=', id).execute();

export function listGeofences(db: Db, f: { kind?: string; enabled?: boolean } = {}) {
  let q = db.selectFrom('drone_geofences').selectAll();
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.enabled !== undefined) q = q.where('enabled', '=', f.enabled ? 1 : 0);
  return q.orderBy('name').orderBy('id').execute();
}

/** What changes when any geofence changes (the zone cache's key across nodes). */
export const geofencesStamp = (db: Db) =>
  db
    .selectFrom('drone_geofences')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('last')])
    .executeTakeFirstOrThrow();

export const listSync = (db: Db) => db.selectFrom('drone_geofence_sync').selectAll().execute();

/** Upserts a dock's sync row with the given fields (the others kept). */
export const upsertSync = (
  db: Db,
  dockSn: string,
  patch: Omit<Updateable<DronesTables['drone_geofence_sync']>, 'dock_sn'>,
) =>
  db
    .insertInto('drone_geofence_sync')
    .values({
      dock_sn: dockSn,
      status: null,
      reason: null,
      file_name: null,
      checksum: null,
      requested_at: null,
      served_at: null,
      served_checksum: null,
      reported_at: null,
      ...patch,
    })
    .onConflict((oc) => oc.column('dock_sn').doUpdateSet(patch))
    .execute();
