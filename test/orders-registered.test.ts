/**
 * 我登记的工单 and 我的诉求 on both engines: a window clerk lists (registeredBy=me) and opens the
 * orders they registered, and no one else's; a handler narrows their scope to what they registered;
 * a logged-in citizen opens the progress of their own request (someone else's is not found).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from './helpers/env';
import { startTestApp, type TestApp } from './helpers/app';
import { login, type Client } from './helpers/client';

describe.each(dialects('orders registered by me'))('registered by me (%s)', (dialect) => {
  let app: TestApp;
  let clerk: Client;
  let otherClerk: Client;
  let dispatcher: Client;
  let clerkOrder: { id: string; number: string };
  let dispatcherOrder: { id: string; number: string };

  const register = async (c: Client, description: string, channel = 'window') => {
    const r = await c.post('/api/orders', { channel, description, reporter: { phone: '13700002222' } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return { id: r.body.order.id as string, number: r.body.order.number as string };
  };

  beforeAll(async () => {
    app = await startTestApp(dialect, { trainingSamples: 200 });
    const admin = await login(app, 'admin');
    const org = await app.platform.db
      .selectFrom('orgs')
      .select('id')
      .where('code', '=', 'GC-XZ')
      .executeTakeFirstOrThrow();
    const made = await admin.post('/api/users', {
      username: 'clerk2',
      name: '另一窗口',
      password: 'yiwang-demo',
      orgId: org.id,
      roles: ['clerk'],
    });
    expect(made.status).toBe(201);
    clerk = await login(app, 'clerk');
    otherClerk = await login(app, 'clerk2');
    dispatcher = await login(app, 'dispatcher');
    clerkOrder = await register(clerk, '窗口来访：小区门口井盖松动，踩上去响');
    dispatcherOrder = await register(dispatcher, '热线来电：路边垃圾桶满了没人清理', 'hotline');
  });
  afterAll(() => app?.dispose());

  it('lists a clerk’s own registrations, with or without registeredBy=me, and nobody else’s', async () => {
    for (const url of ['/api/orders', '/api/orders?registeredBy=me']) {
      const page = await clerk.get(url);
      expect(page.status).toBe(200);
      expect(page.body.items.map((o: any) => o.number)).toEqual([clerkOrder.number]);
    }
    expect((await otherClerk.get('/api/orders?registeredBy=me')).body.items).toEqual([]);
    const counts = await clerk.get('/api/orders/counts');
    expect(counts.body.byState.pending_dispatch + counts.body.byState.pending_sign).toBe(1);
  });

  it('opens an order the clerk registered; another clerk may not', async () => {
    const mine = await clerk.get(`/api/orders/${clerkOrder.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body.order.number).toBe(clerkOrder.number);
    expect(mine.body.actions).toEqual([]);
    expect((await clerk.get(`/api/orders/${clerkOrder.number}`)).status).toBe(200);
    const theirs = await clerk.get(`/api/orders/${dispatcherOrder.id}`);
    expect(theirs.status).toBe(403);
    expect(theirs.body.error.code).toBe('forbidden');
    expect((await otherClerk.get(`/api/orders/${clerkOrder.id}`)).status).toBe(403);
    // reading is not acting: the clerk cannot dispatch what they registered
    const act = await clerk.post(`/api/orders/${clerkOrder.id}/actions`, { type: 'cancel', reason: '重复' });
    expect(act.status).toBe(403);
  });

  it('narrows a street-wide list to the caller’s own registrations', async () => {
    const all = await dispatcher.get('/api/orders?limit=500');
    expect(all.body.items.map((o: any) => o.id)).toEqual(expect.arrayContaining([clerkOrder.id, dispatcherOrder.id]));
    const mine = await dispatcher.get('/api/orders?registeredBy=me');
    expect(mine.body.items.map((o: any) => o.id)).toEqual([dispatcherOrder.id]);
    expect((await dispatcher.get('/api/orders?registeredBy=someone')).status).toBe(400);
  });

  it('shows a citizen the progress of their own request, not someone else’s', async () => {
    const citizen = await login(app, 'citizen');
    const made = await citizen.post('/api/orders', { channel: 'web', description: '楼下路灯坏了好几天，晚上很黑' });
    expect(made.status).toBe(201);
    const list = await citizen.get('/api/orders/mine');
    expect(list.body.items.map((o: any) => o.number)).toContain(made.body.order.number);
    const detail = await citizen.get(`/api/orders/mine/${made.body.order.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ number: made.body.order.number, state: made.body.order.state });
    expect(detail.body.progress[0].step).toBe('登记受理');
    expect((await citizen.get(`/api/orders/mine/${made.body.order.number}`)).status).toBe(200);
    expect((await citizen.get(`/api/orders/mine/${clerkOrder.id}`)).status).toBe(404);
  });
});
