import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { PlatformTables } from './tables';
import { dialectOf } from './db/columns';
import { insertRow, insertRows } from './db/rows';

/** Who did it and from where; passed down from the HTTP request (or 'system'). */
export interface AuditContext {
  actorId: string | null;
  actorName: string | null;
  ip: string | null;
}

export const SYSTEM_CONTEXT: AuditContext = { actorId: null, actorName: 'system', ip: null };

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

const GENESIS = '0'.repeat(64);

interface HashedFields {
  seq: number;
  at: number;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  ip: string | null;
  prev_hash: string;
}

export function hashRow(r: HashedFields): string {
  const canonical = JSON.stringify([
    r.prev_hash,
    Number(r.seq),
    Number(r.at),
    r.actor_id,
    r.actor_name,
    r.action,
    r.entity_type,
    r.entity_id,
    r.before,
    r.after,
    r.ip,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/**
 * Appends one hash-chained row inside the caller's transaction. The single `audit_head` row is
 * locked (FOR UPDATE on PostgreSQL; SQLite has one writer anyway), so concurrent transactions
 * chain in commit order. Call it last in a use case to hold that lock briefly.
 */
/**
 * The audit log reads and writes its own tables only (platform/tables.ts), whatever else the
 * database holds: callers pass their database or transaction, seen here through these tables.
 */
type Tx = Transaction<PlatformTables>;
type AnyTx<D extends PlatformTables> = Transaction<D>;
type AnyQueryable<D extends PlatformTables> = Kysely<D> | Transaction<D>;
const own = <D extends PlatformTables>(q: AnyQueryable<D>) => q as unknown as Tx;

export async function recordAudit<D extends PlatformTables>(
  given: AnyTx<D>,
  ctx: AuditContext,
  entry: AuditEntry,
  at: number,
): Promise<number> {
  const trx = own(given);
  const isPg = dialectOf(trx as unknown as Kysely<any>) === 'postgres';
  let q = trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
  if (isPg) q = q.forUpdate();
  const head = await q.executeTakeFirstOrThrow();
  const row: HashedFields = {
    seq: Number(head.seq) + 1,
    at,
    actor_id: ctx.actorId,
    actor_name: ctx.actorName,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId ?? null,
    before: json(entry.before),
    after: json(entry.after),
    ip: ctx.ip,
    prev_hash: head.hash,
  };
  const hash = hashRow(row);
  await insertRow(trx as never, 'audit_log', { ...row, hash });
  await trx.updateTable('audit_head').set({ seq: row.seq, hash }).where('id', '=', 1).execute();
  return row.seq;
}

/**
 * Appends several entries, in order, with one read and one update of the chain's head: the same
 * rows `recordAudit` would write one by one (a batch of use cases committing together).
 */
export async function recordAudits<D extends PlatformTables>(
  given: AnyTx<D>,
  items: ReadonlyArray<{ ctx: AuditContext; entry: AuditEntry; at: number }>,
): Promise<void> {
  if (items.length === 0) return;
  const trx = own(given);
  const isPg = dialectOf(trx as unknown as Kysely<any>) === 'postgres';
  let q = trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
  if (isPg) q = q.forUpdate();
  const head = await q.executeTakeFirstOrThrow();
  let seq = Number(head.seq);
  let prev = head.hash;
  const rows = items.map(({ ctx, entry, at }) => {
    const row: HashedFields = {
      seq: ++seq,
      at,
      actor_id: ctx.actorId,
      actor_name: ctx.actorName,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId ?? null,
      before: json(entry.before),
      after: json(entry.after),
      ip: ctx.ip,
      prev_hash: prev,
    };
    prev = hashRow(row);
    return { ...row, hash: prev };
  });
  await insertRows(trx as never, 'audit_log', rows);
  await trx.updateTable('audit_head').set({ seq, hash: prev }).where('id', '=', 1).execute();
}

export type AuditProblem = 'altered' | 'deleted' | 'out_of_order' | 'head_mismatch';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBad?: { seq: number; problem: AuditProblem; message: string };
}

/** Walks the whole chain in seq order and reports the first row that does not fit. */
export async function verifyAudit<D extends PlatformTables>(
  given: AnyQueryable<D>,
  batch = 5000,
): Promise<VerifyResult> {
  const db = own(given);
  let prevHash = GENESIS;
  let expectSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectSeq)
      .orderBy('seq')
      .limit(batch)
      .execute();
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expectSeq) {
        return bad(checked, expectSeq, 'deleted', `row ${expectSeq} is missing (next row is ${seq})`);
      }
      if (r.prev_hash !== prevHash) {
        return bad(checked, seq, 'out_of_order', `row ${seq} does not follow row ${seq - 1} in the chain`);
      }
      if (hashRow(r as HashedFields) !== r.hash) {
        return bad(checked, seq, 'altered', `row ${seq} was changed after it was written`);
      }
      prevHash = r.hash;
      expectSeq = seq + 1;
      checked++;
    }
    if (rows.length < batch) break;
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if (!head || Number(head.seq) !== expectSeq - 1 || head.hash !== prevHash) {
    return bad(
      checked,
      expectSeq,
      'head_mismatch',
      `the chain ends at row ${expectSeq - 1} but ${head ? Number(head.seq) : 0} rows were written: rows at the end were deleted`,
    );
  }
  return { ok: true, checked };
}

function bad(checked: number, seq: number, problem: AuditProblem, message: string): VerifyResult {
  return { ok: false, checked, firstBad: { seq, problem, message } };
}
