/** All SQL of the hall queue's tables (both engines). */
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Queryable } from '../../../platform/db/connect';
import type { HallTables } from './hall.tables';

type Db = Queryable;
export type GroupRecord = Selectable<HallTables['svc_hall_groups']>;
export type CounterRecord = Selectable<HallTables['svc_hall_counters']>;
export type TicketRecord = Selectable<HallTables['svc_hall_tickets']>;
export type TicketEventRecord = Selectable<HallTables['svc_hall_ticket_events']>;

// ---- sites (read only: the sites area owns them) ----
export const siteName = async (db: Db, id: string) =>
  (await db.selectFrom('svc_sites').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;

// ---- groups ----
export const groupsOf = (db: Db, siteId: string) =>
  db.selectFrom('svc_hall_groups').selectAll().where('site_id', '=', siteId).orderBy('code').execute();
export const findGroup = (db: Db, id: string) =>
  db.selectFrom('svc_hall_groups').selectAll().where('id', '=', id).executeTakeFirst();
export const findGroupByCode = (db: Db, siteId: string, code: string) =>
  db
    .selectFrom('svc_hall_groups')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('code', '=', code)
    .executeTakeFirst();
export const insertGroup = (db: Db, row: Insertable<HallTables['svc_hall_groups']>) =>
  db.insertInto('svc_hall_groups').values(row).execute();
export const updateGroup = (db: Db, id: string, patch: Updateable<HallTables['svc_hall_groups']>) =>
  db.updateTable('svc_hall_groups').set(patch).where('id', '=', id).execute();
export const deleteGroup = (db: Db, id: string) => db.deleteFrom('svc_hall_groups').where('id', '=', id).execute();
export const groupHasTickets = async (db: Db, id: string) =>
  !!(await db.selectFrom('svc_hall_tickets').select('id').where('group_id', '=', id).limit(1).executeTakeFirst());

// ---- counters ----
export const countersOf = (db: Db, siteId: string) =>
  db.selectFrom('svc_hall_counters').selectAll().where('site_id', '=', siteId).orderBy('number').execute();
export const findCounter = (db: Db, id: string) =>
  db.selectFrom('svc_hall_counters').selectAll().where('id', '=', id).executeTakeFirst();
export const findCounterByNumber = (db: Db, siteId: string, number: string) =>
  db
    .selectFrom('svc_hall_counters')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('number', '=', number)
    .executeTakeFirst();
export const insertCounter = (db: Db, row: Insertable<HallTables['svc_hall_counters']>) =>
  db.insertInto('svc_hall_counters').values(row).execute();
export const updateCounter = (db: Db, id: string, patch: Updateable<HallTables['svc_hall_counters']>) =>
  db.updateTable('svc_hall_counters').set(patch).where('id', '=', id).execute();
export const deleteCounter = (db: Db, id: string) => db.deleteFrom('svc_hall_counters').where('id', '=', id).execute();
export const counterHasTickets = async (db: Db, id: string) =>
  !!(await db
    .selectFrom('svc_hall_tickets')
    .select('id')
    .where((eb) => eb.or([eb('counter_id', '=', id), eb('for_counter_id', '=', id)]))
    .limit(1)
    .executeTakeFirst());
/**
 * Locks the counter's row for the rest of the transaction (PostgreSQL; SQLite's writer lock already
 * serialises), so two calls at one counter cannot both find it free.
 */
export const lockCounter = (db: Db, id: string, dialect: string) => {
  const q = db.selectFrom('svc_hall_counters').selectAll().where('id', '=', id);
  return (dialect === 'postgres' ? q.forUpdate() : q).executeTakeFirst();
};

// ---- numbers ----
/** The next number of a group's series for a day (1, 2, …), in the caller's transaction. */
export async function nextNumber(db: Db, groupId: string, day: string): Promise<number> {
  const r = await db
    .insertInto('svc_hall_numbers')
    .values({ group_id: groupId, day, last: 1 })
    .onConflict((oc) => oc.columns(['group_id', 'day']).doUpdateSet({ last: sql`svc_hall_numbers.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(r.last);
}

// ---- tickets ----
export const insertTicket = (db: Db, row: Insertable<HallTables['svc_hall_tickets']>) =>
  db.insertInto('svc_hall_tickets').values(row).execute();
export const findTicket = (db: Db, id: string) =>
  db.selectFrom('svc_hall_tickets').selectAll().where('id', '=', id).executeTakeFirst();
export const updateTicket = (db: Db, id: string, patch: Updateable<HallTables['svc_hall_tickets']>) =>
  db.updateTable('svc_hall_tickets').set(patch).where('id', '=', id).execute();
export const ticketsOf = (db: Db, siteId: string, day: string, state: string | undefined, limit: number) => {
  let q = db.selectFrom('svc_hall_tickets').selectAll().where('site_id', '=', siteId).where('day', '=', day);
  if (state) q = q.where('state', '=', state);
  return q.orderBy('issued_at').orderBy('number').limit(limit).execute();
};
/** The waiting tickets of a site (the queue the call-next rule reads). */
export const waitingOf = (db: Db, siteId: string) =>
  db
    .selectFrom('svc_hall_tickets')
    .select(['id', 'group_id', 'number', 'issued_at', 'priority', 'for_counter_id', 'transferred_at'])
    .where('site_id', '=', siteId)
    .where('state', '=', 'waiting')
    .execute();
/** The ticket a counter has in hand (called or serving), if any. */
export const currentAt = (db: Db, counterId: string) =>
  db
    .selectFrom('svc_hall_tickets')
    .selectAll()
    .where('counter_id', '=', counterId)
    .where('state', 'in', ['called', 'serving'])
    .executeTakeFirst();
export const groupCodes = async (db: Db, ids: readonly string[]) => {
  if (!ids.length) return new Map<string, string>();
  const rows = await db.selectFrom('svc_hall_groups').select(['id', 'code']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.code]));
};

// ---- history ----
export const historyOf = (db: Db, ticketId: string) =>
  db
    .selectFrom('svc_hall_ticket_events')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('at')
    .orderBy('id')
    .execute();
/** The latest calls of a site since an instant (first calls, recalls and calls back from the pool). */
export const latestCalls = (db: Db, siteId: string, since: number, limit: number) =>
  db
    .selectFrom('svc_hall_ticket_events as e')
    .innerJoin('svc_hall_tickets as t', 't.id', 'e.ticket_id')
    .innerJoin('svc_hall_counters as c', 'c.id', 'e.counter_id')
    .select(['t.number', 'c.number as counter_number', 'c.name as counter_name', 'e.at', 'e.action'])
    .where('e.site_id', '=', siteId)
    .where('e.at', '>=', since)
    .where('e.action', 'in', ['call', 'callChosen', 'recall', 'unpark'])
    .orderBy('e.at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute();
/** Changes a ticket only if it is still in `from` (another counter may have called it a moment ago). */
export async function updateTicketIf(
  db: Db,
  id: string,
  from: string,
  patch: Updateable<HallTables['svc_hall_tickets']>,
): Promise<boolean> {
  const r = await db
    .updateTable('svc_hall_tickets')
    .set(patch)
    .where('id', '=', id)
    .where('state', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
