/** The SQL of priority upload: an emergency flight, its media count, the prioritize command sent. */
import type { Kysely } from 'kysely';
import type { Tx } from '../../../platform/db/connect';
import type { DB } from '../../../schema';

type Db = Kysely<DB> | Tx;
export const PRIORITIZE = 'upload_flighttask_media_prioritize';

export const flightForMedia = (db: Db, id: string) =>
  db
    .selectFrom('drone_flights')
    .select(['id', 'kind', 'state', 'dock_sn', 'executed_at', 'media_count'])
    .where('id', '=', id)
    .executeTakeFirst();

export const uploadedOfFlight = async (db: Db, id: string) =>
  Number(
    (
      await db
        .selectFrom('drone_media')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('flight_id', '=', id)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** The prioritize command of a flight, its latest attempt (DockCommands resends with new tids). */
export const prioritizeOf = (db: Db, flightId: string) =>
  db
    .selectFrom('drone_commands')
    .select(['tid', 'first_tid', 'status', 'attempt', 'result_code', 'sent_at', 'replied_at'])
    .where('bid', '=', flightId)
    .where('method', '=', PRIORITIZE)
    .orderBy('sent_at', 'desc')
    .orderBy('attempt', 'desc')
    .executeTakeFirst();
