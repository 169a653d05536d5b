import type { Queryable } from '../../platform/db/connect';
import { randomToken, sha256 } from '../../platform/auth/tokens';

/** Sessions are stored by the hash of their cookie value: a leaked table cannot be replayed. */
export async function createSession(db: Queryable, userId: string, now: number, hours: number, ip: string | null) {
  const token = randomToken();
  const csrfToken = randomToken(24);
  await db
    .insertInto('sessions')
    .values({
      id: sha256(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: now + hours * 3_600_000,
      ip,
    })
    .execute();
  return { token, csrfToken };
}

export async function findSession(db: Queryable, token: string, now: number) {
  const row = await db.selectFrom('sessions').selectAll().where('id', '=', sha256(token)).executeTakeFirst();
  if (!row || Number(row.expires_at) <= now) return null;
  return row;
}

export async function deleteSession(db: Queryable, token: string) {
  await db.deleteFrom('sessions').where('id', '=', sha256(token)).execute();
}

export async function deleteUserSessions(db: Queryable, userId: string) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function purgeExpiredSessions(db: Queryable, now: number) {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}
