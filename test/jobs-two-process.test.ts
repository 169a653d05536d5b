/**
 * "Two or more app processes on one database are safe: background jobs are claimed with row
 * locks and never run twice." Two real worker processes (test/fixtures/job-worker.ts) share one
 * database; every job must run exactly once. Then, in-process: lease take-over from a dead node,
 * a late finish by a node that lost its lease, and retry with backoff ending in `failed`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../src/schema';
import { connect, type Database, type Tx } from '../src/platform/db/connect';
import { migrateAll } from '../src/migrations';
import { JobRunner, enqueueJob } from '../src/platform/jobs';
import { ManualClock } from '../src/platform/clock';
import { newId } from '../src/platform/ids';
import { dialects, PG_URL, type DialectName } from './helpers/env';
import { appendSchema, createPgSchema, dropPgSchema } from './helpers/app';
import { childEnv, killIfRunning, spawnNode, type Child } from './helpers/child';

const KIND = 'test.effect';
const NOW_JOBS = 300;
const LATER_JOBS = 60;

interface Shared {
  database: Database;
  db: Kysely<DB>;
  dataDir: string;
  pgSchema?: string;
  /** What a child process needs to reach the same database. */
  databaseUrl: string | null;
}

async function openShared(dialect: DialectName): Promise<Shared> {
  const dataDir = mkdtempSync(join(tmpdir(), 'yiwang-jobs-'));
  const pgSchema = dialect === 'postgres' ? await createPgSchema() : undefined;
  const database = connect({ databaseUrl: pgSchema ? PG_URL : null, dataDir, pgSchema });
  await migrateAll(database.db);
  await sql`create table if not exists test_job_effects (job_id text primary key, node text)`.execute(database.db);
  return {
    database,
    db: database.db,
    dataDir,
    pgSchema,
    databaseUrl: pgSchema ? appendSchema(PG_URL!, pgSchema) : null,
  };
}

async function closeShared(s: Shared | undefined): Promise<void> {
  if (!s) return;
  await s.database.close();
  if (s.pgSchema) await dropPgSchema(s.pgSchema);
  rmSync(s.dataDir, { recursive: true, force: true });
}

