/** All SQL of the IoT device registry, its readings and its refusal counters; both dialects. */
import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { Tx } from '../../../platform/db/connect';
import type { DB } from '../../../schema';
import type { BrainTables } from '../tables';
import { onlineSince } from './model/presence';
import { DEVICE_TYPES } from './model/reading-types';

type Db = Kysely<DB> | Tx;
export type DeviceRow = Selectable<BrainTables['brain_devices']>;
export type DeviceInsert = Insertable<BrainTables['brain_devices']>;
export type ReadingInsert = Insertable<BrainTables['brain_device_readings']>;

export interface DeviceFilter {
  type?: string;
  community?: string;
  status?: 'online' | 'offline';
  service?: string;
  q?: string;
}

const likeText = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filtered(db: Db, f: DeviceFilter, now: number) {
  let q = db.selectFrom('brain_devices');
  if (f.type) q = q.where('type', '=', f.type);
  if (f.community) q = q.where('community_code', '=', f.community);
  if (f.service) q = q.where('status', '=', f.service);
  if (f.status) {
    // online: in service and seen within its type's window (model/presence)
    const since = onlineSince(now);
    const online = sql<boolean>`(status <> 'retired' and last_seen is not null and (${sql.join(
      DEVICE_TYPES.map((t) => sql`(type = ${t} and last_seen >= ${since[t]})`),
      sql` or `,
    )}))`;
    q = f.status === 'online' ? q.where(online) : q.where(sql<boolean>`not ${online}`);
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

export async function listDevices(db: Db, f: DeviceFilter, now: number, limit: number, after?: string) {
  let q = filtered(db, f, now).selectAll();
  if (after) q = q.where('id', '>', after);
  return q.orderBy('id').limit(limit).execute();
}

export async function countDevices(db: Db, f: DeviceFilter, now: number): Promise<number> {
  const r = await filtered(db, f, now)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** What the online rate needs of every device (optionally of one community). */
export function presenceRows(db: Db, community?: string) {
  let q = db.selectFrom('brain_devices').select(['type', 'status', 'last_seen']);
  if (community) q = q.where('community_code', '=', community);
  return q.execute();
}

export const findDevice = (db: Db, id: string) =>
  db.selectFrom('brain_devices').selectAll().where('id', '=', id).executeTakeFirst();

/** The devices of a batch of readings: what checking them needs. */
export async function devicesForReadings(db: Db, ids: readonly string[]) {
  const out: Pick<DeviceRow, 'id' | 'type' | 'status' | 'last_reading_at'>[] = [];
  for (let i = 0; i < ids.length; i += 500)
    out.push(
      ...(await db
        .selectFrom('brain_devices')
        .select(['id', 'type', 'status', 'last_reading_at'])
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  return out;
}

export const insertDevice = (db: Db, row: DeviceInsert) => db.insertInto('brain_devices').values(row).execute();
export const updateDevice = (db: Db, id: string, patch: Updateable<BrainTables['brain_devices']>) =>
  db.updateTable('brain_devices').set(patch).where('id', '=', id).execute();

export async function deleteDevice(db: Db, id: string): Promise<void> {
  await db.deleteFrom('brain_device_readings').where('device_id', '=', id).execute();
  await db.deleteFrom('brain_device_rejects').where('device_id', '=', id).execute();
  await db.deleteFrom('brain_devices').where('id', '=', id).execute();
}

/** Accepted readings; a repeat of the same device and instant is the same reading (kept once). */
export async function insertReadings(db: Db, rows: readonly ReadingInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 400)
    await db
      .insertInto('brain_device_readings')
      .values(rows.slice(i, i + 400))
      .onConflict((oc) => oc.columns(['device_id', 'at']).doNothing())
      .execute();
}

/** The latest state: the reading replaces the last one only if it is newer; last seen moves on regardless. */
export async function recordLatest(
  db: Db,
  id: string,
  latest: { at: number; data: string } | null,
  seen: number,
): Promise<void> {
  if (latest)
    await db
      .updateTable('brain_devices')
      .set({ last_reading: latest.data, last_reading_at: latest.at })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('last_reading_at', 'is', null), eb('last_reading_at', '<=', latest.at)]))
      .execute();
  await db
    .updateTable('brain_devices')
    .set({ last_seen: seen })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_seen', 'is', null), eb('last_seen', '<', seen)]))
    .execute();
}

export const recentReadings = (db: Db, id: string, limit: number) =>
  db
    .selectFrom('brain_device_readings')
    .select(['at', 'data', 'received_at'])
    .where('device_id', '=', id)
    .orderBy('at', 'desc')
    .limit(limit)
    .execute();

export interface RejectCountInsert {
  device_id: string;
  reason: string;
  rejected: number;
  last_at: number;
  last_message: string;
}

/** Adds to the refusal counters (one row per device and reason). */
export async function addRejects(db: Db, rows: readonly RejectCountInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 400)
    await db
      .insertInto('brain_device_rejects')
      .values(rows.slice(i, i + 400))
      .onConflict((oc) =>
        oc.columns(['device_id', 'reason']).doUpdateSet((eb) => ({
          rejected: sql`brain_device_rejects.rejected + ${eb.ref('excluded.rejected')}`,
          last_at: eb.ref('excluded.last_at'),
          last_message: eb.ref('excluded.last_message'),
        })),
      )
      .execute();
}

export const rejectsOf = (db: Db, id: string) =>
  db
    .selectFrom('brain_device_rejects')
    .select(['reason', 'rejected', 'last_at', 'last_message'])
    .where('device_id', '=', id)
    .orderBy('reason')
    .execute();
