import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { dialectOf } from './columns';
import { withScopedIntrospection } from './scoped-introspection';
import * as m0001 from './migrations/0001_platform';
import * as m0002 from './migrations/0002_identity_geography';
import * as m0003 from './migrations/0003_orders';
import * as m0004 from './migrations/0004_order_metrics';
import * as m0005 from './migrations/0005_orders_indexes';
import * as m0006 from './migrations/0006_orders_text_search';
import * as m0007 from './migrations/0007_unit_notices';
import * as m0008 from './migrations/0008_duplicate_candidates';

/** Every migration, in order. One list for SQLite and PostgreSQL. */
const MIGRATIONS: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_identity_geography': m0002,
  '0003_orders': m0003,
  '0004_order_metrics': m0004,
  '0005_orders_indexes': m0005,
  '0006_orders_text_search': m0006,
  '0007_unit_notices': m0007,
  '0008_duplicate_candidates': m0008,
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
  const run = async (conn: Kysely<any>) => {
    const migrator = new Migrator({
      db: migrationTableSchema ? withScopedIntrospection(conn, migrationTableSchema) : conn,
      provider, ...(migrationTableSchema ? { migrationTableSchema } : {}),
    });
    const { error, results } = await migrator.migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error(String(error));
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  };
  if (dialectOf(db) === 'postgres') return run(db);
  // SQLite: Kysely takes no lock and runs DDL outside a transaction. Two nodes starting together
  // would both apply the same migration; BEGIN IMMEDIATE makes the second wait for the first
  // (busy_timeout) and then find the schema up to date. A failed migration rolls back whole.
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const done = await run(conn);
      await sql`commit`.execute(conn);
      return done;
    } catch (e) {
      await sql`rollback`.execute(conn).catch(() => {});
      throw e;
    }
  });
}
