import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';
import type { DialectName } from './connect';

/**
 * The few places where SQLite and PostgreSQL differ in DDL, kept together.
 * Instants are epoch ms in `bigint`; booleans are 0/1 integers; JSON is text (parsed in code),
 * so reads and writes look the same on both engines.
 */
export function dialectOf(db: Kysely<any>): DialectName {
  const name = db.getExecutor().adapter.constructor.name;
  return name.startsWith('Postgres') ? 'postgres' : 'sqlite';
}

/** An auto-incrementing integer key, for append-only logs that need a strict order. */
export function addSerialKey<T extends string>(
  table: CreateTableBuilder<T, any>,
  dialect: DialectName,
  name = 'seq',
): CreateTableBuilder<T, any> {
  return dialect === 'postgres'
    ? table.addColumn(name, 'bigserial', (c) => c.primaryKey())
    : table.addColumn(name, 'integer', (c) => c.primaryKey().autoIncrement());
}

export const notNull = (c: ColumnDefinitionBuilder) => c.notNull();

/** Case-insensitive substring match that works on both engines. */
export function ilike(column: string, needle: string) {
  return sql<boolean>`lower(${sql.ref(column)}) like ${'%' + needle.toLowerCase() + '%'}`;
}
