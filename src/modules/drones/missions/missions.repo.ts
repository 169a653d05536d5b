/** All SQL of wayline routes, flights and the commands sent to docks. */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Tx } from '../../../platform/db/connect';
import type { DB } from '../../../schema';
import type { DronesTables } from '../tables';

type Db = Kysely<DB> | Tx;
export type RouteRow = Selectable<DronesTables['drone_routes']>;
export type FlightRow = Selectable<DronesTables['drone_flights']>;
export type CommandRow = Selectable<DronesTables['drone_commands']>;

export const insertRoute = (db: Db, row: Insertable<DronesTables['drone_routes']>) =>
  db.insertInto('drone_routes').values(row).execute();
export const findRoute = (db: Db, id: string) =>
  db.selectFrom('drone_routes').selectAll().where('id', '=', id).executeTakeFirst();
export const listRoutes = (db: Db) =>
  db.selectFrom('drone_routes').selectAll().orderBy('updated_at', 'desc').limit(500).execute();
export const deleteRoute = (db: Db, id: string) => db.deleteFrom('drone_routes').where('id', '=', id).execute();
export const routeInUse = (db: Db, id: string) =>
  db
    .selectFrom('drone_flights')
    .select('id')
    .where('route_id', '=', id)
    .where('state', 'in', ['planned', 'preparing', 'prepared', 'executing', 'in_progress', 'paused'])
    .executeTakeFirst();

export const insertFlight = (db: Db, row: Insertable<DronesTables['drone_flights']>) =>
  db.insertInto('drone_flights').values(row).execute();
export const findFlight = (db: Db, id: string) =>
  db.selectFrom('drone_flights').selectAll().where('id', '=', id).executeTakeFirst();
export const lockFlight = (db: Tx, id: string, dialect: 'sqlite' | 'postgres') => {
  const q = db.selectFrom('drone_flights').selectAll().where('id', '=', id);
  return (dialect === 'postgres' ? q.forUpdate() : q).executeTakeFirst();
};
export const updateFlight = (db: Db, id: string, patch: Updateable<DronesTables['drone_flights']>) =>
  db.updateTable('drone_flights').set(patch).where('id', '=', id).execute();

export function listFlights(
  db: Db,
  f: { from?: number; to?: number; dockSn?: string; states?: string[]; orderId?: string; limit: number },
) {
  let q = db.selectFrom('drone_flights').selectAll();
  if (f.orderId) q = q.where('order_id', '=', f.orderId);
  if (f.from !== undefined) q = q.where('execute_at', '>=', f.from);
  if (f.to !== undefined) q = q.where('execute_at', '<', f.to);
  if (f.dockSn) q = q.where('dock_sn', '=', f.dockSn);
  if (f.states?.length) q = q.where('state', 'in', f.states);
  return q.orderBy('execute_at', 'desc').limit(f.limit).execute();
}

/** Flights of `dockSn` not finished whose planned time span overlaps [from, to). */
export const overlapping = (db: Db, dockSn: string, from: number, to: number) =>
  db
    .selectFrom('drone_flights')
    .select(['id', 'name'])
    .where('dock_sn', '=', dockSn)
    .where('state', 'in', ['planned', 'preparing', 'prepared', 'executing', 'in_progress', 'paused'])
    .where('execute_at', '<', to)
    .where('expected_end_at', '>', from)
    .execute();

export const insertCommand = (db: Db, row: Insertable<DronesTables['drone_commands']>) =>
  db.insertInto('drone_commands').values(row).execute();
export const findCommand = (db: Db, tid: string) =>
  db.selectFrom('drone_commands').selectAll().where('tid', '=', tid).executeTakeFirst();
export const updateCommand = (db: Db, tid: string, patch: Updateable<DronesTables['drone_commands']>) =>
  db.updateTable('drone_commands').set(patch).where('tid', '=', tid).execute();
/** Queued → sent; a command answered meanwhile keeps its answer. */
export const markSent = (db: Db, tid: string, sentAt: number) =>
  db
    .updateTable('drone_commands')
    .set({ status: 'sent', sent_at: sentAt })
    .where('tid', '=', tid)
    .where('status', '=', 'queued')
    .execute();
/** Marks a reply once: only a command still waiting takes it (a retry's late reply finds it answered). */
export const answerCommand = (db: Db, tid: string, patch: Updateable<DronesTables['drone_commands']>) =>
  db
    .updateTable('drone_commands')
    .set(patch)
    .where('tid', '=', tid)
    .where('status', 'in', ['queued', 'sent'])
    .executeTakeFirst();
export const commandsOf = (db: Db, bid: string) =>
  db.selectFrom('drone_commands').selectAll().where('bid', '=', bid).orderBy('sent_at').execute();
/** Any attempt of the same command already answered (the reply to an earlier tid can arrive after a retry). */
export const answeredAttempt = (db: Db, firstTid: string) =>
  db
    .selectFrom('drone_commands')
    .select(['tid', 'status'])
    .where('first_tid', '=', firstTid)
    .where('status', 'in', ['accepted', 'refused'])
    .executeTakeFirst();
