/**
 * Identity's migrations. 0002 also creates geography's tables (geo_areas, geo_places): it was
 * written before the modules had migrations of their own, and an applied migration keeps its name
 * and contents. Geography's later migrations go in its own folder.
 */
import type { Migration } from 'kysely';
import * as m0002 from './0002_identity_geography';
import * as m0011 from './0011_user_extension';

export const identityMigrations: Record<string, Migration> = {
  '0002_identity_geography': m0002,
  '0011_user_extension': m0011,
};
