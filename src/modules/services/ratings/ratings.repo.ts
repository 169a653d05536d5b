/** All SQL of 好差评's tables (both engines). */
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { DialectName, Queryable } from '../../../platform/db/connect';
import type { FiguresBy } from './figures';
import type { RatingsTables } from './tables';

type Db = Queryable;
export type SubjectRecord = Selectable<RatingsTables['svc_rating_subjects']>;
export type RatingRecord = Selectable<RatingsTables['svc_ratings']>;
export type RectificationRecord = Selectable<RatingsTables['svc_rating_rectifications']>;
export type AppealRecord = Selectable<RatingsTables['svc_rating_appeals']>;
export type ReportRecord = Selectable<RatingsTables['svc_rating_reports']>;

// ---- subjects ----
export const findSubjectByRef = (db: Db, kind: string, subjectId: string) =>
  db
    .selectFrom('svc_rating_subjects')
    .selectAll()
    .where('kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .executeTakeFirst();
export const findSubjectByNumber = (db: Db, kind: string, number: string) =>
  db
    .selectFrom('svc_rating_subjects')
    .selectAll()
    .where('kind', '=', kind)
    .where('number', '=', number)
    .executeTakeFirst();
export const findSubject = (db: Db, id: string) =>
  db.selectFrom('svc_rating_subjects').selectAll().where('id', '=', id).executeTakeFirst();
export const insertSubject = (db: Db, row: Insertable<RatingsTables['svc_rating_subjects']>) =>
  db.insertInto('svc_rating_subjects').values(row).execute();
export const updateSubject = (db: Db, id: string, patch: Updateable<RatingsTables['svc_rating_subjects']>) =>
  db.updateTable('svc_rating_subjects').set(patch).where('id', '=', id).execute();

// ---- ratings ----
export const insertRating = (db: Db, row: Insertable<RatingsTables['svc_ratings']>) =>
  db.insertInto('svc_ratings').values(row).execute();
export const findRating = (db: Db, id: string) =>
  db.selectFrom('svc_ratings').selectAll().where('id', '=', id).executeTakeFirst();
export const updateRating = (db: Db, id: string, patch: Updateable<RatingsTables['svc_ratings']>) =>
  db.updateTable('svc_ratings').set(patch).where('id', '=', id).execute();
export const ratingsById = (db: Db, ids: readonly string[]) =>
  ids.length ? db.selectFrom('svc_ratings').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);

/** A subject's ratings with their rectification's status (what the next rating depends on). */
export const ratingsOfSubject = (db: Db, subjectRowId: string) =>
  db
    .selectFrom('svc_ratings as r')
    .leftJoin('svc_rating_rectifications as x', 'x.rating_id', 'r.id')
    .select([
      'r.id',
      'r.round',
      'r.level',
      'r.bad',
      'r.voided',
      'r.first_at',
      'r.created_at',
      'x.status as rect_status',
    ])
    .where('r.subject_row_id', '=', subjectRowId)
    .orderBy('r.round')
    .execute();

export interface RatingFilter {
  departmentId?: string;
  windowId?: string;
  bad?: boolean;
  from?: number;
  to?: number;
  limit: number;
}
export const listRatings = (db: Db, f: RatingFilter) => {
  let q = db.selectFrom('svc_ratings').selectAll();
  if (f.departmentId) q = q.where('department_id', '=', f.departmentId);
  if (f.windowId) q = q.where('window_id', '=', f.windowId);
  if (f.bad !== undefined) q = q.where('bad', '=', f.bad ? 1 : 0);
  if (f.from !== undefined) q = q.where('created_at', '>=', f.from);
  if (f.to !== undefined) q = q.where('created_at', '<', f.to);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
};

// ---- rectifications ----
export const insertRectification = (db: Db, row: Insertable<RatingsTables['svc_rating_rectifications']>) =>
  db.insertInto('svc_rating_rectifications').values(row).execute();
export const findRectification = (db: Db, id: string) =>
  db.selectFrom('svc_rating_rectifications').selectAll().where('id', '=', id).executeTakeFirst();
export const rectificationOf = (db: Db, ratingId: string) =>
  db.selectFrom('svc_rating_rectifications').selectAll().where('rating_id', '=', ratingId).executeTakeFirst();
export const updateRectification = (
  db: Db,
  id: string,
  patch: Updateable<RatingsTables['svc_rating_rectifications']>,
) => db.updateTable('svc_rating_rectifications').set(patch).where('id', '=', id).execute();

/** The rectification row locked for a step (PostgreSQL: FOR UPDATE; SQLite has one writer). */
export const lockRectification = (db: Db, dialect: DialectName, id: string) => {
  const q = db.selectFrom('svc_rating_rectifications').selectAll().where('id', '=', id);
  return (dialect === 'postgres' ? q.forUpdate() : q).executeTakeFirst();
};

