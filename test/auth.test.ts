/**
 * Authentication end to end over HTTP: login and its cookie, /api/me, wrong passwords and the
 * account lock, CSRF on cookie-authenticated writes, logout, API keys, masked personal data and
 * the organisation scope of the user list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from './helpers/env';
import { startTestApp, type TestApp } from './helpers/app';
import { Client, anonymous, login, withApiKey, DEMO_PASSWORD } from './helpers/client';
import type { ManualClock } from '../src/platform/clock';

const MINUTE = 60_000;

describe.each(dialects('auth'))('authentication (%s)', (dialect) => {
  let app: TestApp;
  let admin: Client;

  const db = () => app.platform.db;
  const auditSeq = async () =>
    Number((await db().selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq);
  const userId = async (username: string) =>
    (await db().selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  const orgId = async (code: string) =>
    (await db().selectFrom('orgs').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const tryLogin = (username: string, password: string, headers: Record<string, string> = {}) =>
    anonymous(app).request('POST', '/api/auth/login', { username, password }, headers);

  beforeAll(async () => {
    app = await startTestApp(dialect);
    admin = await login(app, 'admin');
  });
  afterAll(() => app?.dispose());

  describe('login', () => {
    it('answers 200 with an httpOnly, SameSite=Strict session cookie', async () => {
      const res = await tryLogin('dispatcher', DEMO_PASSWORD);
      expect(res.status).toBe(200);
      const cookies = ([] as string[]).concat(res.headers['set-cookie'] as string | string[]);
      const session = cookies.find((c) => c.startsWith('yw_session='));
      expect(session).toBeDefined();
      expect(session).toMatch(/;\s*HttpOnly/i);
      expect(session).toMatch(/;\s*SameSite=Strict/i);
      expect(session).toMatch(/;\s*Path=\//i);
      expect(res.body.csrfToken).toEqual(expect.any(String));
      expect(res.body.user).toMatchObject({ username: 'dispatcher', roles: ['dispatcher'] });
      // the cookie value is not what the database keeps (sessions are stored by hash)
      const token = /^yw_session=([^;]+)/.exec(session!)![1];
      const rows = await db().selectFrom('sessions').selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain(token);
    });

    it('/api/me gives the user, organisation, roles, permissions and CSRF token', async () => {
      const me = await admin.get('/api/me');
      expect(me.status).toBe(200);
      expect(me.body.user).toMatchObject({
        id: await userId('admin'),
        username: 'admin',
        name: '系统管理员',
        roles: ['admin'],
        orgId: await orgId('GC'),
        orgName: '桂城街道',
        orgKind: 'street',
      });
      expect(me.body.permissions).toContain('users.manage');
      expect(me.body.permissions).toEqual([...me.body.permissions].sort());
      expect(me.body.csrfToken).toBe(admin.csrf);
    });

    it('refuses a wrong password or an unknown user with 401 invalid_credentials', async () => {
      for (const [u, pw] of [
        ['leader', 'wrong-password'],
        ['nobody-here', DEMO_PASSWORD],
      ]) {
        const res = await tryLogin(u, pw);
        expect(res.status).toBe(401);
        expect(res.body.error.code).toBe('invalid_credentials');
        expect(res.headers['set-cookie']).toBeUndefined();
      }
      expect((await tryLogin('leader', DEMO_PASSWORD)).status).toBe(200); // a success resets the count
    });

    it('locks the account after 5 failures, even for the right password, for 15 minutes', async () => {
      const clock = app.clock as ManualClock;
      for (let i = 1; i <= 4; i++) {
        const res = await tryLogin('pilot', `wrong-${i}`);
        expect(res.status, `failure ${i}`).toBe(401);
        expect(res.body.error.code).toBe('invalid_credentials');
      }
      const fifth = await tryLogin('pilot', 'wrong-5');
      expect(fifth.status).toBe(423);
      expect(fifth.body.error.code).toBe('account_locked');

      const right = await tryLogin('pilot', DEMO_PASSWORD);
      expect(right.status).toBe(423);
      expect(right.body.error.code).toBe('account_locked');
      expect(right.headers['set-cookie']).toBeUndefined();

      clock.advance(15 * MINUTE - 1000);
      expect((await tryLogin('pilot', DEMO_PASSWORD)).status).toBe(423);
      clock.advance(1000);
      expect((await tryLogin('pilot', DEMO_PASSWORD)).status).toBe(200);

      const actions = (await admin.get('/api/audit?action=auth.locked')).body.items;
      expect(actions).toHaveLength(1);
      expect(actions[0].entityId).toBe(await userId('pilot'));
    });
  });

  describe('CSRF', () => {
    const newOrg = async (code: string) => ({
      parentId: await orgId('GC'),
      name: `CSRF 测试 ${code}`,
      kind: 'department',
      code,
    });

    it('refuses a cookie-authenticated write without or with a wrong x-csrf-token, changing nothing', async () => {
      const other = await login(app, 'dispatcher');
      const before = await auditSeq();
      const cookieOnly = new Client(app, admin.cookie, null);
      const cases: Array<[string, Record<string, string>]> = [
        ['missing', {}],
        ['wrong', { 'x-csrf-token': 'not-the-token' }],
        ['another session’s', { 'x-csrf-token': other.csrf! }],
        ['empty', { 'x-csrf-token': '' }],
      ];
      for (const [i, [what, headers]] of cases.entries()) {
        const res = await cookieOnly.request('POST', '/api/orgs', await newOrg(`CSRF-${i}`), headers);
        expect(res.status, what).toBe(403);
        expect(res.body.error.code, what).toBe('csrf');
      }
      // a write without a body schema, too: logout with a forged request leaves the session alive
      expect((await cookieOnly.request('POST', '/api/auth/logout', {})).status).toBe(403);
      expect((await admin.get('/api/me')).status).toBe(200);
      expect(await auditSeq()).toBe(before);
      expect(await db().selectFrom('orgs').select('id').where('code', 'like', 'CSRF-%').execute()).toEqual([]);
      // the same request with the right token goes through
      const ok = await admin.post('/api/orgs', await newOrg('CSRF-OK'));
      expect(ok.status).toBe(201);
    });

    it('does not ask for the token on reads', async () => {
      expect((await new Client(app, admin.cookie, null).get('/api/orgs')).status).toBe(200);
    });
  });

  it('logout ends the session', async () => {
    const leader = await login(app, 'leader');
    expect((await leader.get('/api/me')).status).toBe(200);
    const sessionsBefore = await db().selectFrom('sessions').select('id').execute();
    const out = await leader.post('/api/auth/logout');
    expect(out.status).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/yw_session=;/);
    expect(await db().selectFrom('sessions').select('id').execute()).toHaveLength(sessionsBefore.length - 1);
    const after = await leader.get('/api/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthorized');
    expect((await leader.post('/api/auth/logout')).status).toBe(401);
  });

  describe('API keys', () => {
    it('are shown once, stored hashed, authenticate as Bearer, hold only their permissions, and stop on revoke', async () => {
      const created = await admin.post('/api/api-keys', { name: '12345 热线对接', permissions: ['orders.read'] });
      expect(created.status).toBe(201);
      const { id, key, prefix } = created.body;
      expect(key).toMatch(/^yw_[0-9a-f]{12}_/);
      expect(key).toContain(prefix);

      // never shown again, never stored, never audited in clear
      const listed = await admin.get('/api/api-keys');
      expect(listed.body.items.find((k: any) => k.id === id)).toMatchObject({
        name: '12345 热线对接',
        prefix,
        permissions: ['orders.read'],
        revokedAt: null,
      });
      expect(JSON.stringify(listed.body)).not.toContain(key);
      const row = await db().selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(JSON.stringify(row)).not.toContain(key);
      expect(JSON.stringify(row)).not.toContain(key.slice(prefix.length + 4));
      expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
      const audit = await db().selectFrom('audit_log').select(['before', 'after']).execute();
      expect(JSON.stringify(audit)).not.toContain(key);

      const machine = withApiKey(app, key);
      // authenticated (403, not 401) but without geo.read or orgs.manage
      const geo = await machine.get('/api/geo/places');
      expect(geo.status).toBe(403);
      expect(geo.body.error.code).toBe('forbidden');
      expect((await machine.post('/api/orgs', {})).status).toBe(403);
      expect((await machine.get('/api/api-keys')).status).toBe(403);
      // a route that wants orders.read lets it in, if the orders module is mounted
      const ordersRead = app.routes.find(
        (r) => r.permission === 'orders.read' && r.method === 'GET' && !r.url.includes(':'),
      );
      if (ordersRead) expect([401, 403]).not.toContain((await machine.get(ordersRead.url)).status);

      const geoKey = await admin.post('/api/api-keys', { name: '地图读取', permissions: ['geo.read'] });
      const geoClient = withApiKey(app, geoKey.body.key);
      expect((await geoClient.get('/api/geo/places')).status).toBe(200);
      // the x-api-key header works too; no CSRF token is needed for a key
      const viaHeader = await anonymous(app).request('GET', '/api/geo/places', undefined, {
        'x-api-key': geoKey.body.key,
      });
      expect(viaHeader.status).toBe(200);

      // unknown or malformed keys
      for (const bad of [
        key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A'),
        'yw_000000000000_' + 'x'.repeat(32),
        'nonsense',
      ]) {
        const res = await withApiKey(app, bad).get('/api/geo/places');
        expect(res.status, bad).toBe(401);
        expect(res.body.error.code).toBe('invalid_api_key');
      }

      const revoked = await admin.post(`/api/api-keys/${geoKey.body.id}/revoke`);
      expect(revoked.status).toBe(200);
      const after = await geoClient.get('/api/geo/places');
      expect(after.status).toBe(401);
      expect(after.body.error.code).toBe('invalid_api_key');
      expect((await admin.post(`/api/api-keys/${geoKey.body.id}/revoke`)).status).toBe(409);
    });

    it('cannot be given permissions outside the API-key list', async () => {
      const before = await auditSeq();
      const res = await admin.post('/api/api-keys', { name: 'too strong', permissions: ['users.manage'] });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_permissions');
      expect((await admin.post('/api/api-keys', { name: 'empty', permissions: [] })).status).toBe(400);
      expect(await auditSeq()).toBe(before);
    });
  });

  describe('personal data', () => {
    it('lists users with phones masked', async () => {
      const res = await admin.get('/api/users');
      expect(res.status).toBe(200);
      const dispatcher = res.body.items.find((u: any) => u.username === 'dispatcher');
      expect(dispatcher.phone).toBe('138****0002');
      expect(JSON.stringify(res.body)).not.toMatch(/"1[3-9]\d{9}"/);
      const leaderView = await (await login(app, 'leader')).get('/api/users');
      expect(leaderView.status).toBe(200);
      expect(JSON.stringify(leaderView.body)).not.toMatch(/"1[3-9]\d{9}"/);
    });

    it('reveals a full phone number to admin and dispatcher only, with an audit row', async () => {
      const target = await userId('dispatcher');
      const dispatcher = await login(app, 'dispatcher');
      for (const [who, client] of [
        ['admin', admin],
        ['dispatcher', dispatcher],
      ] as const) {
        const before = await auditSeq();
        const res = await client.post(`/api/users/${target}/reveal`, { field: 'phone' });
        expect(res.status, who).toBe(200);
        expect(res.body.value).toBe('13800000002');
        expect(await auditSeq()).toBe(before + 1);
        const row = await db()
          .selectFrom('audit_log')
          .selectAll()
          .where('seq', '=', before + 1)
          .executeTakeFirstOrThrow();
        expect(row).toMatchObject({
          action: 'pii.reveal',
          entity_type: 'user',
          entity_id: target,
          actor_id: await userId(who),
        });
        expect(JSON.parse(row.after!)).toEqual({ field: 'phone' });
      }
      for (const who of ['leader', 'handler', 'clerk', 'citizen']) {
        const client = await login(app, who);
        const before = await auditSeq();
        const res = await client.post(`/api/users/${target}/reveal`, { field: 'phone' });
        expect(res.status, who).toBe(403);
        expect(JSON.stringify(res.body)).not.toContain('13800000002');
        expect(await auditSeq()).toBe(before);
      }
    });

    it('shows a handler only the users of their own organisation subtree', async () => {
      // the handler works in 城市管理和综合执法局 (GC-ZF); GC-ZF-SR is one of its units
      const inside = await admin.post('/api/users', {
        username: 'zf-unit-user',
        name: '科室同事',
        password: 'long-enough-1',
        orgId: await orgId('GC-ZF-SR'),
        roles: ['handler'],
        phone: '13700000009',
      });
      const outside = await admin.post('/api/users', {
        username: 'jt-user',
        name: '交通办',
        password: 'long-enough-2',
        orgId: await orgId('GC-JT'),
        roles: ['handler'],
      });
      expect([inside.status, outside.status]).toEqual([201, 201]);

      const handler = await login(app, 'handler');
      const res = await handler.get('/api/users');
      expect(res.status).toBe(200);
      expect(res.body.items.map((u: any) => u.username).sort()).toEqual(['handler', 'zf-unit-user']);
      expect(res.body.items.find((u: any) => u.username === 'zf-unit-user').phone).toBe('137****0009');
      // asking for another organisation by id or by name does not widen the scope
      expect((await handler.get(`/api/users?orgId=${await orgId('GC-JT')}`)).body.items).toEqual([]);
      expect((await handler.get('/api/users?q=admin')).body.items).toEqual([]);
      // a street-wide role sees everyone
      const all = (await admin.get('/api/users')).body.items.map((u: any) => u.username);
      expect(all).toEqual(expect.arrayContaining(['admin', 'dispatcher', 'handler', 'zf-unit-user', 'jt-user']));
    });
  });
});
