import { Type as T } from '@sinclair/typebox';
import type { Http } from '../../platform/http';
import { SESSION_COOKIE, requirePrincipal } from '../../platform/auth/hooks';
import { auditContext } from '../../platform/request-context';
import { unauthorized } from '../../platform/errors';
import type { AuthService } from './auth-service';
import type { AdminService } from './admin-service';
import { GRANTS, ROLES, ROLE_LABELS, API_KEY_PERMISSIONS } from './roles';
import { findOrg } from './repo';
import type { PlatformContext } from '../../platform/context';

const Id = T.Object({ id: T.String({ minLength: 1, maxLength: 64 }) });
const OrgKind = T.Union(['street', 'department', 'community', 'unit', 'grid'].map((k) => T.Literal(k)));
const RoleList = T.Array(T.String({ maxLength: 32 }), { maxItems: 10 });

export function identityRoutes(app: Http, p: PlatformContext, auth: AuthService, admin: AdminService) {
  app.post(
    '/api/auth/login',
    {
      config: { permission: 'public', csrf: false },
      schema: {
        tags: ['identity'],
        summary: '登录 / log in (sets an httpOnly session cookie)',
        body: T.Object(
          { username: T.String({ minLength: 1, maxLength: 64 }), password: T.String({ minLength: 1, maxLength: 256 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => {
      const s = await auth.login(req.body.username, req.body.password, req.ip);
      reply.setCookie(SESSION_COOKIE, s.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: req.protocol === 'https',
        maxAge: s.maxAgeSec,
      });
      const principal = await auth.principalOf(s.userId);
      return { user: await meView(p, principal!), csrfToken: s.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['identity'], summary: '退出 / log out' },
    },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await auth.logout(token, auditContext(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.get(
    '/api/me',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['identity'], summary: '当前用户 / the current user, roles and permissions' },
    },
    async (req) => {
      const pr = requirePrincipal(req);
      if (pr.kind !== 'user') throw unauthorized('an API key has no user');
      return { user: await meView(p, pr), permissions: [...pr.permissions].sort(), csrfToken: pr.csrfToken };
    },
  );

  app.get(
    '/api/orgs',
    {
      config: { permission: 'orgs.read' },
      schema: { tags: ['identity'], summary: '组织机构 / organisation tree (flat, by path)' },
    },
    async () => ({ items: await admin.orgs() }),
  );

  app.post(
    '/api/orgs',
    {
      config: { permission: 'orgs.manage' },
      schema: {
        tags: ['identity'],
        body: T.Object(
          {
            parentId: T.String({ minLength: 1 }),
            name: T.String({ minLength: 1, maxLength: 100 }),
            kind: OrgKind,
            code: T.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' }),
            departmentType: T.Optional(T.String({ maxLength: 40 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => reply.status(201).send(await admin.createOrg(auditContext(req), req.body as any)),
  );

  app.patch(
    '/api/orgs/:id',
    {
      config: { permission: 'orgs.manage' },
      schema: {
        tags: ['identity'],
        params: Id,
        body: T.Object(
          {
            name: T.Optional(T.String({ minLength: 1, maxLength: 100 })),
            code: T.Optional(T.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' })),
            departmentType: T.Optional(T.Union([T.String({ maxLength: 40 }), T.Null()])),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => admin.updateOrg(auditContext(req), req.params.id, req.body),
  );

  app.get(
    '/api/users',
    {
      config: { permission: 'users.read' },
      schema: {
        tags: ['identity'],
        querystring: T.Object(
          { q: T.Optional(T.String({ maxLength: 64 })), orgId: T.Optional(T.String()), role: T.Optional(T.String()) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => ({ items: await admin.users(requirePrincipal(req), req.query) }),
  );

  app.post(
    '/api/users',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['identity'],
        body: T.Object(
          {
            username: T.String({ minLength: 2, maxLength: 64, pattern: '^[A-Za-z0-9_.@-]+$' }),
            name: T.String({ minLength: 1, maxLength: 64 }),
            password: T.String({ minLength: 1, maxLength: 256 }),
            orgId: T.String({ minLength: 1 }),
            roles: RoleList,
            phone: T.Optional(T.String({ pattern: '^[0-9+ -]{5,20}$' })),
            idCard: T.Optional(T.String({ pattern: '^[0-9]{17}[0-9Xx]$' })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => reply.status(201).send(await admin.createUser(auditContext(req), req.body)),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['identity'],
        params: Id,
        body: T.Object(
          {
            name: T.Optional(T.String({ minLength: 1, maxLength: 64 })),
            orgId: T.Optional(T.String({ minLength: 1 })),
            roles: T.Optional(RoleList),
            disabled: T.Optional(T.Boolean()),
            unlock: T.Optional(T.Boolean()),
            phone: T.Optional(T.Union([T.String({ pattern: '^[0-9+ -]{5,20}$' }), T.Null()])),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => admin.updateUser(auditContext(req), req.params.id, req.body),
  );

  app.post(
    '/api/users/:id/password',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['identity'],
        params: Id,
        body: T.Object({ password: T.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false }),
      },
    },
    async (req) => {
      await admin.setPassword(auditContext(req), req.params.id, req.body.password);
      return { ok: true };
    },
  );

  app.post(
    '/api/users/:id/reveal',
    {
      config: { permission: 'pii.reveal' },
      schema: {
        tags: ['identity'],
        summary: '查看完整个人信息（留痕）/ reveal a masked field (audited)',
        params: Id,
        body: T.Object({ field: T.Union([T.Literal('phone'), T.Literal('idCard')]) }, { additionalProperties: false }),
      },
    },
    async (req) => admin.revealUserField(auditContext(req), req.params.id, req.body.field),
  );

  app.get('/api/roles', { config: { permission: 'roles.read' }, schema: { tags: ['identity'] } }, async () => ({
    items: ROLES.map((role) => ({
      role,
      label: ROLE_LABELS[role].zh,
      labelEn: ROLE_LABELS[role].en,
      permissions: Object.entries(GRANTS)
        .filter(([, rs]) => rs.includes(role))
        .map(([perm]) => perm),
    })),
    apiKeyPermissions: API_KEY_PERMISSIONS,
  }));

  app.get('/api/api-keys', { config: { permission: 'apikeys.manage' }, schema: { tags: ['identity'] } }, async () => ({
    items: await admin.apiKeys(),
  }));

  app.post(
    '/api/api-keys',
    {
      config: { permission: 'apikeys.manage' },
      schema: {
        tags: ['identity'],
        summary: '创建 API 密钥（仅显示一次）/ create an API key (shown once)',
        body: T.Object(
          { name: T.String({ minLength: 1, maxLength: 100 }), permissions: T.Array(T.String(), { maxItems: 20 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => reply.status(201).send(await admin.createApiKey(auditContext(req), req.body)),
  );

  app.post(
    '/api/api-keys/:id/revoke',
    {
      config: { permission: 'apikeys.manage' },
      schema: { tags: ['identity'], params: Id },
    },
    async (req) => {
      await admin.revokeApiKey(auditContext(req), req.params.id);
      return { ok: true };
    },
  );
}

async function meView(p: PlatformContext, pr: { id: string; name: string; roles: string[]; orgId: string | null }) {
  const user = await p.db.selectFrom('users').select(['name', 'username']).where('id', '=', pr.id).executeTakeFirst();
  const org = pr.orgId ? await findOrg(p.db, pr.orgId) : undefined;
  return {
    id: pr.id,
    username: user?.username ?? pr.name,
    name: user?.name ?? pr.name,
    roles: pr.roles,
    orgId: pr.orgId,
    orgName: org?.name ?? null,
    orgKind: org?.kind ?? null,
  };
}