async function waitUntil(what: string, cond: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const effects = (db: Kysely<DB>) =>
  sql<{ job_id: string; node: string }>`select job_id, node from test_job_effects`.execute(db).then((r) => r.rows);

describe.each(dialects('jobs across two processes'))('jobs across two processes (%s)', (dialect) => {
  let s: Shared | undefined;
  const workers: Child[] = [];

  beforeAll(async () => {
    s = await openShared(dialect);
  });
  afterAll(async () => {
    workers.forEach(killIfRunning);
    await closeShared(s);
  });

  it('runs every job exactly once, split between both processes', async () => {
    const { db } = s!;
    const t0 = Date.now();
    for (let i = 0; i < NOW_JOBS; i++) await enqueueJob(db, KIND, { runAt: t0 - 1000 + i, payload: { i } }, t0);

    for (const name of ['node-a', 'node-b']) {
      workers.push(
        spawnNode(['--import', 'tsx', 'test/fixtures/job-worker.ts'], {
          env: childEnv({
            WORKER_NODE_ID: name,
            WORKER_KIND: KIND,
            WORKER_DATA_DIR: s!.dataDir,
            WORKER_DATABASE_URL: s!.databaseUrl ?? undefined,
            WORKER_DEADLINE: String(Date.now() + 170_000),
            WORKER_HANDLER_MS: '2',
          }),
        }),
      );
    }
    await Promise.all(workers.map((w) => w.waitFor(/^ready$/, 60_000)));

    // Jobs that become due only after the workers have started polling.
    const goAt = Date.now();
    for (let i = 0; i < LATER_JOBS; i++) {
      await enqueueJob(db, KIND, { runAt: goAt + 300 + i * 5, payload: { later: i } }, goAt);
    }
    workers.forEach((w) => w.send('go'));

    const total = NOW_JOBS + LATER_JOBS;
    await waitUntil(
      'all jobs done',
      async () => {
        const open = await db
          .selectFrom('jobs')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status', '!=', 'done')
          .executeTakeFirstOrThrow();
        return Number(open.n) === 0;
      },
      90_000,
    );
    workers.forEach((w) => w.send('stop'));
    const codes = await Promise.all(workers.map((w) => w.exited(15_000)));
    expect(codes).toEqual([0, 0]);
    const results = workers.map(
      (w) =>
        JSON.parse(
          w
            .stdout()
            .split('\n')
            .find((l) => l.startsWith('result '))!
            .slice(7),
        ) as {
          nodeId: string;
          handled: number;
          errors: string[];
        },
    );

    const jobs = await db.selectFrom('jobs').select(['id', 'status', 'attempts', 'run_at', 'locked_by']).execute();
    expect(jobs).toHaveLength(total);
    expect(jobs.filter((j) => j.status !== 'done')).toEqual([]);
    // Claimed once each: no job went through a second attempt.
    expect(jobs.filter((j) => Number(j.attempts) !== 1)).toEqual([]);

    const runs = await db.selectFrom('job_runs').select(['job_id', 'node_id', 'at']).execute();
    const runsPerJob = new Map<string, number>();
    for (const r of runs) runsPerJob.set(r.job_id, (runsPerJob.get(r.job_id) ?? 0) + 1);
    expect(runs).toHaveLength(total);
    expect([...runsPerJob.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(runsPerJob.keys())).toEqual(new Set(jobs.map((j) => j.id)));

    const eff = await effects(db);
    expect(eff).toHaveLength(total);
    expect(new Set(eff.map((e) => e.job_id))).toEqual(new Set(jobs.map((j) => j.id)));
    // The effect and the run record were written by the same node, in one transaction.
    const runNode = new Map(runs.map((r) => [r.job_id, r.node_id]));
    expect(eff.filter((e) => runNode.get(e.job_id) !== e.node)).toEqual([]);
    // Nothing ran before it was due.
    const runAt = new Map(jobs.map((j) => [j.id, Number(j.run_at)]));
    expect(runs.filter((r) => Number(r.at) < runAt.get(r.job_id)!)).toEqual([]);

    // Handlers were entered once per job in total: no node even started a job another node held.
    expect(results.flatMap((r) => r.errors)).toEqual([]);
    expect(results.reduce((n, r) => n + r.handled, 0)).toBe(total);

    const byNode = { 'node-a': 0, 'node-b': 0 } as Record<string, number>;
    for (const r of runs) byNode[r.node_id]++;
    console.log(`[jobs ${dialect}] ${total} jobs: node-a ran ${byNode['node-a']}, node-b ran ${byNode['node-b']}`);
    if (dialect === 'postgres') {
      // FOR UPDATE SKIP LOCKED lets both nodes claim side by side.
      expect(byNode['node-a']).toBeGreaterThan(0);
      expect(byNode['node-b']).toBeGreaterThan(0);
    }
  }, 200_000);
});

describe.each(dialects('job leases and retries'))('job leases and retries (%s)', (dialect) => {
  let s: Shared | undefined;
  let second: Database | undefined;
  const start = Date.parse('2026-03-02T01:00:00Z');
  const runners: JobRunner[] = [];

  beforeAll(async () => {
    s = await openShared(dialect);
  });
  afterEach(async () => {
    for (const r of runners.splice(0)) await r.stop();
    await sql`delete from test_job_effects`.execute(s!.db);
    await s!.db.deleteFrom('job_runs').execute();
    await s!.db.deleteFrom('jobs').execute();
  });
  afterAll(async () => {
    await second?.close();
    await closeShared(s);
  });

  function runner(db: Kysely<DB>, nodeId: string, clock: ManualClock, onError?: (err: unknown) => void): JobRunner {
    const r = new JobRunner(db, { nodeId, clock, leaseMs: 60_000, onError: (_job, err) => onError?.(err) });
    runners.push(r);
    return r;
  }

  const effectOf = (nodeId: string) => async (trx: Tx, job: { id: string }) => {
    await sql`insert into test_job_effects (job_id, node) values (${job.id}, ${nodeId})`.execute(trx);
  };

  async function insertClaimed(db: Kysely<DB>, id: string, lockedBy: string, lockedUntil: number): Promise<void> {
    await db
      .insertInto('jobs')
      .values({
        id,
        kind: KIND,
        dedupe_key: null,
        run_at: start - 120_000,
        payload: '{}',
        status: 'running',
        attempts: 1,
        max_attempts: 5,
        locked_by: lockedBy,
        locked_until: lockedUntil,
        last_error: null,
        created_at: start - 120_000,
        finished_at: null,
      })
      .execute();
  }

  it('a job whose node died is taken over when its lease ends, and runs once', async () => {
    const { db } = s!;
    const clock = new ManualClock(start);
    await insertClaimed(db, 'job-dead', 'dead-node', start - 1);
    // A job leased by a node that is still alive (lease in the future) is left alone.
    await insertClaimed(db, 'job-alive', 'busy-node', start + 30_000);
    const live = runner(db, 'live-node', clock);
    live.register(KIND, effectOf('live-node'));

    expect(await live.drain()).toBe(1);
    expect(await live.drain()).toBe(0);
    const dead = await db.selectFrom('jobs').selectAll().where('id', '=', 'job-dead').executeTakeFirstOrThrow();
    expect(dead).toMatchObject({ status: 'done', locked_by: 'live-node', locked_until: null });
    expect(Number(dead.attempts)).toBe(2);
    const alive = await db.selectFrom('jobs').selectAll().where('id', '=', 'job-alive').executeTakeFirstOrThrow();
    expect(alive).toMatchObject({ status: 'running', locked_by: 'busy-node' });
    expect(await db.selectFrom('job_runs').select(['job_id', 'node_id']).execute()).toEqual([
      { job_id: 'job-dead', node_id: 'live-node' },
    ]);
    expect(await effects(db)).toEqual([{ job_id: 'job-dead', node: 'live-node' }]);

    // Once that lease ends too, it is taken over as well; the first job is not run again.
    clock.advance(30_001);
    expect(await live.drain()).toBe(1);
    const runs = await db.selectFrom('job_runs').select(['job_id']).orderBy('job_id').execute();
    expect(runs.map((r) => r.job_id)).toEqual(['job-alive', 'job-dead']);
  });

  it('a slow node that lost its lease cannot commit its effects a second time', async () => {
    const { db } = s!;
    // The slow node has its own connection, as another process would.
    second = connect({ databaseUrl: s!.pgSchema ? PG_URL : null, dataDir: s!.dataDir, pgSchema: s!.pgSchema });
    const clock = new ManualClock(start);
    await enqueueJob(db, KIND, { runAt: start, dedupeKey: 'slow' }, start);

    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let entered!: () => void;
    const inHandler = new Promise<void>((r) => {
      entered = r;
    });
    const slowErrors: unknown[] = [];
    const slow = runner(second.db, 'slow-node', clock, (e) => slowErrors.push(e));
    slow.register(KIND, async (trx, job) => {
      entered();
      await gate;
      // Its own key, so the write itself succeeds: only the lease check can stop the commit.
      await sql`insert into test_job_effects (job_id, node) values (${job.id + '#slow'}, 'slow-node')`.execute(trx);
    });
    const slowDone = slow.tick();
    await inHandler;

    // The lease runs out while the slow node is still busy; another node takes the job over.
    clock.advance(60_001);
    const fast = runner(db, 'fast-node', clock);
    fast.register(KIND, effectOf('fast-node'));
    expect(await fast.drain()).toBe(1);

    release();
    await slowDone;
    expect(await effects(db)).toEqual([{ job_id: expect.any(String), node: 'fast-node' }]);
    expect(await db.selectFrom('job_runs').select(['node_id']).execute()).toEqual([{ node_id: 'fast-node' }]);
    const job = await db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'done', locked_by: 'fast-node' });
    // Losing a lease is expected, not a job failure.
    expect(slowErrors).toEqual([]);
  });

  it('a batch commits as it goes: a slow job does not hold the ones before it uncommitted', async () => {
    const { db } = s!;
    const clock = new ManualClock(start);
    for (const key of ['slow-1', 'slow-2']) await enqueueJob(db, KIND, { runAt: start, dedupeKey: key }, start);
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let inSecond!: () => void;
    const second = new Promise<void>((r) => {
      inSecond = r;
    });
    let calls = 0;
    const r = runner(db, 'node-slow', clock);
    r.register(KIND, async (trx, job) => {
      calls++;
      await effectOf('node-slow')(trx, job);
      if (calls === 1)
        await new Promise((res) => setTimeout(res, 80)); // past the shared commit's 50 ms
      else {
        inSecond();
        await gate; // a gateway that does not answer
      }
    });
    const running = r.tick();
    await second;
    // another process's view while the second job still waits: the first is committed
    const reader = connect({
      databaseUrl: s!.pgSchema ? appendSchema(PG_URL!, s!.pgSchema) : null,
      dataDir: s!.dataDir,
      pgSchema: s!.pgSchema,
    });
    try {
      const seen = await reader.db.selectFrom('jobs').select(['dedupe_key', 'status']).orderBy('dedupe_key').execute();
      expect(seen).toEqual([
        { dedupe_key: 'slow-1', status: 'done' },
        { dedupe_key: 'slow-2', status: 'running' },
      ]);
    } finally {
      release();
      await running;
      await reader.close();
    }
    expect((await effects(db)).map((e) => e.node)).toEqual(['node-slow', 'node-slow']);
  });

  it('a handler that throws is retried with backoff and ends failed after max_attempts', async () => {
    const { db } = s!;
    const clock = new ManualClock(start);
    await enqueueJob(db, KIND, { runAt: start, maxAttempts: 3, dedupeKey: 'flaky' }, start);
    const errors: unknown[] = [];
    let calls = 0;
    const r = runner(db, 'node-1', clock, (e) => errors.push(e));
    r.register(KIND, async (trx, job) => {
      calls++;
      await effectOf('node-1')(trx, job); // rolled back with the failure
      throw new Error(`boom ${calls}`);
    });
    const row = () => db.selectFrom('jobs').selectAll().where('dedupe_key', '=', 'flaky').executeTakeFirstOrThrow();

    expect(await r.drain()).toBe(1);
    expect(await row()).toMatchObject({ status: 'pending', locked_by: null, locked_until: null });
    expect(Number((await row()).attempts)).toBe(1);
    expect(Number((await row()).run_at)).toBe(start + 2_000); // 1 s × 2^attempts
    expect((await row()).last_error).toContain('boom 1');

    // Not before the backoff has passed.
    clock.advance(1_999);
    expect(await r.drain()).toBe(0);
    clock.advance(1);
    expect(await r.drain()).toBe(1);
    expect(Number((await row()).run_at)).toBe(start + 2_000 + 4_000);
    expect((await row()).status).toBe('pending');

    clock.advance(4_000);
    expect(await r.drain()).toBe(1);
    const failed = await row();
    expect(failed).toMatchObject({ status: 'failed', locked_by: null, locked_until: null, finished_at: start + 6_000 });
    expect(Number(failed.attempts)).toBe(3);
    expect(failed.last_error).toContain('boom 3');

    // A failed job stays failed; its effects never committed.
    clock.advance(3_600_000);
    expect(await r.drain()).toBe(0);
    expect(calls).toBe(3);
    expect(errors.map((e) => (e as Error).message)).toEqual(['boom 1', 'boom 2', 'boom 3']);
    expect(await effects(db)).toEqual([]);
    expect(await db.selectFrom('job_runs').selectAll().execute()).toEqual([]);
  });

  it('a job whose node keeps dying is not retried past max_attempts', async () => {
    const { db } = s!;
    const clock = new ManualClock(start);
    // Claimed max_attempts times already; each node died before finishing.
    await db
      .insertInto('jobs')
      .values({
        id: newId(start),
        kind: KIND,
        dedupe_key: 'poison',
        run_at: start - 600_000,
        payload: '{}',
        status: 'running',
        attempts: 3,
        max_attempts: 3,
        locked_by: 'dead-node',
        locked_until: start - 1,
        last_error: null,
        created_at: start - 600_000,
        finished_at: null,
      })
      .execute();
    let calls = 0;
    const r = runner(db, 'node-1', clock);
    r.register(KIND, async () => {
      calls++;
    });
    await r.drain();
    expect(calls).toBe(0);
    const job = await db.selectFrom('jobs').selectAll().where('dedupe_key', '=', 'poison').executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'failed', locked_by: null, locked_until: null, finished_at: start });
    expect(job.last_error).toMatch(/lease/);
  });
});
