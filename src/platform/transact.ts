import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../schema';
import { recordAudit, type AuditContext, type AuditEntry } from './audit';
import { emitEvent, type NewEvent } from './bus';
import type { Clock } from './clock';
import type { Tx } from './db/connect';
import { insertRows, type InsertOptions } from './db/rows';

/** A row written at the end of the use case's transaction (see Work.append). */
export interface AppendedRow {
  table: keyof DB & string;
  row: Record<string, unknown>;
  opts?: InsertOptions;
}

/** What a use case writes besides its own rows: audit entries, events and appended rows, committed with it. */
export class Work {
  readonly audits: AuditEntry[] = [];
  readonly events: NewEvent[] = [];
  readonly appended: AppendedRow[] = [];
  constructor(
    readonly trx: Tx,
    readonly now: number,
    readonly ctx: AuditContext,
  ) {}

  /**
   * A row that nothing in this transaction reads back (a timeline entry, an outbox message and
   * its delivery job): written at the end of the transaction with the others of its table in
   * one multi-row INSERT — with the use case's change, or not at all.
   */
  append<T extends keyof DB & string>(table: T, row: Insertable<DB[T]>, opts?: InsertOptions): void {
    this.appended.push({ table, row: row as Record<string, unknown>, opts });
  }

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
export async function workIn<T>(
  trx: Tx,
  now: number,
  ctx: AuditContext,
  fn: (w: Work) => Promise<T>,
): Promise<{ value: T; events: number }> {
  const work = new Work(trx, now, ctx);
  const value = await fn(work);
  await writeAppended(trx, work.appended);
  for (const e of work.events) await emitEvent(trx, e, now);
  for (const a of work.audits) await recordAudit(trx, ctx, a, now);
  return { value, events: work.events.length };
}

/** Multi-row INSERTs of appended rows, grouped by table, column set and options, in first-seen order. */
export async function writeAppended(trx: Tx, rows: readonly AppendedRow[]): Promise<void> {
  if (rows.length === 0) return;
  const groups = new Map<string, AppendedRow[]>();
  for (const r of rows) {
    const key = `${r.table}|${r.opts?.ignoreConflictOn ?? ''}|${Object.keys(r.row).join(',')}`;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  for (const g of groups.values()) await insertRows(trx, g[0].table, g.map((r) => r.row) as never, g[0].opts);
}
