import type { PlatformContext } from '../../platform/context';
import type { AuditContext } from '../../platform/audit';
import { badRequest, conflict, notFound } from '../../platform/errors';
import { MIN_PASSWORD_LENGTH, hashPassword } from '../../platform/auth/passwords';
import { newApiKey } from '../../platform/auth/tokens';
import { can, type Principal } from '../../platform/auth/principal';
import { newId } from '../../platform/ids';
import {
  anyOrg,
  findStreet,
  findApiKey,
  findOrg,
  findOrgByCode,
  findUser,
  findUserByExtension,
  findUserByUsername,
  insertApiKey,
  insertOrg,
  insertUser,
  listApiKeys,
  listOrgs,
  listUsers,
  markApiKeyRevoked,
  setUserPassword,
  updateOrgFields,
  updateUserFields,
  type UserFilter,
  type UserUpdate,
} from './repo';
import { deleteUserSessions } from './sessions.repo';
import { API_KEY_PERMISSIONS, isRole } from './roles';
import { maskIdCard, maskPhone } from './pii';
import type { OrgKind } from './tables';

const CHILD_KINDS: Record<OrgKind, OrgKind[]> = {
  street: ['department', 'community'],
  department: ['unit'],
  community: ['grid', 'unit'],
  unit: [],
  grid: [],
};

export const orgView = (o: Awaited<ReturnType<typeof listOrgs>>[number]) => ({
  id: o.id,
  parentId: o.parent_id,
  name: o.name,
  kind: o.kind,
  code: o.code,
  departmentType: o.department_type,
  path: o.path,
});

function checkRoles(roles: string[]) {
  if (roles.length === 0) throw badRequest('invalid_roles', 'a user needs at least one role');
  const bad = roles.filter((r) => !isRole(r));
  if (bad.length) throw badRequest('invalid_roles', `unknown role(s): ${bad.join(', ')}`);
}

function checkPassword(pw: string) {
  if (pw.length < MIN_PASSWORD_LENGTH)
    throw badRequest('weak_password', `password must have at least ${MIN_PASSWORD_LENGTH} characters`);
}

export class AdminService {
  constructor(private p: PlatformContext) {}

  async orgs() {
    return (await listOrgs(this.p.db)).map(orgView);
  }

  /** Whether the install has any organisation yet. */
  hasOrgs(): Promise<boolean> {
    return anyOrg(this.p.db);
  }

  /** The street at the root (created, named 街道, when an install starts without demo data). */
  async ensureStreet(ctx: AuditContext): Promise<string> {
    const found = await findStreet(this.p.db);
    if (found) return found.id;
    return this.p.transact(ctx, async (w) => {
      const id = newId(w.now);
      const row = {
        id,
        parent_id: null,
        path: `/${id}/`,
        name: '街道',
        kind: 'street' as OrgKind,
        code: 'STREET',
        department_type: null,
        sort: 0,
        created_at: w.now,
      };
      await insertOrg(w.trx, row);
      w.audit({ action: 'org.create', entityType: 'org', entityId: id, after: { name: row.name, kind: row.kind } });
      return id;
    });
  }

  async createOrg(
    ctx: AuditContext,
    input: { parentId: string; name: string; kind: OrgKind; code: string; departmentType?: string },
  ) {
    const parent = await findOrg(this.p.db, input.parentId);
    if (!parent) throw badRequest('unknown_parent', `parent organisation ${input.parentId} does not exist`);
    if (!CHILD_KINDS[parent.kind].includes(input.kind)) {
      throw badRequest(
        'invalid_kind',
        `a ${parent.kind} cannot contain a ${input.kind} (allowed: ${CHILD_KINDS[parent.kind].join(', ') || 'none'})`,
      );
    }
    if (await findOrgByCode(this.p.db, input.code))
      throw conflict('duplicate_code', `organisation code ${input.code} is taken`);
    return this.p.transact(ctx, async (w) => {
      const id = newId(w.now);
      const row = {
        id,
        parent_id: parent.id,
        path: `${parent.path}${id}/`,
        name: input.name,
        kind: input.kind,
        code: input.code,
        department_type: input.departmentType ?? null,
        sort: 0,
        created_at: w.now,
      };
      await insertOrg(w.trx, row);
      w.audit({ action: 'org.create', entityType: 'org', entityId: id, after: row });
      return orgView(row);
    });
  }

