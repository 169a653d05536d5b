import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../../../platform/db/columns';

/**
 * Substring search over orders' titles and addresses (the workbenches' search box) by trigrams,
 * so a rare term is found through an index instead of a scan of every order, newest first
 * (bench/workbench.bench.ts: "加装电梯" over 1,000,000 orders).
 *
 * SQLite: an FTS5 table with the trigram tokenizer over `orders` (external content, kept in
 *   step by triggers on every write path, the bulk history loader's too). Terms of 3 or more
 *   characters; shorter ones are served by the scan (queries/queries.repo.ts).
 * PostgreSQL: pg_trgm GIN indexes under the same LIKE the query already uses; the planner picks
 *   them for rare terms. pg_trgm ships with PostgreSQL (contrib) and is a trusted extension; where
 *   it cannot be created (no contrib package, no CREATE right), search keeps working by scan and
 *   the migration says so in the log.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    await sql`create virtual table orders_text using fts5(title, address, content='orders', content_rowid='rowid', tokenize='trigram')`.execute(
      db,
    );
    await sql`create trigger orders_text_insert after insert on orders begin
      insert into orders_text(rowid, title, address) values (new.rowid, new.title, new.address);
    end`.execute(db);
    await sql`create trigger orders_text_delete after delete on orders begin
      insert into orders_text(orders_text, rowid, title, address) values ('delete', old.rowid, old.title, old.address);
    end`.execute(db);
    await sql`create trigger orders_text_update after update of title, address on orders begin
      insert into orders_text(orders_text, rowid, title, address) values ('delete', old.rowid, old.title, old.address);
      insert into orders_text(rowid, title, address) values (new.rowid, new.title, new.address);
    end`.execute(db);
    await sql`insert into orders_text(orders_text) values ('rebuild')`.execute(db);
    return;
  }
  // extensions are per database while installs (and tests) live in schemas: one creation at a time
  await sql`select pg_advisory_xact_lock(hashtext('yiwang:pg_trgm'))`.execute(db);
  const schema = await trgmSchema(db);
  if (!schema) {
    console.warn('[yiwang] pg_trgm is not available: order text search will scan instead of using a trigram index');
    return;
  }
  const opclass = sql.raw(`"${schema.replace(/"/g, '""')}".gin_trgm_ops`);
  await sql`create index orders_title_trgm on orders using gin (title ${opclass})`.execute(db);
  await sql`create index orders_address_trgm on orders using gin (address ${opclass})`.execute(db);
}

/**
 * The schema pg_trgm lives in, creating it when it is available and we may: in `public` where we
 * can create there (PostgreSQL 15 no longer lets every user), else in our own schema. A refusal is
 * caught inside a savepoint, so the migration goes on without the index.
 */
async function trgmSchema(db: Kysely<any>): Promise<string | null> {
  const installed = async () =>
    (
      await sql<{
        s: string;
      }>`select n.nspname as s from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(
        db,
      )
    ).rows[0]?.s ?? null;
  const found = await installed();
  if (found) return found;
  const where =
    (
      await sql<{ s: string | null }>`select case
      when not exists (select 1 from pg_available_extensions where name = 'pg_trgm') then null
      when not has_database_privilege(current_database(), 'CREATE') then null
      when exists (select 1 from pg_namespace where nspname = 'public') and has_schema_privilege('public', 'CREATE') then 'public'
      when has_schema_privilege(current_schema(), 'CREATE') then current_schema()
    end as s`.execute(db)
    ).rows[0]?.s ?? null;
  if (!where) return null;
  await sql`savepoint yw_trgm`.execute(db);
  try {
    await sql`create extension if not exists pg_trgm schema ${sql.id(where)}`.execute(db);
    await sql`release savepoint yw_trgm`.execute(db);
  } catch (err) {
    await sql`rollback to savepoint yw_trgm`.execute(db);
    console.warn(`[yiwang] could not create pg_trgm (${(err as Error).message})`);
    return null;
  }
  return installed();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    for (const t of ['orders_text_insert', 'orders_text_delete', 'orders_text_update'])
      await sql`drop trigger if exists ${sql.raw(t)}`.execute(db);
    await sql`drop table if exists orders_text`.execute(db);
    return;
  }
  await sql`drop index if exists orders_title_trgm`.execute(db);
  await sql`drop index if exists orders_address_trgm`.execute(db);
}
