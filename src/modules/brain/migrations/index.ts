/** The city brain's migrations, in the platform's one global numbering. */
import type { Migration } from 'kysely';
import * as m0017 from './0017_brain_video';
import * as m0021 from './0021_brain_devices';
import * as m0022 from './0022_brain_datasets';

export const brainMigrations: Record<string, Migration> = {
  '0017_brain_video': m0017,
  '0021_brain_devices': m0021,
  '0022_brain_datasets': m0022,
};
