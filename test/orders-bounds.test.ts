/**
 * Instants a client sends are bounded: an extension deadline of 1e20 or 30,000 years ahead used
 * to be accepted, and approving it froze the server while the work calendar walked the days (and
 * PostgreSQL's bigint overflowed). Now such a deadline is a 400 that changes nothing, and the
 * calendar refuses spans it cannot hold at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../src/platform/clock';
import { at } from '../src/platform/calendar/test-helpers';
import { dialects } from './helpers/env';
import { startTestApp, type TestApp } from './helpers/app';
import { login, type Client } from './helpers/client';

const DAY = 86_400_000;
const YEAR = 365 * DAY;

describe.each(dialects('orders: bounded instants'))('bounded instants (%s)', (dialect) => {
  let app: TestApp;
  const setClock = (t: number) => (app.platform.clock as ManualClock).set(t);
  const auditSeq = async () =>
    Number((await app.platform.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq);
  // logins are audited: each role logs in once, before any audit head is compared
  const clients: Record<string, Client> = {};
  const as = async (role: string) => (clients[role] ??= await login(app, role));
  const act = async (role: string, id: string, body: Record<string, unknown>) =>
    (await as(role)).post(`/api/orders/${id}/actions`, body);

  beforeAll(async () => {
    app = await startTestApp(dialect, { trainingSamples: 200 });
    setClock(at('2026-03-02 09:00'));
    for (const role of ['dispatcher', 'handler']) await as(role);
  });
  afterAll(() => app?.dispose());

  async function signedOrder(): Promise<{ id: string; completionDeadline: number }> {
    setClock(at('2026-03-02 09:00'));
    const r = await (await as('dispatcher')).post('/api/orders', {
      channel: 'hotline',
      description: '人行道上有人占道经营摆摊，行人只能走机动车道',
      categoryCode: '010101',
      reporter: { phone: '13812345678' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const id = r.body.order.id as string;
    expect((await act('handler', id, { type: 'sign' })).status).toBe(200);
    const detail = await (await as('handler')).get(`/api/orders/${id}`);
    return { id, completionDeadline: detail.body.order.completionDeadline };
  }

  it('refuses an extension deadline that is absurd, too far, or not later than the current one — and changes nothing', async () => {
    const o = await signedOrder();
    const now = app.platform.clock.now();
    const bad: Array<[string, unknown]> = [
      ['1e20', 1e20],
      ['now + 30,000 years', now + 30_000 * YEAR],
      ['past 2200', Date.UTC(2200, 0, 1) + 1],
      ['more than a year after the current deadline', o.completionDeadline + 367 * DAY],
      ['the current deadline itself', o.completionDeadline],
      ['before now', now - DAY],
      ['a fraction', o.completionDeadline + 0.5],
    ];
    for (const [what, newDeadline] of bad) {
      const seq = await auditSeq();
      const res = await act('handler', o.id, { type: 'request_extension', reason: '需协调', newDeadline });
      expect(res.status, what).toBe(400);
      expect(res.body.error.code, what).toMatch(/^invalid_(input|request)$/);
      expect(await auditSeq(), what).toBe(seq);
    }
    const row = await app.platform.db
      .selectFrom('orders')
      .select(['extension_request', 'completion_deadline'])
      .where('id', '=', o.id)
      .executeTakeFirstOrThrow();
    expect(row.extension_request).toBeNull();
    expect(Number(row.completion_deadline)).toBe(o.completionDeadline);
  });

  it('grants a sane extension, and refuses an absurd one at approval; the order stays quick to read', async () => {
    const o = await signedOrder();
    const asked = o.completionDeadline + 30 * DAY;
    expect(
      (await act('handler', o.id, { type: 'request_extension', reason: '需协调施工', newDeadline: asked })).status,
    ).toBe(200);
    for (const newDeadline of [1e20, o.completionDeadline + 400 * DAY, o.completionDeadline]) {
      const seq = await auditSeq();
      const res = await act('dispatcher', o.id, { type: 'approve_extension', newDeadline });
      expect(res.status, String(newDeadline)).toBe(400);
      expect(await auditSeq()).toBe(seq);
    }
    const granted = o.completionDeadline + 300 * DAY;
    const ok = await act('dispatcher', o.id, { type: 'approve_extension', newDeadline: granted });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.order.completionDeadline).toBe(granted);
    const handler = await as('handler');
    expect((await handler.get(`/api/orders/${o.id}`)).status).toBe(200);
    expect((await handler.get('/api/orders?sort=deadline')).status).toBe(200);
  });
});
