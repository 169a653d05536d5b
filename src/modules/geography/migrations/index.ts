/** The geography module's migrations (its first tables were created by identity's 0002). */
import type { Migration } from 'kysely';
import * as m0009 from './0009_gazetteer';

export const geographyMigrations: Record<string, Migration> = {
  '0009_gazetteer': m0009,
};
