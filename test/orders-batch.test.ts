/**
 * 批量操作 over HTTP on both engines: POST /api/orders/actions/batch runs each item through the
 * per-order action (its own transaction, permission, scope, timeline, audit row), answers 200 with
 * every item's outcome in order, and refuses a malformed body (400) before touching any order.
 * List rows of orders waiting for 分拨 carry the routing suggestion the centre can dispatch by.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from './helpers/env';
import { startTestApp, type TestApp } from './helpers/app';
import { login, type Client } from './helpers/client';

const BATCH = '/api/orders/actions/batch';

describe.each(dialects('orders batch'))('batch actions (%s)', (dialect) => {
  let app: TestApp;
  let dispatcher: Client;
  let handler: Client;
  const unit = new Map<string, string>();

  beforeAll(async () => {
    app = await startTestApp(dialect, { trainingSamples: 300 });
    dispatcher = await login(app, 'dispatcher');
    handler = await login(app, 'handler');
    for (const o of await app.platform.db.selectFrom('orgs').select(['id', 'code']).execute()) unit.set(o.code, o.id);
  });
  afterAll(() => app?.dispose());

  const auditSeq = async () =>
    Number((await app.platform.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq);
  const row = (id: string) =>
    app.platform.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  /** A hotline order waiting for 分拨 (道路破损: no auto-dispatch rule; the urban-management department is suggested). */
  async function newOrder(categoryCode = '010402', description = '桂澜路人行道地砖松动破损，行人容易绊倒') {
    const r = await dispatcher.post('/api/orders', {
      channel: 'hotline',
      description,
      categoryCode,
      reporter: { phone: '13800001111' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.order.state).toBe('pending_dispatch');
    return r.body.order as { id: string; number: string };
  }

  async function dispatched(code = 'GC-ZF') {
    const o = await newOrder();
    const r = await dispatcher.post(`/api/orders/${o.id}/actions`, { type: 'dispatch', unitId: unit.get(code) });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return o;
  }

  it('mixed outcome: the order in the wrong state fails with its code, the others succeed, each audited', async () => {
    const [a, b] = [await newOrder(), await newOrder()];
    const c = await dispatched('GC-SW'); // already with a unit: 分拨 is refused
    const before = await auditSeq();
    const r = await dispatcher.post(BATCH, {
      items: [
        { id: a.id, type: 'dispatch', unitId: unit.get('GC-ZF'), note: '批量分拨' },
        { id: c.id, type: 'dispatch', unitId: unit.get('GC-ZF') },
        { id: b.id, type: 'dispatch', unitId: unit.get('GC-SW') },
      ],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ succeeded: 2, failed: 1 });
    expect(r.body.items).toEqual([
      { id: a.id, ok: true, orderNo: a.number, state: 'pending_sign' },
      {
        id: c.id,
        ok: false,
        orderNo: c.number,
        state: 'pending_sign',
        error: { code: 'invalid_state', message: expect.any(String) },
      },
      { id: b.id, ok: true, orderNo: b.number, state: 'pending_sign' },
    ]);
    expect(await row(a.id)).toMatchObject({ state: 'pending_sign', unit_id: unit.get('GC-ZF') });
    expect(await row(b.id)).toMatchObject({ state: 'pending_sign', unit_id: unit.get('GC-SW') });
    expect(await row(c.id)).toMatchObject({ state: 'pending_sign', unit_id: unit.get('GC-SW') });
    // one audit row per order that changed, none for the refused one
    const audit = await app.platform.db
      .selectFrom('audit_log')
      .select(['entity_id', 'action'])
      .where('seq', '>', before)
      .orderBy('seq')
      .execute();
    expect(audit.map((x) => `${x.entity_id}:${x.action}`)).toEqual([
      `${a.id}:order.dispatched`,
      `${b.id}:order.dispatched`,
    ]);
    // each keeps its own timeline step (with the item's note)
    const steps = await app.platform.db
      .selectFrom('order_events')
      .select(['order_id', 'note'])
      .where('type', '=', 'order.dispatched')
      .where('order_id', 'in', [a.id, b.id, c.id])
      .execute();
    expect(steps.filter((s) => s.order_id === a.id)).toEqual([{ order_id: a.id, note: '批量分拨' }]);
    expect(steps.filter((s) => s.order_id === c.id)).toHaveLength(1); // its first dispatch only
    // an unknown order is an item's failure too, without a number
    const unknown = await dispatcher.post(BATCH, { items: [{ id: 'nope', type: 'sign' }] });
    expect(unknown.status).toBe(200);
    expect(unknown.body.items).toEqual([
      { id: 'nope', ok: false, error: { code: 'not_found', message: expect.any(String) } },
    ]);
  });

  it('list rows carry the routing suggestion; dispatching by it sends each order to its own unit', async () => {
    const road = await newOrder('010402', '海八路路面坑洼，车辆经过颠簸');
    const gas = await newOrder('020301', '某小区居民家中燃气通气问题，无法点火');
    const none = await newOrder('110402', '楼上楼下邻里纠纷，噪音问题协调'); // a community matter with no place: no suggestion
    const list = await dispatcher.get('/api/orders?state=pending_dispatch&limit=500');
    expect(list.status).toBe(200);
    const rows = new Map<string, any>(list.body.items.map((o: any) => [o.id, o]));
    expect(rows.get(road.id)).toMatchObject({
      suggestedUnitId: unit.get('GC-ZF'),
      suggestedUnitName: '城市管理和综合执法局',
    });
    expect(rows.get(gas.id)).toMatchObject({ suggestedUnitId: unit.get('GC-RQ') });
    expect(rows.get(none.id)).toMatchObject({ suggestedUnitId: null, suggestedUnitName: null });

    const items = [road, gas]
      .map((o) => rows.get(o.id))
      .map((o) => ({ id: o.id, type: 'dispatch', unitId: o.suggestedUnitId }));
    const r = await dispatcher.post(BATCH, { items });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ succeeded: 2, failed: 0 });
    expect((await row(road.id)).unit_id).toBe(unit.get('GC-ZF'));
    expect((await row(gas.id)).unit_id).toBe(unit.get('GC-RQ'));

    // taken back from the suggested unit, the order is not suggested to it again
    const back = await dispatcher.post(`/api/orders/${road.id}/actions`, { type: 'recall', reason: '分拨有误' });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    const again = await dispatcher.get('/api/orders?state=pending_dispatch&limit=500');
    expect(again.body.items.find((o: any) => o.id === road.id)).toMatchObject({ suggestedUnitId: null });
    // rows in other states carry no suggestion field
    const signing = await dispatcher.get('/api/orders?state=pending_sign&limit=500');
    expect(signing.body.items.find((o: any) => o.id === gas.id).suggestedUnitId).toBeUndefined();
  });

  it('a unit signs several orders at once; orders outside its scope are refused per item', async () => {
    const [a, b] = [await dispatched('GC-ZF'), await dispatched('GC-ZF')];
    const other = await dispatched('GC-SW');
    const r = await handler.post(BATCH, {
      items: [a, b, other].map((o) => ({ id: o.id, type: 'sign' })),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.items.map((x: any) => [x.ok, x.state ?? null, x.error?.code ?? null])).toEqual([
      [true, 'handling', null],
      [true, 'handling', null],
      [false, null, 'forbidden'],
    ]);
    // nothing about the other unit's order leaks
    expect(r.body.items[2].orderNo).toBeUndefined();
    expect((await row(other.id)).state).toBe('pending_sign');
  });

  it('the centre approves replies and urges in batches', async () => {
    const [a, b] = [await dispatched('GC-ZF'), await dispatched('GC-ZF')];
    for (const o of [a, b]) {
      expect((await handler.post(`/api/orders/${o.id}/actions`, { type: 'sign' })).status).toBe(200);
    }
    const urged = await dispatcher.post(BATCH, {
      items: [a, b].map((o) => ({ id: o.id, type: 'urge', note: '请加快办理' })),
    });
    expect(urged.body).toMatchObject({ succeeded: 2, failed: 0 });
    for (const o of [a, b]) expect(Number((await row(o.id)).urge_count)).toBe(1);
    expect(
      (await handler.post(`/api/orders/${a.id}/actions`, { type: 'submit_reply', reply: '已修复完毕' })).status,
    ).toBe(200);
    const review = await dispatcher.post(BATCH, {
      items: [a, b].map((o) => ({ id: o.id, type: 'approve_reply' })),
    });
    expect(review.status).toBe(200);
    expect(review.body.items.map((x: any) => [x.ok, x.error?.code ?? null])).toEqual([
      [true, null],
      [false, 'invalid_state'], // b is still being handled
    ]);
    expect((await row(a.id)).state).toMatch(/^(pending_visit|closed)$/);
  });

  it('a non-centre user cannot batch-dispatch; a caller without orders.read is refused outright', async () => {
    const o = await newOrder();
    const clients = { handler, leader: await login(app, 'leader'), citizen: await login(app, 'citizen') };
    const before = await auditSeq(); // (logins are audited: taken first)
    for (const role of ['handler', 'leader'] as const) {
      const r = await clients[role].post(BATCH, {
        items: [{ id: o.id, type: 'dispatch', unitId: unit.get('GC-ZF') }],
      });
      expect(r.status, role).toBe(200);
      expect(r.body.items[0], role).toMatchObject({
        ok: false,
        error: { code: role === 'handler' ? 'forbidden' : 'role_not_allowed' },
      });
    }
    const citizen = await clients.citizen.post(BATCH, {
      items: [{ id: o.id, type: 'dispatch', unitId: unit.get('GC-ZF') }],
    });
    expect(citizen.status).toBe(403);
    expect((await row(o.id)).state).toBe('pending_dispatch');
    expect(await auditSeq()).toBe(before);
  });

  it('a malformed body is a 400 and changes nothing: 0 or 201 items, an order twice, an incomplete item', async () => {
    const [a, b] = [await newOrder(), await newOrder()];
    const dispatch = (id: string) => ({ id, type: 'dispatch', unitId: unit.get('GC-ZF') });
    const before = await auditSeq();
    const cases: Array<[unknown, string]> = [
      [{ items: [] }, 'invalid_request'],
      [{ items: Array.from({ length: 201 }, (_, i) => dispatch(`x${i}`)) }, 'invalid_request'],
      [{}, 'invalid_request'],
      [{ items: [dispatch(a.id), { ...dispatch(b.id), extra: 1 }] }, 'invalid_request'],
      [{ items: [dispatch(a.id), dispatch(a.id)] }, 'duplicate_order'],
      [{ items: [dispatch(a.id), { id: b.id, type: 'dispatch' }] }, 'missing_field'],
    ];
    for (const [body, code] of cases) {
      const r = await dispatcher.post(BATCH, body);
      expect(r.status, JSON.stringify(r.body).slice(0, 200)).toBe(400);
      expect(r.body.error.code).toBe(code);
    }
    expect((await dispatcher.post(BATCH, { items: [{ id: b.id, type: 'dispatch' }] })).body.error.message).toContain(
      'items[0]',
    );
    expect(await auditSeq()).toBe(before);
    for (const o of [a, b]) expect((await row(o.id)).state).toBe('pending_dispatch');
    // 200 items is within bounds (unknown ids: each refused, the request answered)
    const max = await dispatcher.post(BATCH, { items: Array.from({ length: 200 }, (_, i) => dispatch(`x${i}`)) });
    expect(max.status).toBe(200);
    expect(max.body).toMatchObject({ succeeded: 0, failed: 200 });
  });
});
