import type { Queryable } from '../../platform/db/connect';
import type { IdentityTables } from './tables';

export type OrgRow = IdentityTables['orgs'];
export type UserRow = IdentityTables['users'];

export const findUserByUsername = (db: Queryable, username: string) =>
  db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

export const findUser = (db: Queryable, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const findOrg = (db: Queryable, id: string) =>
  db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();

export const findOrgByCode = (db: Queryable, code: string) =>
  db.selectFrom('orgs').selectAll().where('code', '=', code).executeTakeFirst();

export const listOrgs = (db: Queryable) => db.selectFrom('orgs').selectAll().orderBy('path').execute();

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
