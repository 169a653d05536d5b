/** All SQL of recurring schedules, their take-offs (runs) and the calendar's reads of flights. */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Tx } from '../../../platform/db/connect';
import type { DB } from '../../../schema';
import type { DronesTables } from '../tables';

type Db = Kysely<DB> | Tx;
export type ScheduleRow = Selectable<DronesTables['drone_schedules']>;
export type RunRow = Selectable<DronesTables['drone_schedule_runs']>;

export const insertSchedule = (db: Db, row: Insertable<DronesTables['drone_schedules']>) =>
  db.insertInto('drone_schedules').values(row).execute();
export const findSchedule = (db: Db, id: string) =>
  db.selectFrom('drone_schedules').selectAll().where('id', '=', id).executeTakeFirst();
export const lockSchedule = (db: Tx, id: string, dialect: 'sqlite' | 'postgres') => {
  const q = db.selectFrom('drone_schedules').selectAll().where('id', '=', id);
  return (dialect === 'postgres' ? q.forUpdate() : q).executeTakeFirst();
};
export const updateSchedule = (db: Db, id: string, patch: Updateable<DronesTables['drone_schedules']>) =>
  db.updateTable('drone_schedules').set(patch).where('id', '=', id).execute();
export const listSchedules = (db: Db) =>
  db.selectFrom('drone_schedules').selectAll().orderBy('created_at', 'desc').limit(500).execute();
export const enabledSchedules = (db: Db) =>
  db.selectFrom('drone_schedules').selectAll().where('enabled', '=', 1).orderBy('id').execute();

/** The occurrence instants of one revision already decided (planned or skipped) in [from, to]. */
export async function decidedTimes(db: Db, scheduleId: string, revision: number, from: number, to: number) {
  const rows = await db
    .selectFrom('drone_schedule_runs')
    .select('occurrence_at')
    .where('schedule_id', '=', scheduleId)
    .where('revision', '=', revision)
    .where('occurrence_at', '>=', from)
    .where('occurrence_at', '<=', to)
    .execute();
  return new Set(rows.map((r) => Number(r.occurrence_at)));
}

type NewRun = Insertable<DronesTables['drone_schedule_runs']>;
/** A skipped take-off: only if nothing was decided for it yet (a planned one is never overwritten). */
export const insertSkippedRun = (db: Db, row: NewRun) =>
  db
    .insertInto('drone_schedule_runs')
    .values(row)
    .onConflict((oc) => oc.columns(['schedule_id', 'revision', 'occurrence_at']).doNothing())
    .executeTakeFirst();
/** A planned take-off: wins over a skip another node wrote meanwhile (the flight exists: it is planned). */
export const upsertPlannedRun = (db: Db, row: NewRun) =>
  db
    .insertInto('drone_schedule_runs')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['schedule_id', 'revision', 'occurrence_at']).doUpdateSet({
        state: 'planned',
        flight_id: row.flight_id,
        code: null,
        reason: null,
        checks: null,
        updated_at: row.updated_at,
      }),
    )
    .executeTakeFirst();

export const runsOf = (db: Db, scheduleId: string, limit: number) =>
  db
    .selectFrom('drone_schedule_runs')
    .leftJoin('drone_flights', 'drone_flights.id', 'drone_schedule_runs.flight_id')
    .selectAll('drone_schedule_runs')
    .select('drone_flights.state as flight_state')
    .where('drone_schedule_runs.schedule_id', '=', scheduleId)
    .orderBy('drone_schedule_runs.occurrence_at', 'desc')
    .limit(limit)
    .execute();

/** Per schedule, its latest skipped take-off since `since`. */
export async function lastSkipped(db: Db, since: number) {
  const rows = await db
    .selectFrom('drone_schedule_runs')
    .select(['schedule_id', 'occurrence_at', 'code', 'reason'])
    .where('state', '=', 'skipped')
    .where('occurrence_at', '>=', since)
    .orderBy('occurrence_at', 'desc')
    .limit(2000)
    .execute();
  const out = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!out.has(r.schedule_id)) out.set(r.schedule_id, r);
  return out;
}

/** Flights an earlier revision (or a disabled schedule) planned that have not been sent to the dock yet. */
export const stalePlannedFlights = (db: Db, scheduleId: string, keepRevision: number | null, after: number) => {
  let q = db
    .selectFrom('drone_schedule_runs')
    .innerJoin('drone_flights', 'drone_flights.id', 'drone_schedule_runs.flight_id')
    .select(['drone_flights.id'])
    .where('drone_schedule_runs.schedule_id', '=', scheduleId)
    .where('drone_flights.state', '=', 'planned')
    .where('drone_flights.execute_at', '>', after);
  if (keepRevision !== null) q = q.where('drone_schedule_runs.revision', '<>', keepRevision);
  return q.execute();
};

export const flightExists = (db: Db, id: string) =>
  db.selectFrom('drone_flights').select('id').where('id', '=', id).executeTakeFirst();

/** Flights whose planned span meets [from, to) (canceled ones left out), with the schedule that planned them. */
export function calendarFlights(db: Db, f: { from: number; to: number; dockSn?: string }) {
  let q = db
    .selectFrom('drone_flights')
    .leftJoin('drone_schedule_runs', 'drone_schedule_runs.flight_id', 'drone_flights.id')
    .select([
      'drone_flights.id',
      'drone_flights.name',
      'drone_flights.dock_sn',
      'drone_flights.execute_at',
      'drone_flights.expected_end_at',
      'drone_flights.finished_at',
      'drone_flights.scenario',
      'drone_flights.state',
      'drone_flights.order_id',
      'drone_flights.reason',
      'drone_schedule_runs.schedule_id',
    ])
    .where('drone_flights.execute_at', '<', f.to)
    .where('drone_flights.expected_end_at', '>', f.from)
    .where('drone_flights.state', '<>', 'canceled');
  if (f.dockSn) q = q.where('drone_flights.dock_sn', '=', f.dockSn);
  return q.orderBy('drone_flights.execute_at').limit(5000).execute();
}

/** Skipped take-offs in [from, to). */
export const skippedRuns = (db: Db, from: number, to: number) =>
  db
    .selectFrom('drone_schedule_runs')
    .innerJoin('drone_schedules', 'drone_schedules.id', 'drone_schedule_runs.schedule_id')
    .select([
      'drone_schedule_runs.schedule_id',
      'drone_schedule_runs.revision',
      'drone_schedule_runs.occurrence_at',
      'drone_schedule_runs.reason',
      'drone_schedules.name',
      'drone_schedules.dock_sn',
      'drone_schedules.scenario',
    ])
    .where('drone_schedule_runs.state', '=', 'skipped')
    .where('drone_schedule_runs.occurrence_at', '>=', from)
    .where('drone_schedule_runs.occurrence_at', '<', to)
    .orderBy('drone_schedule_runs.occurrence_at')
    .limit(5000)
    .execute();
