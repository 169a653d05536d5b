import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { dialectOf } from './columns';
import { withScopedIntrospection } from './scoped-introspection';
import * as m0001 from './migrations/0001_platform';

/** The platform's own migrations (sessions, audit, events, jobs, calendar, files …). */
export const platformMigrations: Record<string, Migration> = { '0001_platform': m0001 };

/**
 * Brings the schema up to date with `migrations` — the platform's and every module's, one global
 * numbering (src/migrations.ts collects them). Kysely runs them in name order.
 */
export async function migrateToLatest(db: Kysely<any>, migrations: Record<string, Migration>): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  // Kysely looks for its migration tables in every schema it can see; on PostgreSQL, pin them to
  // our own (search_path) schema, or another schema's tables (a second install, a parallel test)
  // are taken for ours and migrating this one fails with 'kysely_migration_lock does not exist'.
  const migrationTableSchema =
    dialectOf(db) === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
      : undefined;
  const run = async (conn: Kysely<any>) => {
    const migrator = new Migrator({
      db: migrationTableSchema ? withScopedIntrospection(conn, migrationTableSchema) : conn,
      provider,
      ...(migrationTableSchema ? { migrationTableSchema } : {}),
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
