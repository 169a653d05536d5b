/** The SQL of flight statistics: the compact rows of flights sent to a dock in a period. */
import type { Kysely } from 'kysely';
import type { DB } from '../../../schema';
import type { FlightFact } from './stats';

export const flightFacts = (db: Kysely<DB>, from: number, to: number): Promise<FlightFact[]> =>
  db
    .selectFrom('drone_flights')
    .select(['dock_sn', 'scenario', 'org_id', 'execute_at', 'state', 'flown_s', 'flown_m'])
    .where('execute_at', '>=', from)
    .where('execute_at', '<', to)
    // planned and canceled flights were never missions
    .where('state', 'not in', ['planned', 'canceled'])
    .execute();