  async updateOrg(
    ctx: AuditContext,
    id: string,
    input: { name?: string; code?: string; departmentType?: string | null },
  ) {
    const before = await findOrg(this.p.db, id);
    if (!before) throw notFound('organisation');
    if (input.code && input.code !== before.code && (await findOrgByCode(this.p.db, input.code))) {
      throw conflict('duplicate_code', `organisation code ${input.code} is taken`);
    }
    return this.p.transact(ctx, async (w) => {
      const patch = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.code !== undefined ? { code: input.code } : {}),
        ...(input.departmentType !== undefined ? { department_type: input.departmentType } : {}),
      };
      if (Object.keys(patch).length) await updateOrgFields(w.trx, id, patch);
      const after = { ...before, ...patch };
      w.audit({ action: 'org.update', entityType: 'org', entityId: id, before, after });
      return orgView(after);
    });
  }

  private userView(u: Awaited<ReturnType<typeof listUsers>>[number], viewer: Principal) {
    const full = can(viewer, 'users.manage');
    return {
      id: u.id,
      username: u.username,
      name: u.name,
      orgId: u.org_id,
      orgName: u.org_name,
      roles: JSON.parse(u.roles) as string[],
      phone: maskPhone(u.phone),
      idCard: maskIdCard(u.id_card),
      extension: u.extension ?? null,
      disabled: !!u.disabled,
      lockedUntil: u.locked_until ? Number(u.locked_until) : null,
      failedLogins: full ? u.failed_logins : undefined,
      createdAt: Number(u.created_at),
    };
  }

  async users(viewer: Principal, filter: UserFilter) {
    const rows = await listUsers(this.p.db, filter);
    return rows
      .filter((u) => viewer.allScope || (viewer.orgPath && u.org_path.startsWith(viewer.orgPath)))
      .map((u) => this.userView(u, viewer));
  }

  async createUser(
    ctx: AuditContext,
    input: {
      username: string;
      name: string;
      password: string;
      orgId: string;
      roles: string[];
      phone?: string;
      idCard?: string;
      extension?: string;
    },
  ) {
    checkRoles(input.roles);
    if (input.extension) await this.checkExtensionFree(input.extension, null);
    checkPassword(input.password);
    if (!(await findOrg(this.p.db, input.orgId)))
      throw badRequest('unknown_org', `organisation ${input.orgId} does not exist`);
    if (await findUserByUsername(this.p.db, input.username))
      throw conflict('duplicate_username', `username ${input.username} is taken`);
    const hash = await hashPassword(input.password);
    return this.p.transact(ctx, async (w) => {
      const id = newId(w.now);
      const row = {
        id,
        username: input.username,
        name: input.name,
        password_hash: hash,
        org_id: input.orgId,
        roles: JSON.stringify(input.roles),
        phone: input.phone ?? null,
        id_card: input.idCard ?? null,
        extension: input.extension ?? null,
        disabled: 0,
        failed_logins: 0,
        locked_until: null,
        created_at: w.now,
        updated_at: w.now,
      };
      await insertUser(w.trx, row);
      w.audit({
        action: 'user.create',
        entityType: 'user',
        entityId: id,
        after: {
          username: row.username,
          name: row.name,
          orgId: row.org_id,
          roles: input.roles,
          ...(row.extension ? { extension: row.extension } : {}),
        },
      });
      return { id };
    });
  }

  async updateUser(
    ctx: AuditContext,
    id: string,
    input: {
      name?: string;
      orgId?: string;
      roles?: string[];
      disabled?: boolean;
      phone?: string | null;
      extension?: string | null;
      unlock?: boolean;
    },
  ) {
    const before = await findUser(this.p.db, id);
    if (!before) throw notFound('user');
    if (input.extension) await this.checkExtensionFree(input.extension, id);
    if (input.roles) checkRoles(input.roles);
    if (input.orgId && !(await findOrg(this.p.db, input.orgId)))
      throw badRequest('unknown_org', `organisation ${input.orgId} does not exist`);
    if (
      ctx.actorId === id &&
      (input.disabled === true ||
        (input.roles && !input.roles.includes('admin') && JSON.parse(before.roles).includes('admin')))
    ) {
      throw conflict('self_lockout', 'you cannot disable yourself or remove your own admin role');
    }
    return this.p.transact(ctx, async (w) => {
      const patch: UserUpdate = { updated_at: w.now };
      if (input.name !== undefined) patch.name = input.name;
      if (input.orgId !== undefined) patch.org_id = input.orgId;
      if (input.roles !== undefined) patch.roles = JSON.stringify(input.roles);
      if (input.disabled !== undefined) patch.disabled = input.disabled ? 1 : 0;
      if (input.phone !== undefined) patch.phone = input.phone;
      if (input.extension !== undefined) patch.extension = input.extension;
      if (input.unlock) Object.assign(patch, { locked_until: null, failed_logins: 0 });
      await updateUserFields(w.trx, id, patch);
      if (input.disabled) await deleteUserSessions(w.trx, id);
      const pick = (u: any) => ({
        name: u.name,
        orgId: u.org_id,
        roles: u.roles,
        disabled: u.disabled,
        locked: u.locked_until,
        extension: u.extension ?? null,
      });
      w.audit({
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        before: pick(before),
        after: pick({ ...before, ...patch }),
      });
      return { id };
    });
  }

  /** One agent per extension: the caller-ID hook must know whose page a call rings on. */
  private async checkExtensionFree(extension: string, userId: string | null) {
    const holder = await findUserByExtension(this.p.db, extension);
    if (holder && holder.id !== userId)
      throw conflict('duplicate_extension', `分机号 ${extension} 已分配给其他用户 / extension ${extension} is taken`, {
        field: 'extension',
      });
  }

  async setPassword(ctx: AuditContext, id: string, password: string) {
    checkPassword(password);
    if (!(await findUser(this.p.db, id))) throw notFound('user');
    const hash = await hashPassword(password);
    await this.p.transact(ctx, async (w) => {
      await setUserPassword(w.trx, id, hash, w.now);
      await deleteUserSessions(w.trx, id);
      w.audit({ action: 'user.password', entityType: 'user', entityId: id });
    });
  }

  /** Shows one unmasked field; the reveal itself is an audited action. */
  async revealUserField(ctx: AuditContext, id: string, field: 'phone' | 'idCard') {
    const user = await findUser(this.p.db, id);
    if (!user) throw notFound('user');
    const value = field === 'phone' ? user.phone : user.id_card;
    await this.p.transact(ctx, async (w) => {
      w.audit({ action: 'pii.reveal', entityType: 'user', entityId: id, after: { field } });
    });
    return { value };
  }

  async apiKeys() {
    const rows = await listApiKeys(this.p.db);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      prefix: r.prefix,
      permissions: JSON.parse(r.permissions) as string[],
      createdAt: Number(r.created_at),
      revokedAt: r.revoked_at ? Number(r.revoked_at) : null,
      lastUsedAt: r.last_used_at ? Number(r.last_used_at) : null,
    }));
  }

  async createApiKey(ctx: AuditContext, input: { name: string; permissions: string[] }) {
    const bad = input.permissions.filter((p) => !API_KEY_PERMISSIONS.includes(p));
    if (bad.length)
      throw badRequest(
        'invalid_permissions',
        `API keys cannot hold: ${bad.join(', ')} (allowed: ${API_KEY_PERMISSIONS.join(', ')})`,
      );
    if (input.permissions.length === 0) throw badRequest('invalid_permissions', 'give the key at least one permission');
    const { key, prefix, hash } = newApiKey();
    return this.p.transact(ctx, async (w) => {
      const id = newId(w.now);
      await insertApiKey(w.trx, {
        id,
        name: input.name,
        prefix,
        key_hash: hash,
        permissions: JSON.stringify(input.permissions),
        created_by: ctx.actorId,
        created_at: w.now,
        revoked_at: null,
        last_used_at: null,
      });
      w.audit({
        action: 'apikey.create',
        entityType: 'api_key',
        entityId: id,
        after: { name: input.name, prefix, permissions: input.permissions },
      });
      return { id, key, prefix };
    });
  }

  async revokeApiKey(ctx: AuditContext, id: string) {
    const row = await findApiKey(this.p.db, id);
    if (!row) throw notFound('API key');
    if (row.revoked_at) throw conflict('already_revoked', 'this API key is already revoked');
    await this.p.transact(ctx, async (w) => {
      await markApiKeyRevoked(w.trx, id, w.now);
      w.audit({ action: 'apikey.revoke', entityType: 'api_key', entityId: id });
    });
  }
}
