/**
 * 查看号码 for the handler, on both engines: the unit an order is assigned to may reveal the caller's
 * number while 联系市民 is offered (办理中), audited with the basis 'assigned_unit'; the centre
 * reveals on its permission ('permission'); another unit, a unit before signing and after 办结 are 403.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../src/platform/clock';
import { at } from '../src/platform/calendar/test-helpers';
import { dialects } from './helpers/env';
import { startTestApp, type TestApp } from './helpers/app';
import { login, type Client } from './helpers/client';

describe.each(dialects('orders reveal for the handler'))('查看号码 by the assigned unit (%s)', (dialect) => {
  let app: TestApp;
  let dispatcher: Client;
  let handler: Client;
  let otherHandler: Client;
  const orgId = async (code: string) =>
    (await app.platform.db.selectFrom('orgs').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const reveals = async (orderId: string) =>
    (
      await app.platform.db
        .selectFrom('audit_log')
        .select(['actor_name', 'after'])
        .where('entity_id', '=', orderId)
        .where('action', '=', 'pii.reveal')
        .orderBy('seq')
        .execute()
    ).map((r) => ({ who: r.actor_name, ...JSON.parse(r.after ?? '{}') }));

  beforeAll(async () => {
    app = await startTestApp(dialect, { trainingSamples: 300 });
    (app.platform.clock as ManualClock).set(at('2026-03-02 09:00'));
    const admin = await login(app, 'admin');
    // a handler of another department (水务), to be refused
    const made = await admin.post('/api/users', {
      username: 'sw-handler',
      name: '水务办理',
      password: 'long-enough-1',
      orgId: await orgId('GC-SW'),
      roles: ['handler'],
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    dispatcher = await login(app, 'dispatcher');
    handler = await login(app, 'handler');
    otherHandler = await login(app, 'sw-handler', 'long-enough-1');
  });
  afterAll(() => app?.dispose());

  async function newOrder(): Promise<string> {
    const r = await dispatcher.post('/api/orders', {
      channel: 'hotline',
      description: '小区门口有人占道经营摆摊，影响行人通行',
      categoryCode: '010101',
      reporter: { name: '王小明', phone: '13812345678' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.order.state).toBe('pending_sign'); // auto-dispatched to 城管 (GC-ZF), the handler's unit
    return r.body.order.id;
  }

  it('the assigned unit may reveal while 办理中, and the audit row says on what basis', async () => {
    const id = await newOrder();
    // before signing, contact is not offered: no reveal, and the detail says so
    expect((await handler.get(`/api/orders/${id}`)).body.canReveal).toBe(false);
    expect((await handler.post(`/api/orders/${id}/reveal`)).status).toBe(403);
    expect((await handler.post(`/api/orders/${id}/actions`, { type: 'sign' })).status).toBe(200);

    const detail = await handler.get(`/api/orders/${id}`);
    expect(detail.body.actions).toContain('contact');
    expect(detail.body.canReveal).toBe(true);
    expect(detail.body.order.reporter).toMatchObject({ masked: true, phone: '138****5678' });
    const r = await handler.post(`/api/orders/${id}/reveal`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({ name: '王小明', phone: '13812345678' });
    // the centre reveals on its permission
    expect((await dispatcher.get(`/api/orders/${id}`)).body.canReveal).toBe(true);
    expect((await dispatcher.post(`/api/orders/${id}/reveal`)).status).toBe(200);
    expect(await reveals(id)).toEqual([
      { who: 'handler', fields: ['reporter_name', 'reporter_phone'], basis: 'assigned_unit' },
      { who: 'dispatcher', fields: ['reporter_name', 'reporter_phone'], basis: 'permission' },
    ]);
  });

  it('another unit is refused (403), and nothing is audited', async () => {
    const id = await newOrder();
    expect((await handler.post(`/api/orders/${id}/actions`, { type: 'sign' })).status).toBe(200);
    const r = await otherHandler.post(`/api/orders/${id}/reveal`);
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('forbidden');
    // a clerk (no permission, no unit holding the order) likewise
    expect((await (await login(app, 'clerk')).post(`/api/orders/${id}/reveal`)).status).toBe(403);
    expect(await reveals(id)).toEqual([]);
  });

  it('after 办结 (the reply submitted) the unit may no longer reveal', async () => {
    const id = await newOrder();
    expect((await handler.post(`/api/orders/${id}/actions`, { type: 'sign' })).status).toBe(200);
    expect((await handler.post(`/api/orders/${id}/reveal`)).status).toBe(200);
    const done = await handler.post(`/api/orders/${id}/actions`, { type: 'submit_reply', reply: '已劝离，现场已清理' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.order.state).toBe('pending_review');
    expect(done.body.canReveal).toBe(false);
    const r = await handler.post(`/api/orders/${id}/reveal`);
    expect(r.status).toBe(403);
    expect((await reveals(id)).map((x) => x.basis)).toEqual(['assigned_unit']);
  });
});
