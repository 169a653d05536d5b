/** All SQL of catalogue items and their versions. */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DialectName, Tx } from '../../../platform/db/connect';
import { insertRows } from '../../../platform/db/rows';
import type { DB } from '../../../schema';
import type { ServicesTables } from '../tables';

type Db = Kysely<DB> | Tx;
export type ItemRecord = Selectable<ServicesTables['svc_items']>;
export type VersionRecord = Selectable<ServicesTables['svc_item_versions']>;

export const findItem = (db: Db, id: string) =>
  db.selectFrom('svc_items').selectAll().where('id', '=', id).executeTakeFirst();

export const findItemsByCode = (db: Db, codes: readonly string[]) =>
  codes.length ? db.selectFrom('svc_items').selectAll().where('code', 'in', codes).execute() : Promise.resolve([]);

export const findItemsById = (db: Db, ids: readonly string[]) =>
  ids.length ? db.selectFrom('svc_items').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);

export const lockItem = (db: Tx, id: string, dialect: DialectName) => {
  const q = db.selectFrom('svc_items').selectAll().where('id', '=', id);
  return (dialect === 'postgres' ? q.forUpdate() : q).executeTakeFirst();
};

export const insertItems = (db: Db, rows: ReadonlyArray<Insertable<ServicesTables['svc_items']>>) =>
  insertRows(db, 'svc_items', rows);

export const updateItem = (db: Db, id: string, patch: Updateable<ServicesTables['svc_items']>) =>
  db.updateTable('svc_items').set(patch).where('id', '=', id).execute();

export const deleteItem = (db: Db, id: string) => db.deleteFrom('svc_items').where('id', '=', id).execute();

export const hasChildren = async (db: Db, id: string) =>
  !!(await db.selectFrom('svc_items').select('id').where('parent_id', '=', id).limit(1).executeTakeFirst());

export const insertVersions = (db: Db, rows: ReadonlyArray<Insertable<ServicesTables['svc_item_versions']>>) =>
  insertRows(db, 'svc_item_versions', rows);

export const listVersions = (db: Db, itemId: string) =>
  db
    .selectFrom('svc_item_versions')
    .select(['version', 'note', 'published_at', 'published_by'])
    .where('item_id', '=', itemId)
    .orderBy('version', 'desc')
    .execute();

export const findVersion = (db: Db, itemId: string, version: number) =>
  db
    .selectFrom('svc_item_versions')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('version', '=', version)
    .executeTakeFirst();

export interface ItemFilter {
  q?: string;
  department?: string;
  status?: string;
  level?: string;
  limit: number;
  offset: number;
}

export async function listItems(db: Db, f: ItemFilter): Promise<{ rows: ItemRecord[]; total: number }> {
  let q = db.selectFrom('svc_items');
  if (f.department) q = q.where('department_id', '=', f.department);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.level) q = q.where('level', '=', f.level);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('name', 'like', like), eb('code', 'like', like)]));
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('code').limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(total.n) };
}

/** Every item (for the export), in code order. */
export const allItems = (db: Db) => db.selectFrom('svc_items').selectAll().orderBy('code').execute();

/** The latest published guide of every item, for the export. */
export const latestVersions = (db: Db) =>
  db
    .selectFrom('svc_item_versions as v')
    .innerJoin('svc_items as i', (j) => j.onRef('i.id', '=', 'v.item_id').onRef('i.version', '=', 'v.version'))
    .select(['v.item_id', 'v.version', 'v.guide'])
    .execute();

export const countItems = async (db: Db) =>
  Number(
    (
      await db
        .selectFrom('svc_items')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
