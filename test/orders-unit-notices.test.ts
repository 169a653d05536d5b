/**
 * A unit's notices in the app (the bell), on both engines: a dispatch or a 督办 to the handler's
 * unit shows as an unread notice; another unit's does not; marking seen clears the count until
 * the next notice; the mark never moves back nor past now; only handlers have a bell.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from './helpers/env';
import { startTestApp, type TestApp } from './helpers/app';
import { login, type Client } from './helpers/client';
import type { ManualClock } from '../src/platform/clock';
import { DELIVER_JOB } from '../src/modules/orders/notifications';

type Mine = {
  items: Array<{ orderId: string; template: string; title: string; text: string; unread: boolean; unitName: string }>;
  unread: number;
  seenAt: number;
};

describe.each(dialects('orders unit notices'))('unit notices (%s)', (dialect) => {
  let app: TestApp;
  let dispatcher: Client;
  let handler: Client;
  const unit: Record<string, string> = {};

  const mine = async (): Promise<Mine> => {
    const res = await handler.get('/api/notifications/mine');
    expect(res.status).toBe(200);
    return res.body;
  };
  const dispatched = async (to: string, description: string) => {
    const made = await dispatcher.post('/api/orders', { channel: 'hotline', description, categoryCode: '010402' });
    expect(
      (await dispatcher.post(`/api/orders/${made.body.order.id}/actions`, { type: 'dispatch', unitId: unit[to] }))
        .status,
    ).toBe(200);
    return made.body.order as { id: string; number: string };
  };
  const tick = () => (app.clock as ManualClock).advance(1000);

  beforeAll(async () => {
    app = await startTestApp(dialect, { trainingSamples: 300 });
    [dispatcher, handler] = await Promise.all([login(app, 'dispatcher'), login(app, 'handler')]);
    for (const code of ['GC-ZF', 'GC-SW'])
      unit[code] = (
        await app.platform.db.selectFrom('orgs').select('id').where('code', '=', code).executeTakeFirstOrThrow()
      ).id;
  }, 120_000);
  afterAll(() => app?.dispose());

  it('a dispatch to the handler’s unit is an unread 新工单 notice; one to another unit is not shown', async () => {
    const before = await mine();
    tick();
    const own = await dispatched('GC-ZF', '人行道地砖松动，雨天踩下去溅一身水');
    const other = await dispatched('GC-SW', '小区水管爆裂，路面积水');
    const after = await mine();
    expect(after.unread).toBe(before.unread + 1);
    expect(after.items[0]).toMatchObject({
      orderId: own.id,
      template: 'unit.new_order',
      title: '新工单通知',
      unread: true,
      unitName: '城市管理和综合执法局',
    });
    expect(after.items[0]!.text).toContain(own.number);
    expect(after.items.map((n) => n.orderId)).not.toContain(other.id);
  });

  it('marking seen clears the count until the next notice (a 督办)', async () => {
    const seen = await handler.post('/api/notifications/mine/seen', {});
    expect(seen.status).toBe(200);
    const cleared = await mine();
    expect(cleared.unread).toBe(0);
    expect(cleared.items.every((n) => !n.unread)).toBe(true);
    tick();
    const order = await dispatched('GC-ZF', '路灯不亮已经一周了');
    expect(
      (await dispatcher.post(`/api/orders/${order.id}/actions`, { type: 'supervise', note: '请今日内处理' })).status,
    ).toBe(200);
    const next = await mine();
    expect(next.unread).toBe(2);
    expect(
      next.items
        .slice(0, 2)
        .map((n) => n.template)
        .sort(),
    ).toEqual(['unit.new_order', 'unit.supervised']);
  });

  it('the mark never moves back, nor past now', async () => {
    const now = app.clock.now();
    const ahead = await handler.post('/api/notifications/mine/seen', { until: now + 86_400_000 });
    expect(ahead.body.seenAt).toBe(now);
    const back = await handler.post('/api/notifications/mine/seen', { until: 0 });
    expect(back.body.seenAt).toBe(now);
    expect((await handler.post('/api/notifications/mine/seen', { until: -1 })).status).toBe(400);
  });

  it('only handlers have a bell', async () => {
    expect((await dispatcher.get('/api/notifications/mine')).status).toBe(403);
    expect((await dispatcher.post('/api/notifications/mine/seen', {})).status).toBe(403);
  });
});

describe.each(dialects('orders demo notices'))('the demo’s unit notices (%s)', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(dialect, { trainingSamples: 300, orders: 600 });
  }, 180_000);
  afterAll(() => app?.dispose());

  it('a fresh demo’s bell holds the notices of the unit’s open orders, all sent, none to citizens', async () => {
    const handler = await login(app, 'handler');
    const mine = (await handler.get('/api/notifications/mine?limit=100')).body as Mine;
    expect(mine.items.length).toBeGreaterThan(0);
    const zf = (
      await app.platform.db.selectFrom('orgs').select('id').where('code', '=', 'GC-ZF').executeTakeFirstOrThrow()
    ).id;
    const orders = await app.platform.db
      .selectFrom('orders')
      .select(['id', 'number', 'unit_id', 'state'])
      .where(
        'id',
        'in',
        mine.items.map((n) => n.orderId),
      )
      .execute();
    for (const n of mine.items) {
      const o = orders.find((r) => r.id === n.orderId)!;
      expect(o.unit_id).toBe(zf);
      expect(['pending_sign', 'handling', 'pending_review']).toContain(o.state);
      expect(n.text).toContain(o.number);
    }
    const seeded = await app.platform.db
      .selectFrom('notifications')
      .select(['status', 'recipient_kind', 'channel'])
      .execute();
    expect(seeded.every((r) => r.status === 'sent' && r.recipient_kind === 'unit' && r.channel === 'internal')).toBe(
      true,
    );
    // nothing left for the delivery job to send
    const jobs = await app.platform.db.selectFrom('jobs').select('id').where('kind', '=', DELIVER_JOB).execute();
    expect(jobs).toHaveLength(0);
  });
});
