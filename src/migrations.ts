/**
 * Every migration of the app: the platform's and each module's, in one global numbering. The
 * platform runs what it is given; the modules own their migrations (modules/<m>/migrations/).
 */
import type { Kysely, Migration } from 'kysely';
import { migrateToLatest, platformMigrations } from './platform/db/migrate';
import { identityMigrations } from './modules/identity/migrations';
import { ordersMigrations } from './modules/orders/migrations';
import { geographyMigrations } from './modules/geography/migrations';
import { dronesMigrations } from './modules/drones/migrations';
import { servicesMigrations } from './modules/services/migrations';
import { brainMigrations } from './modules/brain/migrations';

function collect(...lists: Array<Record<string, Migration>>): Record<string, Migration> {
  const all: Record<string, Migration> = {};
  const numbers = new Set<string>();
  for (const list of lists) {
    for (const [name, m] of Object.entries(list)) {
      const n = name.slice(0, 4);
      // two modules taking the same number would run in an order nobody chose
      if (numbers.has(n)) throw new Error(`migration number ${n} is used twice (${name})`);
      numbers.add(n);
      all[name] = m;
    }
  }
  return all;
}

export const ALL_MIGRATIONS = collect(
  platformMigrations,
  identityMigrations,
  ordersMigrations,
  geographyMigrations,
  dronesMigrations,
  servicesMigrations,
  brainMigrations,
);

/** Brings the database up to date with every migration; returns the names applied now. */
export const migrateAll = (db: Kysely<any>): Promise<string[]> => migrateToLatest(db, ALL_MIGRATIONS);
