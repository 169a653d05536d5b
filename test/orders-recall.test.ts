/**
 * 改派 and 收回 over HTTP, on both engines: the centre moves an order to another unit or takes it
 * back; each is one transaction (state, timeline, audit, notices); the deadlines do not move; a
 * refused request changes nothing; the evaluation does not charge the unit it was taken from.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import type { ManualClock } from '../src/platform/clock';
import { at } from '../src/platform/calendar/test-helpers';
import { monthPeriod } from '../src/modules/orders/metrics/definitions';
import { dialects } from './helpers/env';
import { startTestApp, type TestApp } from './helpers/app';
import { login } from './helpers/client';

const setClock = (app: App, t: number) => (app.platform.clock as ManualClock).set(t);

describe.each(dialects('orders recall'))('改派 and 收回 (%s)', (dialect) => {
  let app: TestApp;
  const orgId = async (code: string) =>
    (await app.platform.db.selectFrom('orgs').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const call = async (role: string, method: 'GET' | 'POST', path: string, body?: unknown) => {
    const c = await login(app, role);
    return method === 'GET' ? c.get(path) : c.post(path, body);
  };
  const row = (id: string) =>
    app.platform.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const unitNotices = async (orderId: string) =>
    (
      await app.platform.db
        .selectFrom('notifications')
        .select(['recipient', 'template'])
        .where('order_id', '=', orderId)
        .where('recipient_kind', '=', 'unit')
        .orderBy('created_at')
        .orderBy('id')
        .execute()
    ).map((n) => `${n.recipient}:${n.template}`);

  let baseline: Awaited<ReturnType<App['orders']['metrics']['report']>>;
  beforeAll(async () => {
    app = await startTestApp(dialect, { trainingSamples: 300 });
    baseline = await app.orders.metrics.report(monthPeriod('2026-03'));
  });
  afterAll(() => app?.dispose());

  async function newOrder(): Promise<{ id: string; number: string }> {
    setClock(app, at('2026-03-02 09:00'));
    const r = await call('dispatcher', 'POST', '/api/orders', {
      channel: 'hotline',
      description: '小区门口有人占道经营摆摊，影响行人通行',
      categoryCode: '010101',
      reporter: { phone: '13812345678' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.order.state).toBe('pending_sign'); // auto-dispatched to 城管 (GC-ZF)
    return r.body.order;
  }

  it('改派 moves the order to the chosen unit: same deadlines, timeline, audit, both units told', async () => {
    const o = await newOrder();
    const [zf, target] = [await orgId('GC-ZF'), await orgId('GC-SW')];
    const before = await row(o.id);
    setClock(app, at('2026-03-02 10:00'));
    const r = await call('dispatcher', 'POST', `/api/orders/${o.id}/actions`, {
      type: 'redispatch',
      unitId: target,
      reason: '分拨错误：属水务',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.order).toMatchObject({ state: 'pending_sign', unitId: target });
    const after = await row(o.id);
    expect([after.sign_deadline, after.completion_deadline, after.clock_started_at].map(Number)).toEqual(
      [before.sign_deadline, before.completion_deadline, before.clock_started_at].map(Number),
    );
    expect(Number(after.dispatched_at)).toBe(at('2026-03-02 10:00'));
    const step = r.body.timeline.find((e: { type: string }) => e.type === 'order.redispatched');
    expect(step).toMatchObject({ note: '分拨错误：属水务', data: { unitId: target, fromUnitId: zf } });
    const audit = await app.platform.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_id', '=', o.id)
      .where('action', '=', 'order.redispatched')
      .execute();
    expect(audit).toHaveLength(1);
    expect(await unitNotices(o.id)).toEqual([
      `${zf}:unit.new_order`,
      `${zf}:unit.recalled`,
      `${target}:unit.new_order`,
    ]);
    // the old unit may no longer act on it; the new one signs
    expect((await call('handler', 'POST', `/api/orders/${o.id}/actions`, { type: 'sign' })).status).toBe(403);
  });

  it('refused: to the unit holding it, without a reason, by a handler — and nothing changes', async () => {
    const o = await newOrder();
    const zf = await orgId('GC-ZF');
    const version = Number((await row(o.id)).version);
    const same = await call('dispatcher', 'POST', `/api/orders/${o.id}/actions`, {
      type: 'redispatch',
      unitId: zf,
      reason: 'x',
    });
    expect([same.status, same.body.error.code]).toEqual([400, 'same_unit']);
    const noReason = await call('dispatcher', 'POST', `/api/orders/${o.id}/actions`, { type: 'recall' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.code).toBeTruthy();
    const byHandler = await call('handler', 'POST', `/api/orders/${o.id}/actions`, { type: 'recall', reason: 'x' });
    expect(byHandler.status).toBe(403);
    const notAUnit = await call('dispatcher', 'POST', `/api/orders/${o.id}/actions`, {
      type: 'redispatch',
      unitId: 'no-such-unit',
      reason: 'x',
    });
    expect([notAUnit.status, notAUnit.body.error.code]).toEqual([400, 'invalid_unit']);
    expect(Number((await row(o.id)).version)).toBe(version);
  });

  it('收回 after sign-for: back to 待分拨 (not a 退单), the unit told; offered again to the dispatcher', async () => {
    const o = await newOrder();
    const zf = await orgId('GC-ZF');
    setClock(app, at('2026-03-02 09:30'));
    expect((await call('handler', 'POST', `/api/orders/${o.id}/actions`, { type: 'sign' })).status).toBe(200);
    const detail = await call('dispatcher', 'GET', `/api/orders/${o.id}`);
    expect(detail.body.actions).toEqual(expect.arrayContaining(['redispatch', 'recall']));
    setClock(app, at('2026-03-02 11:00'));
    const r = await call('dispatcher', 'POST', `/api/orders/${o.id}/actions`, { type: 'recall', reason: '分拨有误' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.order).toMatchObject({ state: 'pending_dispatch', unitId: null, signedAt: null, bounceCount: 0 });
    expect(r.body.actions).toContain('dispatch');
    expect(await unitNotices(o.id)).toEqual([`${zf}:unit.new_order`, `${zf}:unit.recalled`]);
  });

  it('the evaluation charges no dispatch to a unit an order was taken from; fast path = reference', async () => {
    const p = monthPeriod('2026-03');
    const fast = await app.orders.metrics.report(p);
    const ref = await app.orders.metrics.recompute(p, app.platform.clock.now());
    expect(fast).toEqual(ref);
    const zf = await orgId('GC-ZF');
    const sw = await orgId('GC-SW');
    const delta = (id: string, k: 'dispatched' | 'returned') =>
      Number(fast.units.find((u) => u.unitId === id)?.[k] ?? 0) -
      Number(baseline.units.find((u) => u.unitId === id)?.[k] ?? 0);
    // three orders went to 城管: one was re-dispatched to 水务, one recalled, one stayed
    expect(delta(zf, 'dispatched')).toBe(1);
    expect(delta(sw, 'dispatched')).toBe(1);
    expect(delta(zf, 'returned')).toBe(0);
  });
});
