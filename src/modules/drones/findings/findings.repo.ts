/** All SQL of AI findings. */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Tx } from '../../../platform/db/connect';
import type { DB } from '../../../schema';
import type { DronesTables } from '../tables';

type Db = Kysely<DB> | Tx;
export type FindingRow = Selectable<DronesTables['drone_findings']>;

export const insertFinding = (db: Db, row: Insertable<DronesTables['drone_findings']>) =>
  db.insertInto('drone_findings').values(row).execute();
export const findFinding = (db: Db, id: string) =>
  db.selectFrom('drone_findings').selectAll().where('id', '=', id).executeTakeFirst();
export const findByExternal = (db: Db, source: string, externalId: string) =>
  db
    .selectFrom('drone_findings')
    .selectAll()
    .where('source', '=', source)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
export const lockFinding = (db: Tx, id: string, dialect: 'sqlite' | 'postgres') => {
  const q = db.selectFrom('drone_findings').selectAll().where('id', '=', id);
  return (dialect === 'postgres' ? q.forUpdate() : q).executeTakeFirst();
};
export const updateFinding = (db: Db, id: string, patch: Updateable<DronesTables['drone_findings']>) =>
  db.updateTable('drone_findings').set(patch).where('id', '=', id).execute();

/** Open findings (pending or confirmed) of an algorithm near a point: candidates a new one may repeat. */
export const openNear = (db: Db, algorithm: string, lng: number, lat: number, since: number) =>
  db
    .selectFrom('drone_findings')
    .select(['id', 'algorithm', 'lng', 'lat', 'created_at'])
    .where('algorithm', '=', algorithm)
    .where('status', 'in', ['pending', 'confirmed'])
    .where('created_at', '>=', since)
    .where('lat', '>=', lat - 0.001)
    .where('lat', '<=', lat + 0.001)
    .where('lng', '>=', lng - 0.0011)
    .where('lng', '<=', lng + 0.0011)
    .execute();

export function listFindings(db: Db, f: { status?: string; limit: number }) {
  let q = db.selectFrom('drone_findings').selectAll();
  if (f.status) q = q.where('status', '=', f.status);
  return q.orderBy('created_at', 'desc').limit(f.limit).execute();
}
