import { createHash } from 'node:crypto';
import type { Queryable, Tx } from './db/connect';
import { conflict } from './errors';

export interface StoredResponse<T> {
  status: number;
  body: T;
  replayed: boolean;
}

export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string };
  return err?.code === '23505' || (typeof err?.code === 'string' && err.code.startsWith('SQLITE_CONSTRAINT'));
}

const hashOf = (v: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(v ?? null))
    .digest('hex');

/**
 * `Idempotency-Key` support: the first request with a key runs and its answer is stored in the
 * same transaction as its effect; a retry with the same key and body gets that answer again; the
 * same key with a different body is refused. Two concurrent first requests: one wins, the other's
 * key insert fails, and it answers with the winner's stored response.
 */
export async function idempotent<T>(
  db: Queryable,
  scope: string,
  key: string | undefined,
  request: unknown,
  run: (
    remember: (trx: Tx, status: number, body: T, now: number) => Promise<void>,
  ) => Promise<{ status: number; body: T }>,
): Promise<StoredResponse<T>> {
  if (!key) return { ...(await run(async () => {})), replayed: false };
  const hash = hashOf(request);
  const stored = await lookup<T>(db, scope, key, hash);
  if (stored) return stored;
  try {
    const res = await run(async (trx, status, body, now) => {
      await trx
        .insertInto('idempotency_keys')
        .values({ scope, key, request_hash: hash, status, response: JSON.stringify(body), created_at: now })
        .execute();
    });
    return { ...res, replayed: false };
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const again = await lookup<T>(db, scope, key, hash);
    if (again) return again;
    throw e;
  }
}

async function lookup<T>(db: Queryable, scope: string, key: string, hash: string): Promise<StoredResponse<T> | null> {
  const row = await db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return null;
  if (row.request_hash !== hash) {
    throw conflict('idempotency_key_reused', 'this Idempotency-Key was used with a different request body');
  }
  return { status: Number(row.status), body: JSON.parse(row.response) as T, replayed: true };
}
