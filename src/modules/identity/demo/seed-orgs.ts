/**
 * The Guicheng demo organisations and users, written into identity's own tables inside the
 * caller's seed transaction. Demo data only: runtime code never imports this file.
 */
import type { Work } from '../../../platform/transact';
import { hashPassword } from '../../../platform/auth/passwords';
import { newId } from '../../../platform/ids';
import { isRole } from '../roles';
import { DEMO_DEPARTMENTS, DEMO_PASSWORD, DEMO_USERS, STREET } from './guicheng-orgs';

export interface DemoCommunity {
  code: string;
  name: string;
}

export interface DemoGrid extends DemoCommunity {
  communityCode: string;
}

/** The street, its departments and units, the communities and grids of the map, and the demo users; org ids by code. */
export async function seedDemoOrgsAndUsers(
  w: Work,
  map: { communities: DemoCommunity[]; grids: DemoGrid[] },
): Promise<Map<string, string>> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const orgIdByCode = new Map<string, string>();
  const pathById = new Map<string, string>();
  const addOrg = async (
    parentCode: string | null,
    code: string,
    name: string,
    kind: string,
    departmentType: string | null,
    sort: number,
  ) => {
    const id = newId(w.now);
    const parentId = parentCode ? orgIdByCode.get(parentCode)! : null;
    const path = `${parentId ? pathById.get(parentId)! : '/'}${id}/`;
    await w.trx
      .insertInto('orgs')
      .values({
        id,
        parent_id: parentId,
        path,
        name,
        kind: kind as never,
        code,
        department_type: departmentType,
        sort,
        created_at: w.now,
      })
      .execute();
    orgIdByCode.set(code, id);
    pathById.set(id, path);
  };
  await addOrg(null, STREET.code, STREET.name, 'street', null, 0);
  let sort = 0;
  for (const d of DEMO_DEPARTMENTS) {
    await addOrg(STREET.code, d.code, d.name, 'department', d.departmentType, sort++);
    for (const u of d.units ?? []) await addOrg(d.code, u.code, u.name, 'unit', d.departmentType, sort++);
  }
  for (const c of map.communities) await addOrg(STREET.code, c.code, c.name, 'community', 'community', sort++);
  for (const g of map.grids) await addOrg(g.communityCode, g.code, g.name, 'grid', 'community', sort++);

  for (const u of DEMO_USERS) {
    if (!u.roles.every(isRole)) throw new Error(`demo user ${u.username} has an unknown role`);
    await w.trx
      .insertInto('users')
      .values({
        id: newId(w.now),
        username: u.username,
        name: u.name,
        password_hash: passwordHash,
        org_id: orgIdByCode.get(u.orgCode)!,
        roles: JSON.stringify(u.roles),
        phone: u.phone,
        id_card: null,
        extension: u.extension ?? null,
        disabled: 0,
        failed_logins: 0,
        locked_until: null,
        created_at: w.now,
        updated_at: w.now,
      })
      .execute();
  }
  return orgIdByCode;
}

export const DEMO_COUNTS = { departments: DEMO_DEPARTMENTS.length, users: DEMO_USERS.length };
export { STREET as DEMO_STREET };
