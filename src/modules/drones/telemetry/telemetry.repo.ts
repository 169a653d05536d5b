/** The write-behind SQL of telemetry: the latest state per device and the kept track points. */
import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../../schema';
import type { DronesTables } from '../tables';

/** Rows per statement: far under SQLite's 32,766 bound parameters (track points have 10 columns). */
const CHUNK = 500;

/**
 * One flush in one transaction: the changed devices' state as multi-row upserts and the points
 * (duplicates by sn + at ignored: every node writes what it saw). One commit instead of one per
 * device — on SQLite with synchronous=FULL each commit is an fsync that holds the event loop.
 */
export async function writeTelemetry(
  db: Kysely<DB>,
  latest: readonly { sn: string; telemetry: string; at: number }[],
  points: readonly Insertable<DronesTables['drone_track_points']>[],
): Promise<void> {
  if (latest.length === 0 && points.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < latest.length; i += CHUNK)
      await trx
        .insertInto('drone_telemetry')
        .values(latest.slice(i, i + CHUNK).map((l) => ({ sn: l.sn, telemetry: l.telemetry, updated_at: l.at })))
        .onConflict((oc) =>
          oc.column('sn').doUpdateSet((eb) => ({
            telemetry: eb.ref('excluded.telemetry'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    for (let i = 0; i < points.length; i += CHUNK)
      await trx
        .insertInto('drone_track_points')
        .values(points.slice(i, i + CHUNK))
        .onConflict((oc) => oc.columns(['sn', 'at']).doNothing())
        .execute();
  });
}

/** Devices' last-seen instants, written together in one transaction (every 15 s for every device heard). */
export async function writeLastSeen(db: Kysely<DB>, seen: readonly { sn: string; at: number }[]): Promise<void> {
  if (seen.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const { sn, at } of seen)
      await trx.updateTable('drone_devices').set({ last_seen_at: at }).where('sn', '=', sn).execute();
  });
}
