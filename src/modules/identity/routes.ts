import { Ok } from '../../platform/contract';
import {
  ApiKeyList,
  IdParams as Id,
  IdResult,
  LoginBody,
  LoginResult,
  Me,
  NewApiKey,
  NewApiKeyBody,
  NewOrgBody,
  NewUserBody,
  Org,
  OrgList,
  OrgPatch,
  PasswordBody,
  RevealBody,
  RevealedValue,
  RolesResponse,
  UserList,
  UserPatch,
  UserQuery,
} from './contract';
import type { Http } from '../../platform/http';
import { SESSION_COOKIE, requirePrincipal } from '../../platform/auth/hooks';
import { auditContext } from '../../platform/request-context';
import { unauthorized } from '../../platform/errors';
import type { AuthService } from './auth-service';
import type { AdminService } from './admin-service';
import { GRANTS, ROLES, ROLE_LABELS, API_KEY_PERMISSIONS } from './roles';
import { findOrg, findUserNames } from './repo';
import type { PlatformContext } from '../../platform/context';

export function identityRoutes(app: Http, p: PlatformContext, auth: AuthService, admin: AdminService) {
  app.post(
    '/api/auth/login',
    {
      config: { permission: 'public', csrf: false },
      schema: {
        tags: ['identity'],
        summary: '登录 / log in (sets an httpOnly session cookie)',
        body: LoginBody,
        response: { 200: LoginResult },
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
      schema: { tags: ['identity'], summary: '退出 / log out', response: { 200: Ok } },
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
      schema: {
        tags: ['identity'],
        summary: '当前用户 / the current user, roles and permissions',
        response: { 200: Me },
      },
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
      schema: {
        tags: ['identity'],
        summary: '组织机构 / organisation tree (flat, by path)',
        response: { 200: OrgList },
      },
    },
    async () => ({ items: await admin.orgs() }),
  );

  app.post(
    '/api/orgs',
    {
      config: { permission: 'orgs.manage' },
      schema: {
        tags: ['identity'],
        body: NewOrgBody,
        response: { 201: Org },
      },
    },
    async (req, reply) => reply.status(201).send(await admin.createOrg(auditContext(req), req.body)),
  );

  app.patch(
    '/api/orgs/:id',
    {
      config: { permission: 'orgs.manage' },
      schema: {
        tags: ['identity'],
        params: Id,
        body: OrgPatch,
        response: { 200: Org },
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
        querystring: UserQuery,
        response: { 200: UserList },
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
        body: NewUserBody,
        response: { 201: IdResult },
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
        body: UserPatch,
        response: { 200: IdResult },
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
        body: PasswordBody,
        response: { 200: Ok },
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
        body: RevealBody,
        response: { 200: RevealedValue },
      },
    },
    async (req) => admin.revealUserField(auditContext(req), req.params.id, req.body.field),
  );

  app.get(
    '/api/roles',
    {
      config: { permission: 'roles.read' },
      schema: {
        tags: ['identity'],
        summary: '角色与权限 / roles and their permissions',
        response: { 200: RolesResponse },
      },
    },
    async () => ({
      items: ROLES.map((role) => ({
        role,
        label: ROLE_LABELS[role].zh,
        labelEn: ROLE_LABELS[role].en,
        permissions: Object.entries(GRANTS)
          .filter(([, rs]) => rs.includes(role))
          .map(([perm]) => perm),
      })),
      apiKeyPermissions: API_KEY_PERMISSIONS,
    }),
  );

  app.get(
    '/api/api-keys',
    {
      config: { permission: 'apikeys.manage' },
      schema: { tags: ['identity'], summary: 'API 密钥 / API keys', response: { 200: ApiKeyList } },
    },
    async () => ({
      items: await admin.apiKeys(),
    }),
  );

  app.post(
    '/api/api-keys',
    {
      config: { permission: 'apikeys.manage' },
      schema: {
        tags: ['identity'],
        summary: '创建 API 密钥（仅显示一次）/ create an API key (shown once)',
        body: NewApiKeyBody,
        response: { 201: NewApiKey },
      },
    },
    async (req, reply) => reply.status(201).send(await admin.createApiKey(auditContext(req), req.body)),
  );

  app.post(
    '/api/api-keys/:id/revoke',
    {
      config: { permission: 'apikeys.manage' },
      schema: { tags: ['identity'], summary: '吊销 API 密钥 / revoke an API key', params: Id, response: { 200: Ok } },
    },
    async (req) => {
      await admin.revokeApiKey(auditContext(req), req.params.id);
      return { ok: true };
    },
  );
}

async function meView(p: PlatformContext, pr: { id: string; name: string; roles: string[]; orgId: string | null }) {
  const user = await findUserNames(p.db, pr.id);
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
