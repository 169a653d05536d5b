/**
 * The workbench queues from the server: `GET /api/orders/counts` (the tab counts, in the caller's
 * data scope) and the list filters `request=return|extension` and `late=true` — checked against
 * every open order read back through the list and counted in JavaScript, on both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from './helpers/env';
import { startTestApp, type TestApp } from './helpers/app';
import { login, type Client } from './helpers/client';

type View = { id: string; state: string; slaStatus: string; returnRequest: unknown; extensionRequest: unknown };

describe.each(dialects('orders queues'))('workbench queues from the server (%s)', (dialect) => {
  let app: TestApp;
  let dispatcher: Client;
  let handler: Client;

  async function all(c: Client, query: string): Promise<View[]> {
    const out: View[] = [];
    let before: string | undefined;
    do {
      const res = await c.get(`/api/orders?${query}&limit=100${before ? `&before=${before}` : ''}`);
      expect(res.status).toBe(200);
      out.push(...res.body.items);
      before = res.body.next ?? undefined;
    } while (before);
    return out;
  }

  beforeAll(async () => {
    // a demo history (every state, late and overdue ones among them), plus live requests below
    app = await startTestApp(dialect, { trainingSamples: 300, orders: 400 });
    dispatcher = await login(app, 'dispatcher');
    handler = await login(app, 'handler');
    const zf = (
      await app.platform.db.selectFrom('orgs').select('id').where('code', '=', 'GC-ZF').executeTakeFirstOrThrow()
    ).id;
    const made: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await dispatcher.post('/api/orders', {
        channel: 'hotline',
        description: `人行道地砖松动第${i}处，雨天溅水`,
        categoryCode: '010402',
      });
      expect(res.status).toBe(201);
      made.push(res.body.order.id);
      expect(
        (await dispatcher.post(`/api/orders/${res.body.order.id}/actions`, { type: 'dispatch', unitId: zf })).status,
      ).toBe(200);
      expect((await handler.post(`/api/orders/${res.body.order.id}/actions`, { type: 'sign' })).status).toBe(200);
    }
    expect(
      (await handler.post(`/api/orders/${made[0]}/actions`, { type: 'request_return', reason: '不属于本单位职责' }))
        .status,
    ).toBe(200);
    expect(
      (
        await handler.post(`/api/orders/${made[1]}/actions`, {
          type: 'request_extension',
          reason: '需协调施工队',
          addWorkingDays: 2,
        })
      ).status,
    ).toBe(200);
  }, 180_000);
  afterAll(() => app?.dispose());

  it.each(['dispatcher', 'handler'] as const)(
    'counts = the open orders in scope counted one by one (%s)',
    async (who) => {
      const c = who === 'dispatcher' ? dispatcher : handler;
      const open = await all(c, 'open=true');
      const res = await c.get('/api/orders/counts');
      expect(res.status).toBe(200);
      const byState: Record<string, number> = {
        pending_dispatch: 0,
        pending_sign: 0,
        handling: 0,
        pending_review: 0,
        pending_visit: 0,
      };
      for (const o of open) byState[o.state]++;
      const late = (o: View) => o.slaStatus === 'due_soon' || o.slaStatus === 'overdue';
      expect(res.body).toEqual({
        byState,
        returnRequests: open.filter((o) => o.returnRequest).length,
        extensionRequests: open.filter((o) => o.extensionRequest).length,
        dueSoon: open.filter((o) => o.slaStatus === 'due_soon').length,
        overdue: open.filter((o) => o.slaStatus === 'overdue').length,
        unitLate: open.filter((o) => (o.state === 'pending_sign' || o.state === 'handling') && late(o)).length,
      });
      expect(res.body.returnRequests).toBeGreaterThan(0);
      expect(res.body.extensionRequests).toBeGreaterThan(0);
      if (who === 'dispatcher') expect(res.body.overdue + res.body.dueSoon).toBeGreaterThan(0);
      if (who === 'handler') expect(open.length).toBeLessThan((await all(dispatcher, 'open=true')).length);
    },
  );

  it('request=return / request=extension / late=true list exactly the matching orders', async () => {
    const open = await all(dispatcher, 'open=true');
    const ids = (xs: View[]) => xs.map((o) => o.id).sort();
    expect(ids(await all(dispatcher, 'request=return'))).toEqual(ids(open.filter((o) => o.returnRequest)));
    expect(ids(await all(dispatcher, 'request=extension'))).toEqual(ids(open.filter((o) => o.extensionRequest)));
    expect(ids(await all(dispatcher, 'open=true&late=true'))).toEqual(
      ids(open.filter((o) => o.slaStatus === 'due_soon' || o.slaStatus === 'overdue')),
    );
  });

  it('an unknown request filter is a 400 with the error format', async () => {
    const bad = await dispatcher.get('/api/orders?request=everything');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_request');
  });
});
