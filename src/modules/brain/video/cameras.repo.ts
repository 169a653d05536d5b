/** All SQL of the camera registry, its groups and the synced devices; both dialects. */
import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { Tx } from '../../../platform/db/connect';
import type { DB } from '../../../schema';
import type { BrainTables } from '../tables';

type Db = Kysely<DB> | Tx;
export type CameraRow = Selectable<BrainTables['brain_cameras']>;
export type CameraInsert = Insertable<BrainTables['brain_cameras']>;
export type GroupRow = Selectable<BrainTables['brain_video_groups']>;
export type DeviceRow = Selectable<BrainTables['brain_video_devices']>;

export interface CameraFilter {
  community?: string;
  kind?: 'ptz' | 'fixed';
  typeCode?: string;
  status?: 'online' | 'offline';
  q?: string;
  bbox?: [number, number, number, number];
  civil?: string;
  group?: string;
}

/** `%`, `_` and `\` typed by someone are matched as themselves. */
const likeText = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filtered(db: Db, f: CameraFilter) {
  let q = db.selectFrom('brain_cameras');
  if (f.community) q = q.where('community_code', '=', f.community);
  if (f.kind) q = q.where('ptz', '=', f.kind === 'ptz' ? 1 : 0);
  if (f.typeCode) q = q.where('type_code', '=', f.typeCode);
  if (f.status) q = q.where('online', '=', f.status === 'online' ? 1 : 0);
  if (f.civil) q = q.where('civil_code', 'like', `${f.civil}%`);
  if (f.group) q = q.where('group_id', '=', f.group);
  if (f.bbox) {
    const [minLng, minLat, maxLng, maxLat] = f.bbox;
    q = q.where('lng', '>=', minLng).where('lng', '<=', maxLng).where('lat', '>=', minLat).where('lat', '<=', maxLat);
  }
  if (f.q) {
    const pattern = likeText(f.q);
    q = q.where((eb) =>
      eb.or([
        eb(sql`name`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`id`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`address`, 'like', sql`${pattern} escape '\\'`),
      ]),
    );
  }
  return q;
}

export async function listCameras(db: Db, f: CameraFilter, limit: number, after: string | undefined) {
  let q = filtered(db, f).selectAll();
  if (after) q = q.where('id', '>', after);
  return q.orderBy('id').limit(limit).execute();
}

export async function countCameras(db: Db, f: CameraFilter): Promise<number> {
  const r = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export const mapPoints = (db: Db, f: CameraFilter) =>
  filtered(db, f)
    .select(['id', 'name', 'lng', 'lat', 'ptz', 'online', 'direction', 'community_code'])
    .orderBy('id')
    .execute();

export const allCameras = (db: Db) => db.selectFrom('brain_cameras').selectAll().execute();

export const findCamera = (db: Db, id: string) =>
  db.selectFrom('brain_cameras').selectAll().where('id', '=', id).executeTakeFirst();

export async function findCameras(db: Db, ids: readonly string[]): Promise<CameraRow[]> {
  const out: CameraRow[] = [];
  for (let i = 0; i < ids.length; i += 500)
    out.push(
      ...(await db
        .selectFrom('brain_cameras')
        .selectAll()
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  return out;
}

export const insertCamera = (db: Db, row: CameraInsert) => db.insertInto('brain_cameras').values(row).execute();
export const updateCamera = (db: Db, id: string, patch: Updateable<BrainTables['brain_cameras']>) =>
  db.updateTable('brain_cameras').set(patch).where('id', '=', id).execute();
export const deleteCamera = (db: Db, id: string) => db.deleteFrom('brain_cameras').where('id', '=', id).execute();

/** Multi-row upserts by id (an import, a sync): every column but created_at takes the new value. */
export async function upsertCameras(db: Db, rows: readonly CameraInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) {
    await db
      .insertInto('brain_cameras')
      .values(rows.slice(i, i + 400))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          device_id: eb.ref('excluded.device_id'),
          civil_code: eb.ref('excluded.civil_code'),
          group_id: eb.ref('excluded.group_id'),
          industry_code: eb.ref('excluded.industry_code'),
          type_code: eb.ref('excluded.type_code'),
          lng: eb.ref('excluded.lng'),
          lat: eb.ref('excluded.lat'),
          community_code: eb.ref('excluded.community_code'),
          org_id: eb.ref('excluded.org_id'),
          ptz: eb.ref('excluded.ptz'),
          direction: eb.ref('excluded.direction'),
          online: eb.ref('excluded.online'),
          status_changed_at: eb.ref('excluded.status_changed_at'),
          address: eb.ref('excluded.address'),
          source: eb.ref('excluded.source'),
          demo: eb.ref('excluded.demo'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

/** Camera and online counts per 行政区划 code and per group (the channel tree). */
export const countsByCivil = (db: Db) =>
  db
    .selectFrom('brain_cameras')
    .select((eb) => ['civil_code', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('online').as('up')])
    .groupBy('civil_code')
    .execute();
export const countsByGroup = (db: Db) =>
  db
    .selectFrom('brain_cameras')
    .select((eb) => ['group_id', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('online').as('up')])
    .groupBy('group_id')
    .execute();

export const listGroups = (db: Db) => db.selectFrom('brain_video_groups').selectAll().orderBy('id').execute();
export const findGroup = (db: Db, id: string) =>
  db.selectFrom('brain_video_groups').selectAll().where('id', '=', id).executeTakeFirst();
export const deleteGroup = (db: Db, id: string) => db.deleteFrom('brain_video_groups').where('id', '=', id).execute();
export const camerasInGroup = async (db: Db, id: string) =>
  Number(
    (
      await db
        .selectFrom('brain_cameras')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('group_id', '=', id)
        .executeTakeFirstOrThrow()
    ).n,
  );
export const childGroups = (db: Db, id: string) =>
  db.selectFrom('brain_video_groups').select('id').where('parent_id', '=', id).execute();

export async function upsertGroups(db: Db, rows: readonly Insertable<BrainTables['brain_video_groups']>[]) {
  for (let i = 0; i < rows.length; i += 400)
    await db
      .insertInto('brain_video_groups')
      .values(rows.slice(i, i + 400))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          kind: eb.ref('excluded.kind'),
          parent_id: eb.ref('excluded.parent_id'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
}

export const listDevices = (db: Db) => db.selectFrom('brain_video_devices').selectAll().execute();

export async function upsertDevices(db: Db, rows: readonly Insertable<BrainTables['brain_video_devices']>[]) {
  for (let i = 0; i < rows.length; i += 400)
    await db
      .insertInto('brain_video_devices')
      .values(rows.slice(i, i + 400))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          type_code: eb.ref('excluded.type_code'),
          manufacturer: eb.ref('excluded.manufacturer'),
          online: eb.ref('excluded.online'),
          channel_count: eb.ref('excluded.channel_count'),
          synced_at: eb.ref('excluded.synced_at'),
          status_changed_at: eb.ref('excluded.status_changed_at'),
        })),
      )
      .execute();
}
