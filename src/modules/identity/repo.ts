import type { Insertable, Updateable } from 'kysely';
import type { Queryable } from '../../platform/db/connect';
import type { PlatformTables } from '../../platform/tables';
import type { IdentityTables } from './tables';

export type OrgRow = IdentityTables['orgs'];
export type UserRow = IdentityTables['users'];
export type UserUpdate = Updateable<UserRow>;
export type ApiKeyRow = PlatformTables['api_keys'];

export const findUserByUsername = (db: Queryable, username: string) =>
  db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

export const findUser = (db: Queryable, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

/** The (enabled or not) user a telephone extension belongs to. */
export const findUserByExtension = (db: Queryable, extension: string) =>
  db.selectFrom('users').select(['id', 'name', 'disabled']).where('extension', '=', extension).executeTakeFirst();

export const findOrg = (db: Queryable, id: string) =>
  db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();

export const findOrgByCode = (db: Queryable, code: string) =>
  db.selectFrom('orgs').selectAll().where('code', '=', code).executeTakeFirst();

/** Whether any organisation exists (an install with no street yet gets the demo or a first admin). */
export const anyOrg = async (db: Queryable) => !!(await db.selectFrom('orgs').select('id').limit(1).executeTakeFirst());

/** The street at the root of the tree, if there is one. */
export const findStreet = (db: Queryable) =>
  db.selectFrom('orgs').selectAll().where('kind', '=', 'street').executeTakeFirst();

export const listOrgs = (db: Queryable) => db.selectFrom('orgs').selectAll().orderBy('path').execute();

export async function insertOrg(db: Queryable, row: Insertable<OrgRow>) {
  await db.insertInto('orgs').values(row).execute();
}

export async function updateOrgFields(db: Queryable, id: string, patch: Updateable<OrgRow>) {
  await db.updateTable('orgs').set(patch).where('id', '=', id).execute();
}

/** The directory's view of every organisation: what other modules need to place and name units. */
export const listOrgEntries = (db: Queryable) =>
  db.selectFrom('orgs').select(['id', 'code', 'kind', 'department_type', 'name', 'path']).execute();

/** Display names of the users with these ids (those that exist). */
export const userNamesById = (db: Queryable, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('users')
        .select(['id', 'name'])
        .where('id', 'in', [...ids])
        .execute();

/** Users whose name or username contains the text (case-insensitive), at most `limit`. */
export function usersByName(db: Queryable, text: string, limit: number) {
  const like = `%${text.toLowerCase()}%`;
  return db
    .selectFrom('users')
    .select(['id', 'name'])
    .where((eb) => eb.or([eb(eb.fn('lower', ['username']), 'like', like), eb(eb.fn('lower', ['name']), 'like', like)]))
    .limit(limit)
    .execute();
}

/** Names of the organisations with these ids. */
export const orgNamesById = (db: Queryable, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('orgs')
        .select(['id', 'name'])
        .where('id', 'in', [...ids])
        .execute();

/** Organisations whose name contains the text or whose code is it, at most `limit`. */
export function orgsByName(db: Queryable, text: string, limit: number) {
  return db
    .selectFrom('orgs')
    .select('id')
    .where((eb) => eb.or([eb('name', 'like', `%${text}%`), eb('code', '=', text)]))
    .limit(limit)
    .execute();
}

export interface UserFilter {
  q?: string;
  orgId?: string;
  role?: string;
  limit?: number;
}

export async function listUsers(db: Queryable, f: UserFilter) {
  let q = db
    .selectFrom('users')
    .innerJoin('orgs', 'orgs.id', 'users.org_id')
    .selectAll('users')
    .select(['orgs.name as org_name', 'orgs.path as org_path']);
  if (f.orgId) q = q.where('users.org_id', '=', f.orgId);
  if (f.q) {
    const like = `%${f.q.toLowerCase()}%`;
    q = q.where((eb) =>
      eb.or([eb(eb.fn('lower', ['users.username']), 'like', like), eb(eb.fn('lower', ['users.name']), 'like', like)]),
    );
  }
  if (f.role) q = q.where('users.roles', 'like', `%"${f.role}"%`);
  return q
    .orderBy('users.username')
    .limit(f.limit ?? 500)
    .execute();
}

/** Name and username only: what the "me" view shows, without reading the password hash. */
export const findUserNames = (db: Queryable, id: string) =>
  db.selectFrom('users').select(['name', 'username']).where('id', '=', id).executeTakeFirst();

export async function insertUser(db: Queryable, row: Insertable<UserRow>) {
  await db.insertInto('users').values(row).execute();
}

export async function updateUserFields(db: Queryable, id: string, patch: UserUpdate) {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

/** A new password also clears the failed-login count and any lock. */
export async function setUserPassword(db: Queryable, id: string, passwordHash: string, now: number) {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, failed_logins: 0, locked_until: null, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function recordFailedLogin(db: Queryable, id: string, failedLogins: number, lockedUntil: number | null) {
  await db
    .updateTable('users')
    .set({ failed_logins: failedLogins, locked_until: lockedUntil })
    .where('id', '=', id)
    .execute();
}

export async function clearFailedLogins(db: Queryable, id: string) {
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
}

// API keys: the table is the platform's (auth reads it), but identity issues and revokes keys.

/** Newest first. */
export const listApiKeys = (db: Queryable) =>
  db.selectFrom('api_keys').selectAll().orderBy('created_at', 'desc').execute();

export const findApiKey = (db: Queryable, id: string) =>
  db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();

/** Keys are looked up by their public prefix; the caller then compares the secret's hash. */
export const findApiKeyByPrefix = (db: Queryable, prefix: string) =>
  db.selectFrom('api_keys').selectAll().where('prefix', '=', prefix).executeTakeFirst();

export async function insertApiKey(db: Queryable, row: Insertable<ApiKeyRow>) {
  await db.insertInto('api_keys').values(row).execute();
}

export async function markApiKeyRevoked(db: Queryable, id: string, now: number) {
  await db.updateTable('api_keys').set({ revoked_at: now }).where('id', '=', id).execute();
}

export async function markApiKeyUsed(db: Queryable, id: string, now: number) {
  await db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', id).execute();
}
