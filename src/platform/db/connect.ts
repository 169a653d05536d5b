import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import type { DB } from '../../schema';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  /** Checks the connection answers; used by /api/health. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export type Tx = Transaction<DB>;
export type Queryable = Kysely<DB> | Tx;

// int8 and numeric come back as strings from pg by default; our instants and counters fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export interface ConnectOptions {
  databaseUrl: string | null;
  dataDir: string;
  /** PostgreSQL schema to use (tests give each run its own). */
  pgSchema?: string;
  poolSize?: number;
}

export function openSqlite(file: string): SQLite.Database {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 10000');
  // SQLite's default page cache is 2 MB: far less than the orders table's indexes, so every
  // write would re-read index pages from the OS. 64 MB per connection (the app holds one).
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = memory');
  return sqlite;
}

/**
 * better-sqlite3 behind Kysely, keeping prepared statements (least recently used out past `max`).
 * Kysely's driver prepares every query anew; compiling the SQL again is most of a small query's
 * cost. One connection runs one statement at a time (Kysely's mutex), so sharing them is safe.
 */
function keepingStatements(sqlite: SQLite.Database, max = 500) {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string): SQLite.Statement {
      let st = kept.get(text);
      if (st) {
        kept.delete(text);
      } else {
        st = sqlite.prepare(text);
        if (kept.size >= max) kept.delete(kept.keys().next().value as string);
      }
      kept.set(text, st);
      return st;
    },
  };
}

export function connect(opts: ConnectOptions): Database {
  if (opts.databaseUrl) {
    const schema = opts.pgSchema;
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      // an unreachable database must answer health checks with 503 quickly, not hang them
      connectionTimeoutMillis: 5000,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    // An idle client losing its connection must not crash the process; the pool replaces it.
    pool.on('error', () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: 'postgres',
      ping: async () => {
        try {
          await pool.query('select 1');
          return true;
        } catch {
          return false;
        }
      },
      close: () => db.destroy(),
    };
  }
  mkdirSync(opts.dataDir, { recursive: true });
  const sqlite = openSqlite(join(opts.dataDir, 'yiwang.db'));
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: keepingStatements(sqlite) }) });
  return {
    db,
    dialect: 'sqlite',
    ping: async () => {
      try {
        sqlite.prepare('select 1').get();
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      await db.destroy();
    },
  };
}
