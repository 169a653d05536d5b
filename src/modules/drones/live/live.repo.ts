/** The SQL of live video: the live_* commands sent to a dock (drone_commands, correlated by tid). */
import type { Kysely } from 'kysely';
import type { DB } from '../../../schema';

export const LIVE_METHODS = ['live_start_push', 'live_stop_push', 'live_set_quality', 'live_lens_change'] as const;

/** The latest live commands to a dock, newest first (every attempt is a row; retries share first_tid). */
export const liveCommands = (db: Kysely<DB>, gatewaySn: string) =>
  db
    .selectFrom('drone_commands')
    .select(['tid', 'first_tid', 'bid', 'method', 'data', 'status', 'attempt', 'result_code', 'sent_at', 'replied_at'])
    .where('gateway_sn', '=', gatewaySn)
    .where('method', 'in', [...LIVE_METHODS])
    .orderBy('sent_at', 'desc')
    // the bid is a sortable id made per command: the later of two sent in one millisecond first
    .orderBy('bid', 'desc')
    .orderBy('attempt', 'desc')
    .limit(200)
    .execute();

/** Every attempt of one command (DockCommands resends without a reply, each with a new tid). */
export const commandAttempts = (db: Kysely<DB>, firstTid: string) =>
  db
    .selectFrom('drone_commands')
    .select(['tid', 'status', 'attempt', 'result_code', 'replied_at'])
    .where('first_tid', '=', firstTid)
    .orderBy('attempt', 'desc')
    .execute();
