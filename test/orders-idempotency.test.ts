/**
 * POST /api/orders honours Idempotency-Key: a retried request returns the same order and never
 * makes a second one — also when the retries race each other — and a key reused with another body
 * is refused without creating anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from './helpers/env';
import { startTestApp, type TestApp } from './helpers/app';
import { login, type Client } from './helpers/client';

describe.each(dialects('orders idempotency'))('Idempotency-Key on POST /api/orders (%s)', (dialect) => {
  let app: TestApp;
  let dispatcher: Client;
  const count = async () =>
    Number(
      (
        await app.platform.db
          .selectFrom('orders')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const body = (description: string) => ({ channel: 'hotline', description, reporter: { phone: '13711112222' } });

  beforeAll(async () => {
    app = await startTestApp(dialect, { trainingSamples: 500 });
    dispatcher = await login(app, 'dispatcher');
  });
  afterAll(() => app?.dispose());

  it('a retry with the same key and body returns the same order, and only one exists', async () => {
    const before = await count();
    const first = await dispatcher.post('/api/orders', body('小区门口的路灯坏了一个星期，晚上很黑'), {
      'idempotency-key': 'retry-1',
    });
    expect(first.status).toBe(201);
    const again = await dispatcher.post('/api/orders', body('小区门口的路灯坏了一个星期，晚上很黑'), {
      'idempotency-key': 'retry-1',
    });
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.order.id).toBe(first.body.order.id);
    expect(again.body.order.number).toBe(first.body.order.number);
    expect(await count()).toBe(before + 1);
  });

  it('concurrent requests with one key create exactly one order, and all get its number', async () => {
    const before = await count();
    const replies = await Promise.all(
      Array.from({ length: 8 }, () =>
        dispatcher.post('/api/orders', body('桂澜路上有井盖缺失，非常危险'), { 'idempotency-key': 'race-1' }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(replies.map((r) => r.body.order.number)).size).toBe(1);
    expect(await count()).toBe(before + 1);
    const timelines = await app.platform.db
      .selectFrom('order_events')
      .select('id')
      .where('order_id', '=', replies[0].body.order.id)
      .where('type', '=', 'order.created')
      .execute();
    expect(timelines).toHaveLength(1);
  });

  it('the same key with a different body is refused with 409 and changes nothing', async () => {
    await dispatcher.post('/api/orders', body('垃圾桶满了没人清理'), { 'idempotency-key': 'reuse-1' });
    const before = await count();
    const head = await app.platform.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
    const other = await dispatcher.post('/api/orders', body('完全不同的另一件事情：噪音扰民'), {
      'idempotency-key': 'reuse-1',
    });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('idempotency_key_reused');
    expect(await count()).toBe(before);
    const headAfter = await app.platform.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
    expect(Number(headAfter.seq)).toBe(Number(head.seq));
  });

  it('keys are per caller: another user with the same key gets their own order', async () => {
    const handler = await login(app, 'handler');
    const a = await dispatcher.post('/api/orders', body('树枝断了挂在电线上'), { 'idempotency-key': 'shared-key' });
    const b = await handler.post('/api/orders', body('树枝断了挂在电线上'), { 'idempotency-key': 'shared-key' });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.order.id).not.toBe(a.body.order.id);
  });

  it('without a key, two identical posts are two orders (and the second is offered as a duplicate)', async () => {
    const loc = { lng: 113.15, lat: 23.03 };
    const a = await dispatcher.post('/api/orders', { ...body('中区社区门口占道经营卖水果影响通行'), location: loc });
    const b = await dispatcher.post('/api/orders', { ...body('中区社区门口占道经营卖水果影响通行'), location: loc });
    expect(b.body.order.id).not.toBe(a.body.order.id);
    expect(b.body.duplicates.map((d: { id: string }) => d.id)).toContain(a.body.order.id);
  });
});

describe.each(dialects('merged duplicates'))('重复件 follow their main order (%s)', (dialect) => {
  let app: TestApp;
  afterAll(() => app?.dispose());

  it("a merged order's reporter is told the main order's answer, and tracking shows the main order", async () => {
    app = await startTestApp(dialect, { trainingSamples: 500 });
    const dispatcher = await login(app, 'dispatcher');
    const main = await dispatcher.post('/api/orders', {
      channel: 'hotline',
      description: '灯湖东路路灯不亮',
      categoryCode: '010401',
      reporter: { phone: '13700000001' },
    });
    const dup = await dispatcher.post('/api/orders', {
      channel: 'hotline',
      description: '灯湖东路那排路灯晚上不亮',
      categoryCode: '010401',
      reporter: { phone: '13700000002' },
    });
    const mainId = main.body.order.id;
    expect(
      (await dispatcher.post(`/api/orders/${dup.body.order.id}/actions`, { type: 'merge', mainOrderId: mainId }))
        .status,
    ).toBe(200);
    expect(
      (await dispatcher.post(`/api/orders/${mainId}/actions`, { type: 'direct_reply', reply: '路灯已于今晚修复' }))
        .status,
    ).toBe(200);
    const sent = await app.platform.db
      .selectFrom('notifications')
      .selectAll()
      .where('order_id', '=', dup.body.order.id)
      .execute();
    const told = sent.filter((n) => n.template === 'citizen.replied');
    expect(told).toHaveLength(1);
    expect(told[0].recipient).toBe('13700000002');
    expect(told[0].text).toContain(dup.body.order.number);
    expect(told[0].text).toContain('路灯已于今晚修复');
    const tracked = await app.http.inject({
      method: 'GET',
      url: `/api/public/orders/track?number=${dup.body.order.number}&phone=13700000002`,
    });
    expect(tracked.statusCode).toBe(200);
    expect(JSON.parse(tracked.body).mainOrderNumber).toBe(main.body.order.number);
  });
});
