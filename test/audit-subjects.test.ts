/**
 * The audit log in words, on both engines: rows name their record (an order's 工单号, a user's or
 * organisation's name) and the actor by their name; the log is filtered by 工单号 (`subject`), by
 * the actor's name (`actor`) and by action. The modules resolve their own subjects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from './helpers/env';
import { startTestApp, type TestApp } from './helpers/app';
import { login, type Client } from './helpers/client';

describe.each(dialects('audit subjects'))('audit log subjects and names (%s)', (dialect) => {
  let app: TestApp;
  let admin: Client;
  let order: { id: string; number: string };
  let userId: string;

  beforeAll(async () => {
    app = await startTestApp(dialect, { trainingSamples: 200 });
    admin = await login(app, 'admin');
    const dispatcher = await login(app, 'dispatcher');
    const r = await dispatcher.post('/api/orders', {
      channel: 'hotline',
      description: '小区里的路灯坏了三天没人修',
      reporter: { phone: '13700004444' },
    });
    expect(r.status).toBe(201);
    order = { id: r.body.order.id, number: r.body.order.number };
    const org = await app.platform.db
      .selectFrom('orgs')
      .select('id')
      .where('code', '=', 'GC-XZ')
      .executeTakeFirstOrThrow();
    const u = await admin.post('/api/users', {
      username: 'auditee',
      name: '审计对象',
      password: 'yiwang-demo',
      orgId: org.id,
      roles: ['clerk'],
    });
    userId = u.body.id;
  });
  afterAll(() => app?.dispose());

  it('finds an order’s rows by its 工单号 and shows the 工单号', async () => {
    const res = await admin.get(`/api/audit?subject=${order.number.toLowerCase()}`);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const row of res.body.items) {
      expect(row.entityId).toBe(order.id);
      expect(row.entityLabel).toBe(order.number);
    }
    const create = res.body.items.find((x: any) => x.action === 'order.create');
    expect(create.actorName).toBe('陈调度');
    // the id still works as a subject
    expect((await admin.get(`/api/audit?subject=${order.id}`)).body.items.length).toBe(res.body.items.length);
    expect((await admin.get('/api/audit?subject=GC00000000000')).body.items).toEqual([]);
  });

  it('names users and organisations, and finds them by name', async () => {
    const res = await admin.get('/api/audit?subject=审计对象');
    const created = res.body.items.find((x: any) => x.action === 'user.create');
    expect(created).toMatchObject({ entityType: 'user', entityId: userId, entityLabel: '审计对象' });
  });

  it('filters by the actor’s name and by action', async () => {
    const byName = await admin.get(`/api/audit?actor=${encodeURIComponent('陈调度')}`);
    expect(byName.body.items.length).toBeGreaterThan(0);
    expect(byName.body.items.every((x: any) => x.actorName === '陈调度')).toBe(true);
    const both = await admin.get(`/api/audit?actor=${encodeURIComponent('陈调度')}&action=order.create`);
    expect(both.body.items.map((x: any) => x.entityLabel)).toContain(order.number);
    expect(both.body.items.every((x: any) => x.action.startsWith('order.create'))).toBe(true);
    expect((await admin.get('/api/audit?actor=无此人')).body.items).toEqual([]);
  });
});
