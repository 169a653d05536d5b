/** All SQL of the drone registry, its telemetry rows, health alerts and message faults. */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Tx } from '../../../platform/db/connect';
import type { DB } from '../../../schema';
import type { DronesTables } from '../tables';

export type DeviceRow = Selectable<DronesTables['drone_devices']>;
export type AlertRow = Selectable<DronesTables['drone_hms_alerts']>;
export type FaultRow = Selectable<DronesTables['drone_message_faults']>;
type Db = Kysely<DB> | Tx;

export const findDevice = (db: Db, sn: string) =>
  db.selectFrom('drone_devices').selectAll().where('sn', '=', sn).executeTakeFirst();

export const lockDevice = (db: Tx, sn: string, dialect: 'sqlite' | 'postgres') => {
  const q = db.selectFrom('drone_devices').selectAll().where('sn', '=', sn);
  return (dialect === 'postgres' ? q.forUpdate() : q).executeTakeFirst();
};

export const findByUsername = (db: Db, username: string) =>
  db.selectFrom('drone_devices').selectAll().where('mqtt_username', '=', username).executeTakeFirst();

export const listDevices = (db: Db) =>
  db.selectFrom('drone_devices').selectAll().orderBy('domain').orderBy('name').execute();

export const devicesOfGateway = (db: Db, gatewaySn: string) =>
  db.selectFrom('drone_devices').selectAll().where('gateway_sn', '=', gatewaySn).execute();

export const insertDevice = (db: Db, row: Insertable<DronesTables['drone_devices']>) =>
  db.insertInto('drone_devices').values(row).execute();

export const updateDevice = (db: Db, sn: string, patch: Updateable<DronesTables['drone_devices']>) =>
  db.updateTable('drone_devices').set(patch).where('sn', '=', sn).execute();

export const deleteDevice = async (db: Db, sn: string) => {
  await db.deleteFrom('drone_telemetry').where('sn', '=', sn).execute();
  await db.deleteFrom('drone_devices').where('sn', '=', sn).execute();
};

/** Devices marked online whose last message is older than `before` (the offline sweep). */
export const staleOnline = (db: Db, before: number) =>
  db.selectFrom('drone_devices').select(['sn']).where('online', '=', 1).where('last_seen_at', '<', before).execute();

export const upsertTelemetry = (db: Db, sn: string, telemetry: string, at: number) =>
  db
    .insertInto('drone_telemetry')
    .values({ sn, telemetry, updated_at: at })
    .onConflict((oc) => oc.column('sn').doUpdateSet({ telemetry, updated_at: at }))
    .execute();

export const loadTelemetry = (db: Db) => db.selectFrom('drone_telemetry').selectAll().execute();

export const touchSeen = (db: Db, sns: readonly string[], at: number) =>
  db.updateTable('drone_devices').set({ last_seen_at: at }).where('sn', 'in', sns).execute();

export const insertTrackPoints = (db: Db, rows: Insertable<DronesTables['drone_track_points']>[]) =>
  rows.length
    ? db
        .insertInto('drone_track_points')
        .values(rows)
        .onConflict((oc) => oc.columns(['sn', 'at']).doNothing())
        .execute()
    : Promise.resolve();

export const trackOf = (db: Db, sn: string, from: number, to: number, limit: number) =>
  db
    .selectFrom('drone_track_points')
    .select(['at', 'lng', 'lat', 'height', 'speed', 'heading', 'battery', 'mode_code', 'flight_id'])
    .where('sn', '=', sn)
    .where('at', '>=', from)
    .where('at', '<', to)
    .orderBy('at')
    .limit(limit)
    .execute();

export const deleteTrackBefore = (db: Db, before: number) =>
  db.deleteFrom('drone_track_points').where('at', '<', before).where('flight_id', 'is', null).executeTakeFirst();

export const openAlerts = (db: Db, sn: string) =>
  db.selectFrom('drone_hms_alerts').selectAll().where('sn', '=', sn).where('resolved_at', 'is', null).execute();

export const allOpenAlerts = (db: Db) =>
  db.selectFrom('drone_hms_alerts').selectAll().where('resolved_at', 'is', null).orderBy('raised_at', 'desc').execute();

export const insertAlerts = (db: Db, rows: Insertable<DronesTables['drone_hms_alerts']>[]) =>
  rows.length ? db.insertInto('drone_hms_alerts').values(rows).execute() : Promise.resolve();

export const resolveAlerts = (db: Db, sn: string, keys: readonly string[], at: number) =>
  keys.length
    ? db
        .updateTable('drone_hms_alerts')
        .set({ resolved_at: at })
        .where('sn', '=', sn)
        .where('alert_key', 'in', keys)
        .where('resolved_at', 'is', null)
        .execute()
    : Promise.resolve();

/** Adds counted faults (one statement per key; the counter is summed in the database, safe across nodes). */
export async function addFaults(
  db: Db,
  rows: { sn: string; topic_kind: string; reason: string; count: number; at: number; sample: string | null }[],
) {
  for (const r of rows) {
    await db
      .insertInto('drone_message_faults')
      .values({
        sn: r.sn,
        topic_kind: r.topic_kind,
        reason: r.reason,
        count: r.count,
        first_at: r.at,
        last_at: r.at,
        sample: r.sample,
      })
      .onConflict((oc) =>
        oc.columns(['sn', 'topic_kind', 'reason']).doUpdateSet((eb) => ({
          count: eb('drone_message_faults.count', '+', r.count),
          last_at: r.at,
          sample: r.sample,
        })),
      )
      .execute();
  }
}

export const faultsOf = (db: Db, sn: string | null) => {
  let q = db.selectFrom('drone_message_faults').selectAll();
  if (sn) q = q.where('sn', '=', sn);
  return q.orderBy('last_at', 'desc').limit(500).execute();
};
