/** The city brain's migrations, in the platform's one global numbering. */
import type { Migration } from 'kysely';
import * as m0017 from './0017_brain_video';

export const brainMigrations: Record<string, Migration> = {
  '0017_brain_video': m0017,
};
