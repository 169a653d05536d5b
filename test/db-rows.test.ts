/**
 * platform/db/rows.ts on both engines: multi-row INSERTs split into 64/32/…/1-row statements keep
 * every row and its values; `ignoreConflictOn` skips a row whose unique column is taken (also
 * within one statement); the versioned UPDATE changes a row only at the version given; names that
 * are not plain identifiers are refused before any SQL is written.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Database } from '../src/platform/db/connect';
import { migrateAll } from '../src/migrations';
import { insertRow, insertRows, updateVersioned } from '../src/platform/db/rows';
import { jobRow, JOB_INSERT } from '../src/platform/jobs';
import { FRESH_LIFECYCLE } from '../src/modules/orders/row';
import { appendSchema, createPgSchema, dropPgSchema } from './helpers/app';
import { dialects, PG_URL } from './helpers/env';

describe.each(dialects('db rows'))('platform/db/rows (%s)', (dialect) => {
  let database: Database;
  let dir: string;
  let schema: string | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yiwang-rows-'));
    if (dialect === 'postgres') schema = await createPgSchema();
    database = connect({ databaseUrl: schema ? appendSchema(PG_URL!, schema) : null, dataDir: dir, pgSchema: schema });
    await migrateAll(database.db);
  });
  afterAll(async () => {
    await database?.close();
    if (schema) await dropPgSchema(schema);
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([0, 1, 37, 64, 130])('inserts %i rows, every one with its values', async (n) => {
    const rows = Array.from({ length: n }, (_, i) => ({
      key: `n${n}-${String(i).padStart(3, '0')}`,
      value: JSON.stringify({ i, text: `第${i}行 'quoted' "double"` }),
      updated_at: 1000 + i,
    }));
    await insertRows(database.db, 'settings', rows);
    const back = await database.db
      .selectFrom('settings')
      .selectAll()
      .where('key', 'like', `n${n}-%`)
      .orderBy('key')
      .execute();
    expect(back.map((r) => ({ ...r, updated_at: Number(r.updated_at) }))).toEqual(rows);
  });

  it('skips rows whose unique column is taken, in the table and within one statement', async () => {
    await insertRow(database.db, 'jobs', jobRow('test.kind', { runAt: 1, dedupeKey: 'dup-a' }, 1), JOB_INSERT);
    await insertRows(
      database.db,
      'jobs',
      [
        jobRow('test.kind', { runAt: 2, dedupeKey: 'dup-a' }, 2), // taken already
        jobRow('test.kind', { runAt: 3, dedupeKey: 'dup-b' }, 3),
        jobRow('test.kind', { runAt: 4, dedupeKey: 'dup-b' }, 4), // taken by the row before it
      ],
      JOB_INSERT,
    );
    const jobs = await database.db
      .selectFrom('jobs')
      .select(['dedupe_key', 'run_at'])
      .where('kind', '=', 'test.kind')
      .orderBy('dedupe_key')
      .execute();
    expect(jobs.map((j) => [j.dedupe_key, Number(j.run_at)])).toEqual([
      ['dup-a', 1],
      ['dup-b', 3],
    ]);
  });

  it('updates a row only at the version given', async () => {
    await database.db.insertInto('orders').values(orderRow('o-1')).execute();
    expect(
      await updateVersioned(
        database.db,
        'orders',
        { state: 'pending_sign', version: 2, note_unused: undefined } as never,
        'o-1',
        1,
      ),
    ).toBe(1);
    expect(await updateVersioned(database.db, 'orders', { state: 'handling', version: 3 }, 'o-1', 1)).toBe(0); // stale version
    expect(await updateVersioned(database.db, 'orders', { state: 'handling', version: 3 }, 'missing', 2)).toBe(0);
    const row = await database.db
      .selectFrom('orders')
      .select(['state', 'version'])
      .where('id', '=', 'o-1')
      .executeTakeFirstOrThrow();
    expect({ state: row.state, version: Number(row.version) }).toEqual({ state: 'pending_sign', version: 2 });
  });

  it('refuses a name that is not a plain identifier', async () => {
    await expect(
      insertRow(database.db, 'settings', {
        key: 'x',
        value: '1',
        updated_at: 1,
        'value"; drop table orders; --': 1,
      } as never),
    ).rejects.toThrow(/not a plain identifier/);
    await expect(
      insertRows(database.db, 'jobs', [jobRow('k', { runAt: 1 }, 1)], { ignoreConflictOn: 'id) do nothing; --' }),
    ).rejects.toThrow(/not a plain identifier/);
  });
});

function orderRow(id: string) {
  return {
    id,
    number: `GC20260302${id}`,
    channel: 'hotline',
    category_code: null,
    suggested_category: null,
    suggestion_confidence: null,
    request_type: null,
    title: 't',
    description: 'd',
    address: null,
    lng: null,
    lat: null,
    community_code: null,
    grid_code: null,
    reporter_name: null,
    reporter_phone: null,
    reporter_user_id: null,
    urgency: 'normal',
    state: 'pending_dispatch',
    unit_id: null,
    main_order_id: null,
    needs_visit: 1,
    attachments: '[]',
    source_ref: null,
    ...FRESH_LIFECYCLE,
    created_at: 1,
    updated_at: 1,
    version: 1,
    demo: 0,
  };
}