export interface RectificationFilter {
  status?: string;
  overdue?: boolean;
  departmentId?: string;
  limit: number;
}
export const listRectifications = (db: Db, f: RectificationFilter, now: number) => {
  let q = db
    .selectFrom('svc_rating_rectifications as x')
    .innerJoin('svc_ratings as r', 'r.id', 'x.rating_id')
    .selectAll('x')
    .select('r.level');
  if (f.status) q = q.where('x.status', '=', f.status);
  if (f.departmentId) q = q.where('x.department_id', '=', f.departmentId);
  if (f.overdue !== undefined) {
    // overdue now: flagged already, or past a due time the job has not reached yet
    const late = sql<boolean>`(x.callback_overdue = 1 or x.fix_overdue = 1 or (x.status = 'open' and x.callback_due < ${now}) or (x.status in ('open', 'called_back') and x.fix_due < ${now}))`;
    q = q.where(f.overdue ? late : sql<boolean>`not ${late}`);
  }
  return q.orderBy('x.fix_due').orderBy('x.id').limit(f.limit).execute();
};

// ---- appeals ----
export const insertAppeal = (db: Db, row: Insertable<RatingsTables['svc_rating_appeals']>) =>
  db.insertInto('svc_rating_appeals').values(row).execute();
export const findAppeal = (db: Db, id: string) =>
  db.selectFrom('svc_rating_appeals').selectAll().where('id', '=', id).executeTakeFirst();
export const appealOf = (db: Db, ratingId: string) =>
  db.selectFrom('svc_rating_appeals').selectAll().where('rating_id', '=', ratingId).executeTakeFirst();
export const lockAppeal = (db: Db, dialect: DialectName, id: string) => {
  const q = db.selectFrom('svc_rating_appeals').selectAll().where('id', '=', id);
  return (dialect === 'postgres' ? q.forUpdate() : q).executeTakeFirst();
};
export const updateAppeal = (db: Db, id: string, patch: Updateable<RatingsTables['svc_rating_appeals']>) =>
  db.updateTable('svc_rating_appeals').set(patch).where('id', '=', id).execute();
export const listAppeals = (db: Db, status: string | undefined, limit: number) => {
  let q = db.selectFrom('svc_rating_appeals').selectAll();
  if (status) q = q.where('status', '=', status);
  return q.orderBy('filed_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
};

// ---- invitations ----
export const insertInvitation = (db: Db, row: Insertable<RatingsTables['svc_rating_invitations']>) =>
  db.insertInto('svc_rating_invitations').values(row).execute();
export const listInvitations = (db: Db, limit: number) =>
  db
    .selectFrom('svc_rating_invitations')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();

// ---- provincial reports ----
export const insertReport = (db: Db, row: Insertable<RatingsTables['svc_rating_reports']>) =>
  db.insertInto('svc_rating_reports').values(row).execute();
export const lockReport = (db: Db, dialect: DialectName, id: string) => {
  const q = db.selectFrom('svc_rating_reports').selectAll().where('id', '=', id);
  return (dialect === 'postgres' ? q.forUpdate() : q).executeTakeFirst();
};
export const updateReport = (db: Db, id: string, patch: Updateable<RatingsTables['svc_rating_reports']>) =>
  db.updateTable('svc_rating_reports').set(patch).where('id', '=', id).execute();
export const listReports = (db: Db, status: string | undefined, limit: number) => {
  let q = db.selectFrom('svc_rating_reports').selectAll();
  if (status) q = q.where('status', '=', status);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
};

// ---- figures ----
export interface FigureSqlRow {
  key: string;
  department_id: string | null;
  count: number;
  satisfied: number;
  bad: number;
  groundless: number;
  on_time: number;
}

/** The figures' counts per group in SQL (figures.ts says what each one means; the tests compare the two). */
export async function figureCounts(db: Db, by: FiguresBy, from?: number, to?: number): Promise<FigureSqlRow[]> {
  const key =
    by === 'department'
      ? sql<string>`r.department_id`
      : by === 'window'
        ? sql<string>`coalesce(r.window_id, '')`
        : sql<string>`r.month`;
  const firstBad = sql`r.round = 1 and r.level <= 2`;
  let q = db
    .selectFrom('svc_ratings as r')
    .leftJoin('svc_rating_rectifications as x', 'x.rating_id', 'r.id')
    .select([
      key.as('key'),
      (by === 'window' ? sql<string>`r.department_id` : sql<string | null>`null`).as('department_id'),
      sql<number>`sum(case when r."current" = 1 then 1 else 0 end)`.as('count'),
      sql<number>`sum(case when r."current" = 1 and r.level >= 3 then 1 else 0 end)`.as('satisfied'),
      sql<number>`sum(case when ${firstBad} and r.groundless = 0 then 1 else 0 end)`.as('bad'),
      sql<number>`sum(case when ${firstBad} and r.groundless = 1 then 1 else 0 end)`.as('groundless'),
      sql<number>`sum(case when ${firstBad} and r.groundless = 0 and x.status in ('fixed', 'explained') and x.fixed_at <= x.fix_due then 1 else 0 end)`.as(
        'on_time',
      ),
    ])
    .where('r.voided', '=', 0);
  if (from !== undefined) q = q.where('r.first_at', '>=', from);
  if (to !== undefined) q = q.where('r.first_at', '<', to);
  q = by === 'window' ? q.groupBy([key, sql`r.department_id`]) : q.groupBy(key);
  const rows = await q.execute();
  return rows.map((r) => ({
    key: String(r.key),
    department_id: r.department_id ?? null,
    count: Number(r.count),
    satisfied: Number(r.satisfied),
    bad: Number(r.bad),
    groundless: Number(r.groundless),
    on_time: Number(r.on_time),
  }));
}
