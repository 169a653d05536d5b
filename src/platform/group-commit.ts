import { CompiledQuery } from 'kysely';
import { recordAudits, type AuditContext, type AuditEntry } from './audit';
import { emitEvents, type NewEvent } from './bus';
import { Work, workIn, writeAppended, type AppendedRow, type TransactDeps } from './transact';

// compiled once: every use case in a shared commit runs inside one
const SAVEPOINT = CompiledQuery.raw('savepoint yw_group');
const RELEASE = CompiledQuery.raw('release savepoint yw_group');
const ROLLBACK_TO = CompiledQuery.raw('rollback to savepoint yw_group');

interface Queued {
  ctx: AuditContext;
  fn: (w: Work) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * Group commit for a busy use case: `run(ctx, fn)` is `transact(ctx, fn)`, except that use cases
 * queued while a commit is in flight share the NEXT transaction, each inside its own savepoint.
 *
 * A durable commit (SQLite `synchronous=FULL`, PostgreSQL's WAL flush) costs milliseconds of
 * disk wait, and on SQLite it blocks the event loop; per-day counters and the audit chain's head
 * serialise these transactions anyway. Sharing one commit among everything that arrived meanwhile
 * keeps the same guarantees, one use case at a time, in arrival order:
 *  - each use case sees the rows of the ones before it (they run one after another);
 *  - one that throws is rolled back to its savepoint alone and gets its own error;
 *  - the appended rows (Work.append), audit rows and outbox events of the batch are written after its last use case, in the
 *    same order `transact` would have written them (one chain-head read and update per batch);
 *  - every caller is answered only after the commit that made its change durable (if that commit
 *    fails, everyone in it gets the error and nothing of theirs is stored);
 *  - alone (no one waiting) it is exactly `transact` (no savepoint), one event-loop turn later.
 *
 * Savepoints cost two statements per use case (two round trips on PostgreSQL), and failures are
 * rare (intake validates before it queues), so a batch first runs without them; if a use case
 * throws, that transaction is rolled back whole and the batch runs again with a savepoint each.
 * A use case may therefore run twice: it must act only through `w` (the database, audit, events).
 */
export class GroupCommit {
  private queue: Queued[] = [];
  private draining = false;
  /** Batches committed and use cases in them, and the time spent in their transactions. */
  readonly stats = { batches: 0, jobs: 0, ms: 0 };

  constructor(
    private deps: TransactDeps,
    private maxBatch = 64,
  ) {}

  run<T>(ctx: AuditContext, fn: (w: Work) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ ctx, fn, resolve: resolve as (v: unknown) => void, reject });
      if (!this.draining) {
        this.draining = true;
        // After the I/O callbacks of this turn: requests that arrived together then commit together
        // (otherwise the first one's microtasks run all the way to its commit before the next is read).
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length) await this.commit();
    } finally {
      this.draining = false;
    }
  }

  private async commit(): Promise<void> {
    let batch: Queued[] = [];
    // Taken once the connection is ours: everything queued while we waited for it joins.
    const take = () => (batch = this.queue.splice(0, this.maxBatch));
    const t0 = performance.now();
    let outcome: Outcome = { done: [], failed: [], emitted: false };
    try {
      try {
        await this.attempt(take, false, outcome);
      } catch (error) {
        if (!(error instanceof RetryIsolated)) throw error;
        // one use case failed: nothing was kept; run the batch again, each in its own savepoint
        outcome = { done: [], failed: [], emitted: false };
        await this.attempt(() => batch, true, outcome);
      }
    } catch (error) {
      // the commit failed, or the lone use case threw: nothing of this batch is stored
      for (const job of batch) job.reject(outcome.failed.find((f) => f.job === job)?.error ?? error);
      // could not even begin (connection lost…): fail what was queued rather than leave it hanging
      if (batch.length === 0) for (const job of this.queue.splice(0, this.maxBatch)) job.reject(error);
      return;
    }
    this.stats.batches++;
    this.stats.jobs += batch.length;
    this.stats.ms += performance.now() - t0;
    if (outcome.emitted) this.deps.afterCommit?.();
    for (const d of outcome.done) d.job.resolve(d.value);
    for (const f of outcome.failed) f.job.reject(f.error);
  }

  /**
   * One transaction over the batch. Not isolated (the first try): the use cases run one after
   * another with nothing between them, and the first failure abandons the whole transaction
   * (RetryIsolated). Isolated: each in a savepoint, a failure rolled back alone.
   */
  private async attempt(take: () => Queued[], isolated: boolean, out: Outcome): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const batch = take();
      if (batch.length === 1) {
        const { value, events } = await workIn(trx, this.deps.clock.now(), batch[0].ctx, batch[0].fn);
        out.done.push({ job: batch[0], value });
        out.emitted = events > 0;
        return;
      }
      const audits: Array<{ ctx: AuditContext; entry: AuditEntry; at: number }> = [];
      const events: Array<{ event: NewEvent; at: number }> = [];
      const appended: AppendedRow[] = [];
      for (const job of batch) {
        if (isolated) await trx.executeQuery(SAVEPOINT);
        try {
          const work = new Work(trx, this.deps.clock.now(), job.ctx);
          const value = await job.fn(work);
          if (isolated) await trx.executeQuery(RELEASE);
          out.done.push({ job, value });
          for (const row of work.appended) appended.push(row);
          for (const event of work.events) events.push({ event, at: work.now });
          for (const entry of work.audits) audits.push({ ctx: job.ctx, entry, at: work.now });
        } catch (error) {
          if (!isolated) throw new RetryIsolated();
          await trx.executeQuery(ROLLBACK_TO);
          await trx.executeQuery(RELEASE);
          out.failed.push({ job, error });
        }
      }
      await writeAppended(trx, appended);
      await emitEvents(trx, events);
      await recordAudits(trx, audits);
      out.emitted = events.length > 0;
    });
  }
}

interface Outcome {
  done: Array<{ job: Queued; value: unknown }>;
  failed: Array<{ job: Queued; error: unknown }>;
  emitted: boolean;
}

/** A use case failed in a shared transaction run without savepoints: roll it all back, run again isolated. */
class RetryIsolated extends Error {}
