/**
 * The demo history generator (src/modules/orders/history-generator.ts) against a real database:
 * deterministic, plausible, every timeline consistent with its order, business numbers unique and
 * continued by the real intake afterwards, one audit row per import.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../src/platform/audit';
import { localDateKey } from '../src/platform/calendar';
import { OPEN_STATES } from '../src/modules/orders/model';
import {
  addOrderHistory,
  generateOrderHistory,
  loadHistoryInputs,
  type HistoryResult,
} from '../src/modules/orders/demo/history-generator';
import { HistoryBuilder, titleOf } from '../src/modules/orders/demo/history-builder';
import type { OrderFilter } from '../src/modules/orders/queries/queries.service';
import { seedIfEmpty } from '../src/seed';
import { startTestApp, type TestApp } from './helpers/app';
import { login } from './helpers/client';
import { dialects } from './helpers/env';

const N = 3000;

describe.each(dialects('demo order history'))('demo order history (%s)', (dialect) => {
  let app: TestApp;
  let result: HistoryResult;

  beforeAll(async () => {
    app = await startTestApp(dialect, { trainingSamples: 500 });
    result = await generateOrderHistory(app.platform, app.orders, { count: N });
  }, 180_000);
  afterAll(async () => {
    await app?.dispose();
  });

  it('writes N orders over the 12 months before now, with no step refused by the state machine', async () => {
    expect(result.refusals).toBe(0);
    expect(result.orders).toBe(N);
    const rows = await app.platform.db.selectFrom('orders').select(['created_at', 'demo']).execute();
    expect(rows).toHaveLength(N);
    const now = app.clock.now();
    expect(rows.every((r) => Number(r.demo) === 1)).toBe(true);
    expect(Math.max(...rows.map((r) => Number(r.created_at)))).toBeLessThanOrEqual(now);
    expect(Math.min(...rows.map((r) => Number(r.created_at)))).toBeGreaterThanOrEqual(now - 365 * 86_400_000);
    const events = await app.platform.db
      .selectFrom('order_events')
      .select((eb) => eb.fn.max('at').as('last'))
      .executeTakeFirstOrThrow();
    expect(Number(events.last)).toBeLessThanOrEqual(now);
  });

  it('has plausible counts by state and outcome', async () => {
    const s = result.byState;
    const finished = (s.archived ?? 0) + (s.closed ?? 0);
    expect(finished / N).toBeGreaterThan(0.8);
    const open = OPEN_STATES.reduce((n, st) => n + (s[st] ?? 0), 0);
    expect(open).toBeGreaterThan(0);
    expect(open / N).toBeLessThan(0.1);
    expect(s.handling).toBeGreaterThan(0);
    expect(s.cancelled).toBeGreaterThan(0);
    expect(s.merged).toBeGreaterThan(0);
    expect(result.returns / N).toBeGreaterThan(0.01);
    expect(result.returns / N).toBeLessThan(0.06);
    expect(result.extensions).toBeGreaterThan(0);
    expect(result.suspensions).toBeGreaterThan(0);
    expect(result.dispositions.direct).toBeGreaterThan(0);
    expect(result.dispositions.auto).toBeGreaterThan(0);
    const v = result.visits;
    const rated = (v.satisfied ?? 0) + (v.basically_satisfied ?? 0) + (v.unsatisfied ?? 0);
    const satisfied = ((v.satisfied ?? 0) + (v.basically_satisfied ?? 0)) / rated;
    expect(satisfied).toBeGreaterThan(0.85);
    expect(satisfied).toBeLessThan(0.97);
    expect(v.unsatisfied).toBeGreaterThan(0);

    const db = app.platform.db;
    // the workbenches have queues: open orders, some overdue, most dispatched within hours
    const overdueOpen = await db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('state', 'in', ['pending_sign', 'handling'])
      .where('sla_status', '=', 'overdue')
      .executeTakeFirstOrThrow();
    expect(Number(overdueOpen.n)).toBeGreaterThan(0);
    const dispatched = await db
      .selectFrom('orders')
      .select(['created_at', 'dispatched_at', 'clock_started_at'])
      .where('clock_started_at', 'is not', null)
      .execute();
    const waits = dispatched.map((r) => Number(r.clock_started_at) - Number(r.created_at)).sort((a, b) => a - b);
    expect(waits[Math.floor(waits.length / 2)]).toBeLessThan(3 * 3_600_000);
    const signed = await db
      .selectFrom('orders')
      .select(['signed_at', 'sign_deadline'])
      .where('signed_at', 'is not', null)
      .execute();
    expect(signed.filter((r) => Number(r.signed_at) <= Number(r.sign_deadline)).length / signed.length).toBeGreaterThan(
      0.85,
    );
  });

  it('makes some units clearly better than others', async () => {
    const rows = await app.platform.db
      .selectFrom('orders')
      .select(['unit_id', 'sla_status'])
      .where('replied_at', 'is not', null)
      .where('unit_id', 'is not', null)
      .execute();
    const by = new Map<string, { n: number; late: number }>();
    for (const r of rows) {
      const x = by.get(r.unit_id!) ?? { n: 0, late: 0 };
      x.n++;
      if (r.sla_status === 'overdue') x.late++;
      by.set(r.unit_id!, x);
    }
    const rates = [...by.values()]
      .filter((x) => x.n >= 100)
      .map((x) => 1 - x.late / x.n)
      .sort();
    expect(rates.length).toBeGreaterThanOrEqual(4);
    expect(rates[rates.length - 1] - rates[0]).toBeGreaterThan(0.05);
  });

  it("replays every order's timeline (from → to) to the row's state, version and last change", async () => {
    const db = app.platform.db;
    const orders = await db
      .selectFrom('orders')
      .select(['id', 'state', 'version', 'updated_at', 'unit_id', 'main_order_id', 'created_at'])
      .execute();
    const events = await db
      .selectFrom('order_events')
      .select(['order_id', 'at', 'id', 'type', 'from_state', 'to_state', 'data'])
      .orderBy('order_id')
      .orderBy('at')
      .orderBy('id')
      .execute();
    const byOrder = new Map<string, typeof events>();
    for (const e of events) {
      const list = byOrder.get(e.order_id) ?? [];
      list.push(e);
      byOrder.set(e.order_id, list);
    }
    const problems: string[] = [];
    for (const o of orders) {
      const tl = byOrder.get(o.id) ?? [];
      const first = tl[0];
      if (
        !first ||
        first.type !== 'order.created' ||
        first.from_state !== null ||
        first.to_state !== 'pending_dispatch' ||
        Number(first.at) !== Number(o.created_at)
      ) {
        problems.push(`${o.id}: does not start with order.created`);
        continue;
      }
      let state = 'pending_dispatch';
      let changes = 0;
      for (const e of tl.slice(1)) {
        if (!Number.isInteger(Number(e.at))) problems.push(`${o.id}: ${e.type} at ${e.at} is not an epoch-ms integer`);
        if (e.type === 'order.recategorised') continue;
        changes++;
        if (e.from_state !== state)
          problems.push(`${o.id}: ${e.type} from ${e.from_state}, but the order was ${state}`);
        state = e.to_state!;
        const data = JSON.parse(e.data);
        if (data.from !== e.from_state || data.to !== e.to_state || data.orderId !== o.id)
          problems.push(`${o.id}: ${e.type} data disagrees with its row`);
      }
      if (state !== o.state) problems.push(`${o.id}: timeline ends in ${state}, row says ${o.state}`);
      if (Number(o.version) !== 1 + changes) problems.push(`${o.id}: version ${o.version}, ${changes} changes`);
      if (Number(o.updated_at) !== Number(tl[tl.length - 1].at))
        problems.push(`${o.id}: updated_at is not the last step`);
      if (o.state === 'merged' && !o.main_order_id) problems.push(`${o.id}: merged without a main order`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(byOrder.size).toBe(orders.length);
  });

  it('numbers orders GC + local date + a gap-free daily sequence, unique, in time order, matching order_numbers', async () => {
    const db = app.platform.db;
    const rows = await db
      .selectFrom('orders')
      .select(['number', 'created_at'])
      .orderBy('created_at')
      .orderBy('number')
      .execute();
    expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length);
    const perDay = new Map<string, number[]>();
    for (const r of rows) {
      expect(r.number).toMatch(/^GC\d{8}\d{5}$/);
      const day = localDateKey(Number(r.created_at)).replace(/-/g, '');
      expect(r.number.slice(2, 10)).toBe(day);
      perDay.set(day, [...(perDay.get(day) ?? []), Number(r.number.slice(10))]);
    }
    const counters = new Map(
      (await db.selectFrom('order_numbers').selectAll().execute()).map((r) => [r.day, Number(r.last)]),
    );
    for (const [day, seqs] of perDay) {
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      expect(counters.get(day)).toBe(seqs.length);
    }
  });

  it('records the import as ONE audit row with its counts, and the audit chain verifies', async () => {
    const audits = await app.platform.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('action', '=', 'seed.orders_history')
      .execute();
    expect(audits).toHaveLength(1);
    expect(JSON.parse(audits[0].after!)).toMatchObject({ orders: N, events: result.events, byState: result.byState });
    const orderAudits = await app.platform.db
      .selectFrom('audit_log')
      .select('seq')
      .where('entity_type', '=', 'order')
      .execute();
    expect(orderAudits).toHaveLength(0);
    expect((await verifyAudit(app.platform.db)).ok).toBe(true);
  });

  it("an order created through the API afterwards continues the day's sequence", async () => {
    const today = localDateKey(app.clock.now()).replace(/-/g, '');
    const before = await app.platform.db
      .selectFrom('order_numbers')
      .select('last')
      .where('day', '=', today)
      .executeTakeFirst();
    const last = Number(before?.last ?? 0);
    expect(last).toBeGreaterThan(0);
    const dispatcher = await login(app, 'dispatcher');
    const res = await dispatcher.post('/api/orders', {
      channel: 'hotline',
      description: '桂澜北路人行道有井盖缺失，行人容易踩空',
      location: { lng: 113.15, lat: 23.03 },
    });
    expect(res.status).toBe(201);
    expect(res.body.order.number).toBe(`GC${today}${String(last + 1).padStart(5, '0')}`);
  });

  it('adds more history to a demo database without clashing numbers (yiwang seed --orders on an existing demo)', async () => {
    const added = await addOrderHistory(app.platform, app.orders, 400);
    expect(added.added).toBe(true);
    const rows = await app.platform.db.selectFrom('orders').select('number').execute();
    expect(rows.length).toBe(N + 1 + 400);
    expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length);
    // and the seed entry point does the same when forced
    const again = await seedIfEmpty(app, { orders: 50, force: true });
    expect(again.seeded).toBe(true);
    expect(again.summary).toMatch(/added 50 orders/);
  }, 60_000);

  it('lists pages exactly as the plain query would (a handler subtree merged per unit; deadline order in two steps)', async () => {
    const db = app.platform.db;
    const handlerId = (
      await db.selectFrom('users').select('id').where('username', '=', 'handler').executeTakeFirstOrThrow()
    ).id;
    const handler = (await app.identity.auth.principalOf(handlerId))!;
    const dispatcherId = (
      await db.selectFrom('users').select('id').where('username', '=', 'dispatcher').executeTakeFirstOrThrow()
    ).id;
    const dispatcher = (await app.identity.auth.principalOf(dispatcherId))!;
    const units = app.orders.units.idsUnder(handler.orgPath!);
    expect(units.length).toBeGreaterThan(1); // 城管 and its 科室: the merged path
    const ids = (xs: Array<{ id: string }>) => xs.map((x) => x.id);
    type Ref = { states?: string[]; text?: string; limit: number; after?: { t: number; id: string } };
    const plain = (f: Ref) => {
      let q = db.selectFrom('orders').select('id').where('unit_id', 'in', units);
      if (f.states) q = q.where('state', 'in', f.states);
      if (f.text)
        q = q.where((eb) => eb.or([eb('title', 'like', `%${f.text}%`), eb('address', 'like', `%${f.text}%`)]));
      if (f.after)
        q = q.where((eb) =>
          eb.or([
            eb('created_at', '<', f.after!.t),
            eb.and([eb('created_at', '=', f.after!.t), eb('id', '<', f.after!.id)]),
          ]),
        );
      return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
    };
    const cases: Array<[OrderFilter, Ref]> = [
      [
        { state: ['archived'], limit: 20 },
        { states: ['archived'], limit: 20 },
      ],
      [
        { open: true, limit: 20 },
        { states: ['pending_dispatch', 'pending_sign', 'handling', 'pending_review', 'pending_visit'], limit: 20 },
      ],
      [
        { q: '路', limit: 30 },
        { text: '路', limit: 30 },
      ],
      // 3+ characters: through the trigram index; few matches, so the subtree is read from them (fewTextHits)
      [
        { q: '人行道', limit: 10 },
        { text: '人行道', limit: 10 },
      ],
      [{ limit: 50 }, { limit: 50 }],
    ];
    for (const [filter, ref] of cases) {
      const page1 = await app.orders.queries.list(handler, filter);
      expect(page1.items.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(ids(page1.items)).toEqual(ids(await plain(ref)));
      if (!page1.next) continue;
      const page2 = await app.orders.queries.list(handler, { ...filter, before: page1.next });
      const [t, id] = page1.next.split('_');
      expect(ids(page2.items)).toEqual(ids(await plain({ ...ref, after: { t: Number(t), id } })));
    }
    // the text case has a second page, so the page after a cursor is compared for it too
    expect((await app.orders.queries.list(handler, { q: '人行道', limit: 10 })).next).not.toBeNull();
    // deadline order, two pages, for the whole street and for the handler
    for (const who of [dispatcher, handler]) {
      let q = db
        .selectFrom('orders')
        .select('id')
        .where('state', 'in', ['pending_dispatch', 'pending_sign', 'handling', 'pending_review', 'pending_visit']);
      if (who === handler) q = q.where('unit_id', 'in', units);
      const all = ids(await q.orderBy(sql`coalesce(completion_deadline, 9000000000000000)`).orderBy('id').execute());
      const p1 = await app.orders.queries.list(who, { open: true, sort: 'deadline', limit: 25 });
      expect(ids(p1.items)).toEqual(all.slice(0, 25));
      if (p1.next)
        expect(
          ids((await app.orders.queries.list(who, { open: true, sort: 'deadline', limit: 25, before: p1.next })).items),
        ).toEqual(all.slice(25, 50));
    }
  });

  it('lists the workbench queues through the real query service', async () => {
    const dispatcher = await login(app, 'dispatcher');
    const overdue = await dispatcher.get('/api/orders?open=true&sla=overdue');
    expect(overdue.status).toBe(200);
    expect(overdue.body.items.length).toBeGreaterThan(0);
    const handler = await login(app, 'handler');
    const mine = await handler.get('/api/orders?state=handling');
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    const workable = mine.body.items.find((o: any) => !o.suspended && !o.returnRequest);
    const detail = await handler.get(`/api/orders/${workable.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.timeline[0].type).toBe('order.created');
    expect(detail.body.actions).toContain('submit_reply');
  });
});

describe('demo order history: determinism and texts', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('sqlite', { trainingSamples: 300 });
  }, 120_000);
  afterAll(async () => {
    await app?.dispose();
  });

  it('gives the same rows and timelines, ids included, for the same seed and now — and others for another seed', async () => {
    const inputs = await loadHistoryInputs(app.platform, app.orders, 42);
    const digest = (seed: number) => {
      const h = createHash('sha256');
      const b = new HistoryBuilder({ ...inputs, seed }, 1500);
      for (const c of b.chunks(300)) h.update(JSON.stringify(c.orders)).update(JSON.stringify(c.events));
      return h.digest('hex');
    };
    expect(digest(42)).toBe(digest(42));
    expect(digest(43)).not.toBe(digest(42));
  });

  it('places every order inside its community, with a grid, and names that community in the address', async () => {
    const inputs = await loadHistoryInputs(app.platform, app.orders, 7);
    const b = new HistoryBuilder(inputs, 800);
    const names = new Map(inputs.communities.map((c) => [c.code, c.name]));
    for (const c of b.chunks(800)) {
      for (const o of c.orders) {
        const located = await app.geography.locate(o.lng!, o.lat!);
        expect(located.community?.code).toBe(o.community_code);
        expect(o.grid_code).toBe(located.grid?.code);
        expect(o.address).toContain(names.get(o.community_code!)!);
      }
    }
  });

  it('titles a request without the hotline opening', () => {
    expect(titleOf('市民来电反映：桂澜北路有人占道经营，影响通行。')).toBe('桂澜北路有人占道经营，影响通行。');
    expect(titleOf('【紧急】市民来电称：燃气泄漏')).toBe('燃气泄漏');
  });
});
