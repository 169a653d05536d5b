import { sql, type DatabaseIntrospector, type Kysely, type SchemaMetadata, type TableMetadata } from 'kysely';

/**
 * Kysely's PostgreSQL introspector reads every table of every schema and resolves each schema by
 * name (has_schema_privilege, pg_get_serial_sequence). A schema dropped while it runs — another
 * install, a parallel test — then fails our migration with "schema … does not exist". The
 * migrator only asks which schemas exist and which tables our schema holds, so answer just that,
 * by oid, for our own schema.
 */
export function scopedPgIntrospector(db: Kysely<any>, schema: string): DatabaseIntrospector {
  return {
    async getSchemas(): Promise<SchemaMetadata[]> {
      const rows = await sql<{ name: string }>`
        select nspname as name from pg_catalog.pg_namespace where nspname = ${schema}`.execute(db);
      return rows.rows.map((r) => ({ name: r.name }));
    },
    async getTables(): Promise<TableMetadata[]> {
      const rows = await sql<{ name: string; kind: string }>`
        select c.relname as name, c.relkind as kind
          from pg_catalog.pg_class c join pg_catalog.pg_namespace ns on ns.oid = c.relnamespace
         where ns.nspname = ${schema} and c.relkind in ('r', 'v', 'p')`.execute(db);
      // the migrator compares names only; columns are not read
      return rows.rows.map((r) => ({ name: r.name, schema, isView: r.kind === 'v', columns: [] }));
    },
    async getMetadata() {
      return { tables: await this.getTables() };
    },
  };
}

/** `db` as the migrator sees it: the same instance, with the introspector above. */
export function withScopedIntrospection<T extends Kysely<any>>(db: T, schema: string): T {
  const introspection = scopedPgIntrospector(db, schema);
  return new Proxy(db, {
    get(target, key) {
      if (key === 'introspection') return introspection;
      const value = Reflect.get(target, key, target);
      // Kysely keeps its state in #private fields, which only the real instance can read
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
