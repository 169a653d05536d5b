/**
 * Migrations on PostgreSQL look only at their own schema. Kysely's stock introspector reads every
 * schema by name; one dropped while it ran failed a migration with "schema … does not exist" (seen
 * in CI when a parallel suite dropped its schema). Here other schemas are created and dropped
 * continuously while fresh schemas migrate.
 */
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { connect } from '../src/platform/db/connect';
import { migrateAll } from '../src/migrations';
import { scopedPgIntrospector } from '../src/platform/db/scoped-introspection';
import { appendSchema, createPgSchema, dropPgSchema } from './helpers/app';
import { PG_URL, sayOnce } from './helpers/env';

const suite = PG_URL ? describe : describe.skip;
if (!PG_URL) sayOnce('[skip] db migrate (PostgreSQL schema churn): TEST_DATABASE_URL is not set');

suite('migrations on PostgreSQL beside other schemas', () => {
  const made: string[] = [];
  afterAll(async () => {
    for (const s of made) await dropPgSchema(s).catch(() => {});
  });

  async function migrateFresh(): Promise<string[]> {
    const schema = await createPgSchema();
    made.push(schema);
    const database = connect({ databaseUrl: appendSchema(PG_URL!, schema), dataDir: '', pgSchema: schema });
    try {
      return await migrateAll(database.db);
    } finally {
      await database.close();
    }
  }

  it('migrates again and again while other schemas with tables are dropped around it', async () => {
    const schema = await createPgSchema();
    made.push(schema);
    const database = connect({ databaseUrl: appendSchema(PG_URL!, schema), dataDir: '', pgSchema: schema });
    const churners = await Promise.all(
      Array.from({ length: 3 }, async () => {
        const c = new pg.Client({ connectionString: PG_URL! });
        await c.connect();
        return c;
      }),
    );
    let churning = true;
    let dropped = 0;
    const churn = churners.map(async (admin, k) => {
      for (let i = 0; churning; i++) {
        const name = `churn_${process.pid}_${k}_${i}`;
        const tables = Array.from(
          { length: 10 },
          (_, t) => `create table ${name}.t${t} (id serial primary key, a text)`,
        );
        await admin.query(`create schema ${name}; ${tables.join('; ')}`);
        await admin.query(`drop schema ${name} cascade`);
        dropped++;
      }
    });
    try {
      expect((await migrateAll(database.db)).length).toBeGreaterThan(0);
      // each run asks which schemas exist and which tables ours holds, several times over
      for (let i = 0; i < 150; i++) expect(await migrateAll(database.db)).toEqual([]);
    } finally {
      churning = false;
      await Promise.all(churn);
      await Promise.all(churners.map((c) => c.end()));
      await database.close();
    }
    expect(dropped).toBeGreaterThan(10);
  }, 120_000);

  it('a second migration of the same schema finds it up to date', async () => {
    const schema = await createPgSchema();
    made.push(schema);
    const database = connect({ databaseUrl: appendSchema(PG_URL!, schema), dataDir: '', pgSchema: schema });
    try {
      expect((await migrateAll(database.db)).length).toBeGreaterThan(0);
      expect(await migrateAll(database.db)).toEqual([]);
      const tables = await scopedPgIntrospector(database.db, schema).getTables();
      const names = tables.map((t) => t.name);
      expect(names).toContain('kysely_migration');
      expect(names).toContain('orders');
      expect(tables.every((t) => t.schema === schema)).toBe(true);
      expect(await scopedPgIntrospector(database.db, schema).getSchemas()).toEqual([{ name: schema }]);
    } finally {
      await database.close();
    }
  }, 60_000);
});
