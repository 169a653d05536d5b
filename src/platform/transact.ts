import type { Kysely } from 'kysely';
import type { DB } from '../schema';
import { recordAudit, type AuditContext, type AuditEntry } from './audit';
import { emitEvent, type NewEvent } from './bus';
import type { Clock } from './clock';
import type { Tx } from './db/connect';

/** What a use case writes besides its own rows: audit entries and events, committed with it. */
export class Work {
  readonly audits: AuditEntry[] = [];
  readonly events: NewEvent[] = [];
  constructor(readonly trx: Tx, readonly now: number, readonly ctx: AuditContext) {}

  audit(entry: AuditEntry): void {
    this.audits.push(entry);
  }

  emit(event: NewEvent): void {
    this.events.push(event);
  }
}

export interface TransactDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** Called after a commit that emitted events (wakes this node's event tail). */
  afterCommit?: () => void;
}

/**
 * Runs one use case in one transaction: its state change, its audit rows and its outbox events
 * commit together or not at all. Audit rows go last so the audit chain's lock is held briefly.
 */
export async function transact<T>(deps: TransactDeps, ctx: AuditContext, fn: (w: Work) => Promise<T>): Promise<T> {
  let emitted = false;
  const result = await deps.db.transaction().execute(async (trx) => {
    const { value, events } = await workIn(trx, deps.clock.now(), ctx, fn);
    emitted = events > 0;
    return value;
  });
  if (emitted) deps.afterCommit?.();
  return result;
}

/**
 * Runs a use case inside a transaction someone else opened (a job handler's), then writes its
 * events and audit rows in that same transaction.
 */
export async function workIn<T>(trx: Tx, now: number, ctx: AuditContext, fn: (w: Work) => Promise<T>): Promise<{ value: T; events: number }> {
  const work = new Work(trx, now, ctx);
  const value = await fn(work);
  for (const e of work.events) await emitEvent(trx, e, now);
  for (const a of work.audits) await recordAudit(trx, ctx, a, now);
  return { value, events: work.events.length };
}
