import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m0001 from './migrations/0001_platform';
import * as m0002 from './migrations/0002_identity_geography';

/** Every migration, in order. One list for SQLite and PostgreSQL. */
const MIGRATIONS: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_identity_geography': m0002,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema up to date. Kysely's migrator locks, so concurrent nodes are safe. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
