import { sql, type RawBuilder } from 'kysely';
import type { DialectName } from '../../platform/db/connect';

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
