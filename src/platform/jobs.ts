import { CompiledQuery, sql, type Insertable, type Kysely } from 'kysely';
import type { DB } from '../schema';
import type { Clock } from './clock';
import { dialectOf } from './db/columns';
import type { Queryable, Tx } from './db/connect';
import { newId } from './ids';
import { insertRow } from './db/rows';

export interface Job {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  runAt: number;
  attempts: number;
}

/**
 * A job handler gets the transaction in which its job is marked done: its database effects and
 * the "done" mark commit together, so a job's effects happen once even if a node dies mid-way.
 */
export type JobHandler = (trx: Tx, job: Job) => Promise<void>;

export interface EnqueueOptions {
  runAt: number;
  payload?: Record<string, unknown>;
  /** At most one pending job per key: enqueueing the same key again does nothing. */
  dedupeKey?: string;
  maxAttempts?: number;
}

export async function enqueueJob(db: Queryable, kind: string, opts: EnqueueOptions, now: number): Promise<void> {
  await insertRow(db, 'jobs', jobRow(kind, opts, now), JOB_INSERT);
}

/** `on conflict (dedupe_key) do nothing`: the insert options a job row needs (Work.append too). */
export const JOB_INSERT = { ignoreConflictOn: 'dedupe_key' } as const;

/** The row of a new pending job. */
export function jobRow(kind: string, opts: EnqueueOptions, now: number): Insertable<DB['jobs']> {
  return {
    id: newId(now),
    kind,
    dedupe_key: opts.dedupeKey ?? null,
    run_at: opts.runAt,
    payload: JSON.stringify(opts.payload ?? {}),
    status: 'pending',
    attempts: 0,
    max_attempts: opts.maxAttempts ?? 5,
    locked_by: null,
    locked_until: null,
    last_error: null,
    created_at: now,
    finished_at: null,
  };
}

/** Removes a pending job by its dedupe key (e.g. a deadline that no longer applies). */
export async function cancelJob(db: Queryable, dedupeKey: string): Promise<void> {
  await db.deleteFrom('jobs').where('dedupe_key', '=', dedupeKey).where('status', '=', 'pending').execute();
}

export interface JobRunnerOptions {
  nodeId: string;
  clock: Clock;
  pollMs?: number;
  leaseMs?: number;
  batch?: number;
  onError?: (job: Job, err: unknown) => void;
}

/**
 * Claims due jobs with row locks (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite: its single writer)
 * and runs them. A claim is a lease: if its node dies, the job becomes claimable again when the
 * lease ends. Completion re-checks the lease inside the handler's transaction, so a job whose
 * lease was taken over cannot commit twice.
 */
export class JobRunner {
  private handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | null = null;
  private busy: Promise<void> | null = null;
  private stopped = true;
  private readonly isPg: boolean;

