/** The drones module's migrations, in the platform's one global numbering. */
import type { Migration } from 'kysely';
import * as m0012 from './0012_drones_devices';
import * as m0013 from './0013_drones_geofences';
import * as m0014 from './0014_drones_schedules';
import * as m0016 from './0016_drones_stats_indexes';

export const dronesMigrations: Record<string, Migration> = {
  '0012_drones_devices': m0012,
  '0013_drones_geofences': m0013,
  '0014_drones_schedules': m0014,
  '0016_drones_stats_indexes': m0016,
};
