import { CompiledQuery, type Insertable } from 'kysely';
import type { DB } from '../../schema';
import { dialectOf } from './columns';
import type { Queryable } from './connect';

/**
 * Inserts for the hot write paths (intake, timeline, outbox, jobs, audit) with their SQL text
 * kept per table and column set. Kysely builds and compiles a wide INSERT anew on every call —
 * for the 60-column orders row that costs more than SQLite's own work for it. The values reach
 * the driver exactly as Kysely would pass them; the statement text is what Kysely would compile
 * (quoted identifiers, positional parameters), so behaviour does not change, only the cost.
 */

const IDENT = /^[a-z_][a-z0-9_]*$/;
const texts = new Map<string, string>();

function insertText(pg: boolean, table: string, cols: readonly string[], rows: number, suffix: string): string {
  const key = `${pg ? 'p' : 's'}|${table}|${cols.join(',')}|${rows}|${suffix}`;
  let text = texts.get(key);
  if (text === undefined) {
    for (const name of [table, ...cols]) if (!IDENT.test(name)) throw new Error(`not a plain identifier: ${name}`);
    let n = 0;
    const tuple = () => `(${cols.map(() => (pg ? `$${++n}` : '?')).join(', ')})`;
    text = `insert into "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) values ${Array.from({ length: rows }, tuple).join(', ')}${suffix}`;
    // shapes are few (tables × column sets × batch sizes); the bound only guards against misuse
    if (texts.size > 2000) texts.clear();
    texts.set(key, text);
  }
  return text;
}

/** The columns a row sets: undefined means "not given" (the column's default), as in Kysely. */
function columnsOf(row: Record<string, unknown>): string[] {
  const cols: string[] = [];
  for (const k in row) if (row[k] !== undefined) cols.push(k);
  return cols;
}

export interface InsertOptions {
  /** `on conflict (<column>) do nothing`: the row is skipped when the unique column already holds its value. */
  ignoreConflictOn?: string;
}

/** INSERT one row. */
export async function insertRow<T extends keyof DB & string>(
  db: Queryable,
  table: T,
  row: Insertable<DB[T]>,
  opts: InsertOptions = {},
): Promise<void> {
  await insertRows(db, table, [row], opts);
}

/**
 * INSERT rows of the same column set, in statements of 64, 32, 16 … 1 rows: few distinct
 * statement texts (SQLite keeps 500 prepared; a text per row count would churn them).
 */
export async function insertRows<T extends keyof DB & string>(
  db: Queryable,
  table: T,
  rows: ReadonlyArray<Insertable<DB[T]>>,
  opts: InsertOptions = {},
): Promise<void> {
  for (let i = 0; i < rows.length; ) {
    let size = MAX_ROWS;
    while (size > rows.length - i) size >>= 1;
    await insertChunk(db, table, rows.slice(i, i + size), opts);
    i += size;
  }
}

/** The largest statement: 64 rows × the widest appended row stays far below SQLite's 32,766 parameters. */
const MAX_ROWS = 64;

async function insertChunk<T extends keyof DB & string>(
  db: Queryable,
  table: T,
  rows: ReadonlyArray<Insertable<DB[T]>>,
  opts: InsertOptions,
): Promise<void> {
  const first = rows[0] as Record<string, unknown>;
  const cols = columnsOf(first);
  const values: unknown[] = [];
  for (const r of rows as ReadonlyArray<Record<string, unknown>>) {
    for (const c of cols) {
      const v = r[c];
      values.push(v === undefined ? null : v);
    }
  }
  const conflict = opts.ignoreConflictOn;
  if (conflict !== undefined && !IDENT.test(conflict)) throw new Error(`not a plain identifier: ${conflict}`);
  const suffix = conflict ? ` on conflict ("${conflict}") do nothing` : '';
  const text = insertText(dialectOf(db as never) === 'postgres', table, cols, rows.length, suffix);
  await db.executeQuery(CompiledQuery.raw(text, values));
}

const updates = new Map<string, string>();

/**
 * `update <table> set <columns of set> where "id" = ? and "version" = ?` — an optimistic-lock
 * update with its text kept per table and column set; returns the number of rows changed
 * (0: the row changed meanwhile, or is gone).
 */
export async function updateVersioned<T extends keyof DB & string>(
  db: Queryable,
  table: T,
  set: Record<string, unknown>,
  id: string,
  version: number,
): Promise<number> {
  const cols = columnsOf(set);
  const pg = dialectOf(db as never) === 'postgres';
  const key = `${pg ? 'p' : 's'}|${table}|${cols.join(',')}`;
  let text = updates.get(key);
  if (text === undefined) {
    for (const name of [table, ...cols]) if (!IDENT.test(name)) throw new Error(`not a plain identifier: ${name}`);
    let n = 0;
    const p = () => (pg ? `$${++n}` : '?');
    text = `update "${table}" set ${cols.map((c) => `"${c}" = ${p()}`).join(', ')} where "id" = ${p()} and "version" = ${p()}`;
    if (updates.size > 2000) updates.clear();
    updates.set(key, text);
  }
  const res = await db.executeQuery(CompiledQuery.raw(text, [...cols.map((c) => set[c] ?? null), id, version]));
  return Number(res.numAffectedRows ?? 0);
}
