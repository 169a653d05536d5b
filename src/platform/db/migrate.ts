import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { dialectOf } from './columns';
import * as m0001 from './migrations/0001_platform';
import * as m0002 from './migrations/0002_identity_geography';
import * as m0003 from './migrations/0003_orders';

/** Every migration, in order. One list for SQLite and PostgreSQL. */
const MIGRATIONS: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_identity_geography': m0002,
  '0003_orders': m0003,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema up to date. Kysely's migrator locks, so concurrent nodes are safe. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // Kysely looks for its migration tables in every schema it can see; on PostgreSQL, pin them to
  // our own (search_path) schema, or another schema's tables (a second install, a parallel test)
  // are taken for ours and migrating this one fails with 'kysely_migration_lock does not exist'.
  const migrationTableSchema = dialectOf(db) === 'postgres'
    ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
    : undefined;
  const migrator = new Migrator({ db, provider, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
