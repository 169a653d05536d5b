/**
 * platform/group-commit.ts on both engines: use cases that arrive together share one commit, yet
 * each behaves as if it had its own transaction — values, isolation of a failure, order, the audit
 * chain and the outbox.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Database } from '../src/platform/db/connect';
import { migrateAll } from '../src/migrations';
import { GroupCommit } from '../src/platform/group-commit';
import { transact } from '../src/platform/transact';
import { verifyAudit, type AuditContext } from '../src/platform/audit';
import { ManualClock } from '../src/platform/clock';
import { appendSchema, createPgSchema, dropPgSchema } from './helpers/app';
import { dialects, PG_URL } from './helpers/env';

const ctx = (n: number): AuditContext => ({ actorId: `u${n}`, actorName: `user ${n}`, ip: null });

describe.each(dialects('group commit'))('GroupCommit (%s)', (dialect) => {
  let database: Database;
  let dir: string;
  let schema: string | undefined;
  const clock = new ManualClock(Date.parse('2026-03-02T01:00:00Z'));
  let pokes = 0;
  let gc: GroupCommit;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yiwang-gc-'));
    if (dialect === 'postgres') schema = await createPgSchema();
    database = connect({ databaseUrl: schema ? appendSchema(PG_URL!, schema) : null, dataDir: dir, pgSchema: schema });
    await migrateAll(database.db);
    gc = new GroupCommit({ db: database.db, clock, afterCommit: () => pokes++ });
  });
  afterAll(async () => {
    await database?.close();
    if (schema) await dropPgSchema(schema);
    rmSync(dir, { recursive: true, force: true });
  });

  const put = (key: string, value: unknown) => async (w: Parameters<Parameters<GroupCommit['run']>[1]>[0]) => {
    await w.trx
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value), updated_at: w.now })
      .execute();
    w.audit({ action: 'test.put', entityType: 'setting', entityId: key, after: value });
    w.emit({ type: 'test.put', entityType: 'setting', entityId: key });
    return key;
  };

  it('commits use cases that arrive together in one transaction, each with its own value, audit row and event, in order', async () => {
    const before = { ...gc.stats };
    const auditsBefore = Number(
      (await database.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq,
    );
    const keys = await Promise.all(Array.from({ length: 20 }, (_, i) => gc.run(ctx(i), put(`a${i}`, i))));
    expect(keys).toEqual(Array.from({ length: 20 }, (_, i) => `a${i}`));
    expect(gc.stats.jobs - before.jobs).toBe(20);
    expect(gc.stats.batches - before.batches).toBeLessThan(20);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['seq', 'entity_id', 'actor_id'])
      .where('seq', '>', auditsBefore)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.entity_id)).toEqual(keys);
    expect(audit.map((a) => a.actor_id)).toEqual(keys.map((_, i) => `u${i}`));
    const events = await database.db
      .selectFrom('events')
      .select('entity_id')
      .where('type', '=', 'test.put')
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.entity_id)).toEqual(keys);
    expect((await verifyAudit(database.db)).ok).toBe(true);
    expect(pokes).toBeGreaterThan(0);
  });

  it('rolls back a failing use case alone: its error to its caller, the others committed', async () => {
    const results = await Promise.allSettled([
      gc.run(ctx(1), put('b1', 1)),
      gc.run(ctx(2), async (w) => {
        await put('b2', 2)(w);
        throw new Error('b2 fails after writing');
      }),
      gc.run(ctx(3), put('b1', 'duplicate key')), // a constraint error inside the database
      gc.run(ctx(4), put('b4', 4)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/b2 fails/);
    const keys = (
      await database.db.selectFrom('settings').select('key').where('key', 'like', 'b%').orderBy('key').execute()
    ).map((r) => r.key);
    expect(keys).toEqual(['b1', 'b4']);
    const audited = await database.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('entity_id', 'like', 'b%')
      .execute();
    expect(audited.map((a) => a.entity_id).sort()).toEqual(['b1', 'b4']);
    expect((await verifyAudit(database.db)).ok).toBe(true);
  });

  it('writes appended rows with their use case only, and runs each use case once when none fails', async () => {
    const runs = new Map<string, number>();
    const appendOne =
      (key: string, fail = false) =>
      async (w: Parameters<Parameters<GroupCommit['run']>[1]>[0]) => {
        runs.set(key, (runs.get(key) ?? 0) + 1);
        w.append('settings', { key, value: '"appended"', updated_at: w.now });
        w.audit({ action: 'test.append', entityType: 'setting', entityId: key });
        if (fail) throw new Error(`${key} fails`);
        return key;
      };
    const clean = await Promise.all(['e1', 'e2', 'e3'].map((k, i) => gc.run(ctx(i), appendOne(k))));
    expect(clean).toEqual(['e1', 'e2', 'e3']);
    expect([...runs.values()]).toEqual([1, 1, 1]); // no failure: one run each, no savepoints
    runs.clear();
    const mixed = await Promise.allSettled([
      gc.run(ctx(1), appendOne('f1')),
      gc.run(ctx(2), appendOne('f2', true)),
      gc.run(ctx(3), appendOne('f3')),
    ]);
    expect(mixed.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const keys = (
      await database.db
        .selectFrom('settings')
        .select('key')
        .where('key', 'in', ['e1', 'e2', 'e3', 'f1', 'f2', 'f3'])
        .orderBy('key')
        .execute()
    ).map((r) => r.key);
    expect(keys).toEqual(['e1', 'e2', 'e3', 'f1', 'f3']);
    const audited = await database.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'test.append')
      .execute();
    expect(audited.map((a) => a.entity_id).sort()).toEqual(['e1', 'e2', 'e3', 'f1', 'f3']);
    expect((await verifyAudit(database.db)).ok).toBe(true);
  });

  it('lets each use case see the ones before it in the same batch', async () => {
    const seen = await Promise.all([
      gc.run(ctx(1), put('c1', 1)),
      gc.run(
        ctx(2),
        async (w) =>
          (await w.trx.selectFrom('settings').select('key').where('key', '=', 'c1').executeTakeFirst())?.key ?? null,
      ),
    ]);
    expect(seen).toEqual(['c1', 'c1']);
  });

  it('alone, behaves like transact (and a lone failure stores nothing)', async () => {
    expect(await gc.run(ctx(9), put('d1', 1))).toBe('d1');
    await expect(
      gc.run(ctx(9), async (w) => {
        await put('d2', 2)(w);
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(await database.db.selectFrom('settings').select('key').where('key', 'in', ['d1', 'd2']).execute()).toEqual([
      { key: 'd1' },
    ]);
    // and mixes with plain transact on the same chain
    await transact({ db: database.db, clock }, ctx(10), async (w) => put('d3', 3)(w));
    await Promise.all([gc.run(ctx(11), put('d4', 4)), gc.run(ctx(12), put('d5', 5))]);
    expect((await verifyAudit(database.db)).ok).toBe(true);
  });
});
