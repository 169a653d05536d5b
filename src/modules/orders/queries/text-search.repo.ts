import { sql, type RawBuilder } from 'kysely';
import type { DialectName, Queryable } from '../../../platform/db/connect';

/** The trigram index answers terms of at least this many characters (FTS5 trigram, pg_trgm). */
export const INDEXED_TERM_CHARS = 3;

/** `%`, `_` and `\` of a LIKE pattern taken literally (escaped with `\`). */
export function likeLiteral(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** An FTS5 phrase matching the term as it is: double quotes doubled, nothing else special inside. */
export function ftsPhrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/**
 * "Title or address contains the term", case-insensitively, on either engine, with the term
 * taken literally. SQLite: terms of 3+ characters through the FTS5 trigram table orders_text
 * (migration 0006); shorter ones by LIKE. PostgreSQL: ILIKE, which pg_trgm's GIN indexes serve
 * (the planner chooses them for a rare term, the newest-first scan for a common one).
 */
export function textMatches(dialect: DialectName, term: string): RawBuilder<boolean> {
  const pattern = `%${likeLiteral(term)}%`;
  if (dialect === 'postgres') return sql<boolean>`(orders.title ilike ${pattern} or orders.address ilike ${pattern})`;
  if ([...term].length >= INDEXED_TERM_CHARS) {
    return sql<boolean>`orders.rowid in (select rowid from orders_text where orders_text match ${ftsPhrase(term)})`;
  }
  return sql<boolean>`(orders.title like ${pattern} escape '\\' or orders.address like ${pattern} escape '\\')`;
}

/** Up to this many matches a subtree's search starts from the matches (see fewTextHits). */
const FEW_HITS = 5000;

/**
 * Whether a search for `q` (SQLite, through orders_text) matches at most a few thousand orders.
 * Then a handler's subtree is read from the matches and the page sorted (2 ms at 1,000,000 orders);
 * for a common term, walking each unit's newest orders finds a page sooner. Counting is capped,
 * so it costs a fraction of a millisecond either way.
 */
export async function fewTextHits(db: Queryable, dialect: DialectName, q: string | undefined): Promise<boolean> {
  const term = q?.trim() ?? '';
  if (dialect !== 'sqlite' || /^GC\d{8,}$/i.test(term) || [...term].length < INDEXED_TERM_CHARS) return false;
  const r = await sql<{
    n: number;
  }>`select count(*) as n from (select rowid from orders_text where orders_text match ${ftsPhrase(term)} limit ${FEW_HITS + 1})`.execute(
    db,
  );
  return Number(r.rows[0]?.n ?? 0) <= FEW_HITS;
}