  constructor(
    private db: Kysely<DB>,
    private opts: JobRunnerOptions,
  ) {
    this.isPg = dialectOf(db) === 'postgres';
  }

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => void this.tick(), this.opts.pollMs ?? 1000);
    this.timer.unref();
  }

  /** Runs one round now; resolves when the claimed jobs have finished. */
  tick(): Promise<void> {
    if (!this.busy) {
      this.busy = this.runDue().finally(() => {
        this.busy = null;
      });
    }
    return this.busy;
  }

  /** Runs rounds until nothing is due (tests and catch-up after a restart). */
  async drain(maxRounds = 100): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxRounds; i++) {
      const n = await this.runDueCount();
      total += n;
      if (n === 0) break;
    }
    return total;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.busy) await this.busy;
  }

  /**
   * One tick: claims and runs batches while full ones keep coming (a burst of notifications is
   * delivered in seconds, not at one batch a poll), for at most ~0.5 s so the next tick's timer
   * and other nodes get their turn.
   */
  private async runDue(): Promise<void> {
    try {
      const until = performance.now() + 500;
      const full = this.opts.batch ?? 20;
      while ((await this.runDueCount()) === full && !this.stopped && performance.now() < until) {
        // let the requests that arrived meanwhile in between batches (SQLite's calls block the loop)
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } catch {
      // database briefly unavailable: try again next tick
    }
  }

  private async runDueCount(): Promise<number> {
    const claimed = await this.claim();
    if (claimed.length) await this.runBatch(claimed);
    return claimed.length;
  }

  private async claim(): Promise<Job[]> {
    const now = this.opts.clock.now();
    const leaseUntil = now + (this.opts.leaseMs ?? 60_000);
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return [];
    const limit = this.opts.batch ?? 20;
    // A job whose lease ran out on its last allowed attempt (its node died every time, perhaps
    // because of the job itself) is failed rather than claimed again and again.
    await this.db
      .updateTable('jobs')
      .set({
        status: 'failed',
        locked_by: null,
        locked_until: null,
        finished_at: now,
        last_error: sql`'lease expired on attempt ' || attempts || ' of ' || max_attempts || ': node ' || coalesce(locked_by, '?') || ' stopped before finishing'`,
      })
      .where('kind', 'in', kinds)
      .where('status', '=', 'running')
      .where('locked_until', '<', now)
      .where('attempts', '>=', sql<number>`max_attempts`)
      .execute();
    const due = this.db
      .selectFrom('jobs')
      .select('id')
      .where('kind', 'in', kinds)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', now)]),
          eb.and([
            eb('status', '=', 'running'),
            eb('locked_until', '<', now),
            eb('attempts', '<', eb.ref('max_attempts')),
          ]),
        ]),
      )
      .orderBy('run_at')
      .limit(limit);
    const dueLocked = this.isPg ? due.forUpdate().skipLocked() : due;
    const rows = await this.db
      .updateTable('jobs')
      .set({ status: 'running', locked_by: this.opts.nodeId, locked_until: leaseUntil, attempts: sql`attempts + 1` })
      .where('id', 'in', dueLocked)
      .returning(['id', 'kind', 'payload', 'run_at', 'attempts'])
      .execute();
    // UPDATE … RETURNING does not keep the subquery's order: run the claimed jobs in due order
    return rows
      .map((r) => ({
        id: r.id,
        kind: r.kind,
        payload: JSON.parse(r.payload),
        runAt: Number(r.run_at),
        attempts: Number(r.attempts),
      }))
      .sort((a, b) => a.runAt - b.runAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /**
   * Runs a claimed batch in ONE transaction, each job inside its own savepoint: a job's effects
   * and its "done" mark still commit together (or not at all), but the batch shares one durable
   * commit — on SQLite twenty deliveries cost one fsync, not twenty, and do not hold up intake.
   * A job that throws is rolled back to its savepoint alone and rescheduled (backoff) in the same
   * transaction; one whose lease was taken over is rolled back silently. If the commit itself
   * fails, the leases run out and the jobs are claimed again, as after a crash.
   *
   * A transaction takes jobs for at most SHARED_COMMIT_MS, then commits and the rest go into the
   * next: a handler that waits on a slow gateway holds the database (SQLite: the one connection)
   * for its own time only, not for the whole batch's.
   */
  private async runBatch(jobs: Job[]): Promise<void> {
    for (let next = 0; next < jobs.length; ) next = await this.runSome(jobs, next);
  }

  /** Runs jobs from `from` in one transaction until they end or the time is up; returns where it stopped. */
  private async runSome(jobs: Job[], from: number): Promise<number> {
    const nodeId = this.opts.nodeId;
    const started = performance.now();
    let next = from;
    await this.db.transaction().execute(async (trx) => {
      for (; next < jobs.length && (next === from || performance.now() - started < SHARED_COMMIT_MS); next++) {
        const job = jobs[next];
        const handler = this.handlers.get(job.kind);
        if (!handler) continue;
        await trx.executeQuery(JOB_SAVEPOINT);
        try {
          await handler(trx, job);
          const now = this.opts.clock.now();
          const done = await trx
            .updateTable('jobs')
            .set({ status: 'done', finished_at: now, locked_until: null })
            .where('id', '=', job.id)
            .where('locked_by', '=', nodeId)
            .where('status', '=', 'running')
            .executeTakeFirst();
          if (Number(done.numUpdatedRows) !== 1) throw new LeaseLost(job.id);
          await insertRow(trx, 'job_runs', { id: newId(now), job_id: job.id, node_id: nodeId, at: now });
          await trx.executeQuery(JOB_RELEASE);
        } catch (err) {
          await trx.executeQuery(JOB_ROLLBACK_TO);
          await trx.executeQuery(JOB_RELEASE);
          if (err instanceof LeaseLost) continue;
          this.opts.onError?.(job, err);
          await this.reschedule(trx, job, err);
        }
      }
    });
    return next;
  }

  /** After a failed attempt: again later (exponential backoff, at most an hour), or `failed` after the last. */
  private async reschedule(trx: Tx, job: Job, err: unknown): Promise<void> {
    const nodeId = this.opts.nodeId;
    const row = await trx
      .selectFrom('jobs')
      .select(['attempts', 'max_attempts'])
      .where('id', '=', job.id)
      .executeTakeFirst();
    if (!row) return;
    const failed = Number(row.attempts) >= Number(row.max_attempts);
    const backoff = Math.min(3_600_000, 1000 * 2 ** Number(row.attempts));
    const now = this.opts.clock.now();
    await trx
      .updateTable('jobs')
      .set({
        status: failed ? 'failed' : 'pending',
        run_at: now + backoff,
        locked_by: null,
        locked_until: null,
        last_error: String((err as Error)?.stack ?? err).slice(0, 2000),
        finished_at: failed ? now : null,
      })
      .where('id', '=', job.id)
      .where('locked_by', '=', nodeId)
      .execute();
  }
}

/** How long one transaction keeps taking claimed jobs before it commits (see runBatch). */
const SHARED_COMMIT_MS = 50;

// compiled once: every job of a batch runs inside one
const JOB_SAVEPOINT = CompiledQuery.raw('savepoint yw_job');
const JOB_RELEASE = CompiledQuery.raw('release savepoint yw_job');
const JOB_ROLLBACK_TO = CompiledQuery.raw('rollback to savepoint yw_job');

class LeaseLost extends Error {
  constructor(id: string) {
    super(`lease on job ${id} was lost`);
  }
}
