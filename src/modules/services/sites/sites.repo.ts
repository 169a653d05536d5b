/** All SQL of sites and windows. */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Tx } from '../../../platform/db/connect';
import { insertRows } from '../../../platform/db/rows';
import type { DB } from '../../../schema';
import type { ServicesTables } from '../tables';

type Db = Kysely<DB> | Tx;
export type SiteRecord = Selectable<ServicesTables['svc_sites']>;
export type WindowRecord = Selectable<ServicesTables['svc_windows']>;

export const listSites = (db: Db, kind?: string) => {
  let q = db.selectFrom('svc_sites').selectAll();
  if (kind) q = q.where('kind', '=', kind);
  return q.orderBy('kind').orderBy('code').execute();
};
export const findSite = (db: Db, id: string) =>
  db.selectFrom('svc_sites').selectAll().where('id', '=', id).executeTakeFirst();
export const findSiteByCode = (db: Db, code: string) =>
  db.selectFrom('svc_sites').selectAll().where('code', '=', code).executeTakeFirst();
export const sitesById = (db: Db, ids: readonly string[]) =>
  ids.length ? db.selectFrom('svc_sites').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);
export const insertSites = (db: Db, rows: ReadonlyArray<Insertable<ServicesTables['svc_sites']>>) =>
  insertRows(db, 'svc_sites', rows);
export const updateSite = (db: Db, id: string, patch: Updateable<ServicesTables['svc_sites']>) =>
  db.updateTable('svc_sites').set(patch).where('id', '=', id).execute();

export const windowsOf = (db: Db, siteIds: readonly string[]) =>
  siteIds.length
    ? db.selectFrom('svc_windows').selectAll().where('site_id', 'in', siteIds).orderBy('number').execute()
    : Promise.resolve([]);
export const findWindow = (db: Db, id: string) =>
  db.selectFrom('svc_windows').selectAll().where('id', '=', id).executeTakeFirst();
export const findWindowByNumber = (db: Db, siteId: string, number: string) =>
  db
    .selectFrom('svc_windows')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('number', '=', number)
    .executeTakeFirst();
export const insertWindows = (db: Db, rows: ReadonlyArray<Insertable<ServicesTables['svc_windows']>>) =>
  insertRows(db, 'svc_windows', rows);
export const updateWindow = (db: Db, id: string, patch: Updateable<ServicesTables['svc_windows']>) =>
  db.updateTable('svc_windows').set(patch).where('id', '=', id).execute();

/** Published items per site. */
export const itemCounts = async (db: Db): Promise<Map<string, number>> => {
  const rows = await db
    .selectFrom('svc_site_items')
    .select(['site_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('site_id')
    .execute();
  return new Map(rows.map((r) => [r.site_id, Number(r.n)]));
};
