/**
 * 工单考核 end to end: a varied set of orders driven through the real API with the clock placed at
 * each step (on-time and late sign-for, 退单 and 改派, extensions, 挂起, 退回重办, unsatisfied visits,
 * 直接答复, needsVisit=false, cancel, merge, across March and April and three units), then the SQL
 * fast path must equal the reference recomputed from the raw timeline EXACTLY, for months, for
 * ranges that do not start at midnight, for the trend and after a rebuild; hand-counted figures
 * pin the rules; weights change the scores; the monthly .xlsx opens in exceljs with the right cells.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { dialects } from './helpers/env';
import { startTestApp, type TestApp } from './helpers/app';
import { login, type Client } from './helpers/client';
import type { ManualClock } from '../src/platform/clock';
import { SYSTEM_CONTEXT } from '../src/platform/audit';
import { localMs } from '../src/platform/calendar';
import {
  localStamp,
  monthPeriod,
  rangePeriod,
  type Counters,
  type Period,
} from '../src/modules/orders/metrics/definitions';
import type { MetricsReport, MetricsRow } from '../src/modules/orders/metrics/compute';
import { countersByUnit, countersByUnitFromLedger } from '../src/modules/orders/metrics/repo';

const MANUAL = '040104'; // 工地扬尘: sign within 4 working hours, answer within 5 working days; no auto-dispatch rule
const AUTO = '010101'; // 占道经营: the demo rules auto-dispatch it to 城管
const HOUR = 3_600_000;
const PASSWORD = 'metrics-handler-pw';
const bj = (local: string) => Date.parse(`${local}+08:00`);

describe.each(dialects('orders metrics'))('orders metrics (%s)', (dialect) => {
  let app: TestApp;
  /** Logged-in clients by username; sessions expire as the clock jumps ahead, so act() logs in again. */
  const clients: Record<string, Client> = {};
  const passwords: Record<string, string> = {};
  const unit: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let asOf = 0;

  const setClock = (ms: number) => (app.clock as ManualClock).set(ms);
  const m = () => app.orders.metrics;

  async function create(key: string, when: number, extra: Record<string, unknown> = {}) {
    setClock(when);
    const res = await call('dispatcher', 'POST', '/api/orders', {
      channel: 'hotline',
      description: `测试工单 ${key}：工地夜间扬尘严重`,
      categoryCode: MANUAL,
      ...extra,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids[key] = res.body.order.id;
    return res.body.order;
  }

  async function as(username: string): Promise<Client> {
    clients[username] ??= await login(app, username, passwords[username]);
    return clients[username];
  }

  /** A request as `username` at the current clock, logging in again when the session has expired. */
  async function call(username: string, method: string, url: string, body?: unknown) {
    let res = await (await as(username)).request(method, url, body);
    if (res.status === 401) {
      clients[username] = await login(app, username, passwords[username]);
      res = await clients[username].request(method, url, body);
    }
    return res;
  }

  /** Performs an action at `when` as `who`; returns the order view after it. */
  async function act(who: string, key: string, when: number, body: Record<string, unknown>) {
    setClock(when);
    const res = await call(who, 'POST', `/api/orders/${ids[key]}/actions`, body);
    expect(res.status, `${key} ${body.type}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(200);
    return res.body.order;
  }

  const dispatch = (key: string, when: number, code: string) =>
    act('dispatcher', key, when, { type: 'dispatch', unitId: unit[code] });

  beforeAll(async () => {
    app = await startTestApp(dialect, { trainingSamples: 200 });
    const orgs = (await call('admin', 'GET', '/api/orgs')).body.items as Array<{ id: string; code: string }>;
    for (const o of orgs) unit[o.code] = o.id;
    for (const [username, code] of [
      ['h_sw', 'GC-SW'],
      ['h_rq', 'GC-RQ'],
    ]) {
      const res = await call('admin', 'POST', '/api/users', {
        username,
        name: `${code}办理人`,
        password: PASSWORD,
        orgId: unit[code],
        roles: ['handler'],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      passwords[username] = PASSWORD;
    }
    const [ZF, SW, RQ, dispatcher, leader] = ['handler', 'h_sw', 'h_rq', 'dispatcher', 'leader'];

    // O1 城管: everything on time, satisfied
    await create('O1', bj('2026-03-02T10:00'));
    await dispatch('O1', bj('2026-03-02T10:05'), 'GC-ZF');
    await act(ZF, 'O1', bj('2026-03-02T10:30'), { type: 'sign' });
    await act(ZF, 'O1', bj('2026-03-03T09:10'), { type: 'contact', method: 'phone' });
    await act(ZF, 'O1', bj('2026-03-04T10:00'), { type: 'submit_reply', reply: '已清理工地出入口' });
    await act(dispatcher, 'O1', bj('2026-03-04T11:00'), { type: 'approve_reply' });
    await act(dispatcher, 'O1', bj('2026-03-05T10:00'), { type: 'visit', result: 'satisfied' });

    // O2 城管: signed late, answered late, basically satisfied
    await create('O2', bj('2026-03-03T08:55'));
    const o2 = await dispatch('O2', bj('2026-03-03T09:00'), 'GC-ZF');
    await act(ZF, 'O2', o2.signDeadline + HOUR, { type: 'sign' });
    await act(ZF, 'O2', o2.completionDeadline + 2 * HOUR, { type: 'submit_reply', reply: '已督促施工方整改' });
    await act(dispatcher, 'O2', o2.completionDeadline + 3 * HOUR, { type: 'approve_reply' });
    await act(dispatcher, 'O2', o2.completionDeadline + 26 * HOUR, { type: 'visit', result: 'basically_satisfied' });

    // O3 水务 returns it (退单), 燃气 takes it: extension, answer after the first deadline but within
    // the extension, unsatisfied visit (重办), answered again, satisfied
    await create('O3', bj('2026-03-04T08:50'));
    const o3 = await dispatch('O3', bj('2026-03-04T09:00'), 'GC-SW');
    await act(SW, 'O3', bj('2026-03-04T09:20'), { type: 'request_return', reason: '属燃气管线问题' });
    await act(dispatcher, 'O3', bj('2026-03-04T09:40'), { type: 'approve_return' });
    await dispatch('O3', bj('2026-03-04T10:00'), 'GC-RQ');
    await act(RQ, 'O3', bj('2026-03-04T10:15'), { type: 'sign' });
    await act(RQ, 'O3', bj('2026-03-04T11:00'), { type: 'request_extension', reason: '需停气检修', addWorkingDays: 2 });
    const o3x = await act(dispatcher, 'O3', bj('2026-03-04T11:30'), { type: 'approve_extension' });
    expect(o3x.completionDeadline).toBeGreaterThan(o3.completionDeadline + 2 * HOUR);
    await act(RQ, 'O3', o3.completionDeadline + HOUR, { type: 'submit_reply', reply: '已完成管线检修' });
    await act(dispatcher, 'O3', o3.completionDeadline + 2 * HOUR, { type: 'approve_reply' });
    await act(dispatcher, 'O3', o3.completionDeadline + 5 * HOUR, {
      type: 'visit',
      result: 'unsatisfied',
      note: '仍有异味',
    });
    await act(RQ, 'O3', o3.completionDeadline + 25 * HOUR, { type: 'submit_reply', reply: '已更换阀门' });
    await act(dispatcher, 'O3', o3.completionDeadline + 26 * HOUR, { type: 'approve_reply' });
    await act(dispatcher, 'O3', o3.completionDeadline + 29 * HOUR, { type: 'visit', result: 'satisfied' });

    // O4 城管: 挂起 and resume, reply sent back (退回重办), answered again; the citizen cannot be reached
    await create('O4', bj('2026-03-09T08:55'));
    await dispatch('O4', bj('2026-03-09T09:00'), 'GC-ZF');
    await act(ZF, 'O4', bj('2026-03-09T09:30'), { type: 'sign' });
    await act(dispatcher, 'O4', bj('2026-03-09T14:30'), { type: 'suspend', reason: '等待业主提供资料' });
    await act(dispatcher, 'O4', bj('2026-03-11T10:00'), { type: 'resume' });
    await act(ZF, 'O4', bj('2026-03-12T10:00'), { type: 'submit_reply', reply: '已处理' });
    await act(dispatcher, 'O4', bj('2026-03-12T15:00'), { type: 'reject_reply', reason: '答复过于简单' });
    await act(ZF, 'O4', bj('2026-03-13T10:00'), { type: 'submit_reply', reply: '已约谈施工方并加装喷淋' });
    await act(dispatcher, 'O4', bj('2026-03-13T11:00'), { type: 'approve_reply' });
    await act(dispatcher, 'O4', bj('2026-03-16T10:00'), { type: 'visit', result: 'unreachable' });

    // O5: the centre answers at once (直接答复) — no unit
    await create('O5', bj('2026-03-10T10:00'));
    await act(dispatcher, 'O5', bj('2026-03-10T10:05'), { type: 'direct_reply', reply: '已告知投诉渠道' });
    await act(dispatcher, 'O5', bj('2026-03-10T11:00'), { type: 'visit', result: 'satisfied' });

    // O6 水务: signed, never answered (超期, still open); urged and supervised meanwhile
    await create('O6', bj('2026-03-20T08:55'));
    await dispatch('O6', bj('2026-03-20T09:00'), 'GC-SW');
    await act(SW, 'O6', bj('2026-03-20T09:30'), { type: 'sign' });
    await act(dispatcher, 'O6', bj('2026-03-30T09:00'), { type: 'urge' });
    await act(leader, 'O6', bj('2026-03-31T09:00'), { type: 'supervise', note: '请尽快办理' });

    // O7 城管, no visit needed: dispatched in March, accepted in April
    await create('O7', bj('2026-03-25T08:55'), { needsVisit: false });
    await dispatch('O7', bj('2026-03-25T09:00'), 'GC-ZF');
    await act(ZF, 'O7', bj('2026-03-25T09:30'), { type: 'sign' });
    await act(ZF, 'O7', bj('2026-03-31T16:00'), { type: 'submit_reply', reply: '已处理完毕' });
    await act(dispatcher, 'O7', bj('2026-04-01T10:00'), { type: 'approve_reply' });

    // O8 燃气: never signed, cancelled
    await create('O8', bj('2026-03-30T08:55'));
    await dispatch('O8', bj('2026-03-30T09:00'), 'GC-RQ');
    await act(dispatcher, 'O8', bj('2026-04-03T10:00'), { type: 'cancel', reason: '市民撤诉' });

    // O9 城管: a late reply still awaiting the centre's review (超期, open)
    await create('O9', bj('2026-04-01T08:55'));
    const o9 = await dispatch('O9', bj('2026-04-01T09:00'), 'GC-ZF');
    await act(ZF, 'O9', bj('2026-04-01T09:20'), { type: 'sign' });
    await act(ZF, 'O9', o9.completionDeadline + HOUR, { type: 'submit_reply', reply: '已处理' });

    // O10 水务: suspended after its deadline (超期, open); O11 水务: suspended before it (not 超期)
    await create('O10', bj('2026-04-02T08:55'));
    const o10 = await dispatch('O10', bj('2026-04-02T09:00'), 'GC-SW');
    await act(SW, 'O10', bj('2026-04-02T09:10'), { type: 'sign' });
    await act(dispatcher, 'O10', o10.completionDeadline + HOUR, { type: 'suspend', reason: '等待检测结果' });
    await create('O11', bj('2026-04-07T08:55'));
    await dispatch('O11', bj('2026-04-07T09:00'), 'GC-SW');
    await act(SW, 'O11', bj('2026-04-07T09:30'), { type: 'sign' });
    await act(dispatcher, 'O11', bj('2026-04-07T10:00'), { type: 'suspend', reason: '等待检测结果' });

    // O12 城管 by auto-dispatch at intake: signed late, answered, unsatisfied, rework deadline missed
    const o12 = await create('O12', bj('2026-04-08T09:00'), {
      categoryCode: AUTO,
      description: '测试工单 O12：小区门口占道经营',
    });
    expect(o12.state).toBe('pending_sign');
    expect(o12.unitId).toBe(unit['GC-ZF']);
    await act(ZF, 'O12', o12.signDeadline + HOUR / 2, { type: 'sign' });
    await act(ZF, 'O12', bj('2026-04-09T10:00'), { type: 'submit_reply', reply: '已劝离' });
    await act(dispatcher, 'O12', bj('2026-04-09T11:00'), { type: 'approve_reply' });
    const o12r = await act(dispatcher, 'O12', bj('2026-04-09T14:00'), { type: 'visit', result: 'unsatisfied' });

    // O13 水务: dispatched, then merged into O6 as a 重复件
    await create('O13', bj('2026-04-09T08:55'));
    await dispatch('O13', bj('2026-04-09T09:00'), 'GC-SW');
    await act(dispatcher, 'O13', bj('2026-04-09T10:00'), { type: 'merge', mainOrderId: ids.O6 });

    asOf = Math.max(bj('2026-04-20T10:00'), o12r.completionDeadline + HOUR);
    setClock(asOf);
  }, 120_000);
  afterAll(() => app?.dispose());

  const pick = (r: MetricsRow | undefined, keys: Array<keyof Counters | 'overdueOpen' | 'overdue'>) =>
    Object.fromEntries(keys.map((k) => [k, r ? r[k] : undefined]));
  const row = (r: MetricsReport, code: string) => r.units.find((u) => u.unitId === unit[code]);
  const KEYS: Array<keyof Counters | 'overdueOpen'> = [
    'dispatched',
    'signedOnTime',
    'signedLate',
    'returned',
    'completed',
    'completedOnTime',
    'overdueClosed',
    'visited',
    'satisfied',
    'reopened',
    'closed',
    'solved',
    'reworked',
    'overdueOpen',
  ];

  it('counts what the rules say (hand-counted), per unit and month', async () => {
    const all = await m().report(rangePeriod(localMs('2026-03-01'), localMs('2026-05-01')));
    expect(pick(row(all, 'GC-ZF'), KEYS)).toEqual({
      dispatched: 6,
      signedOnTime: 4,
      signedLate: 2,
      returned: 0,
      completed: 5,
      completedOnTime: 4,
      overdueClosed: 1,
      visited: 3,
      satisfied: 2,
      reopened: 2,
      closed: 4,
      solved: 3,
      reworked: 1,
      overdueOpen: 2,
    });
    expect(pick(row(all, 'GC-SW'), KEYS)).toEqual({
      dispatched: 5,
      signedOnTime: 3,
      signedLate: 0,
      returned: 1,
      completed: 0,
      completedOnTime: 0,
      overdueClosed: 0,
      visited: 0,
      satisfied: 0,
      reopened: 0,
      closed: 0,
      solved: 0,
      reworked: 0,
      overdueOpen: 2,
    });
    expect(pick(row(all, 'GC-RQ'), KEYS)).toEqual({
      dispatched: 2,
      signedOnTime: 1,
      signedLate: 0,
      returned: 0,
      completed: 2,
      completedOnTime: 2,
      overdueClosed: 0,
      visited: 2,
      satisfied: 1,
      reopened: 1,
      closed: 1,
      solved: 1,
      reworked: 1,
      overdueOpen: 0,
    });
    expect(all.units).toHaveLength(3); // 直接答复 (O5) counts for no unit
    expect(all.total.dispatched).toBe(13);
    expect(all.total.overdue).toBe(5);
    expect(row(all, 'GC-ZF')!.handlingMs).toBeGreaterThan(0);

    const march = await m().report(monthPeriod('2026-03'));
    const april = await m().report(monthPeriod('2026-04'));
    expect(
      pick(row(march, 'GC-ZF'), [
        'dispatched',
        'signedOnTime',
        'signedLate',
        'completed',
        'overdueClosed',
        'closed',
        'overdueOpen',
      ]),
    ).toEqual({
      dispatched: 4,
      signedOnTime: 3,
      signedLate: 1,
      completed: 3,
      overdueClosed: 1,
      closed: 3,
      overdueOpen: 0,
    });
    expect(
      pick(row(april, 'GC-ZF'), ['dispatched', 'signedOnTime', 'signedLate', 'completed', 'closed', 'overdueOpen']),
    ).toEqual({ dispatched: 2, signedOnTime: 1, signedLate: 1, completed: 2, closed: 1, overdueOpen: 2 });
    expect(pick(row(march, 'GC-SW'), ['dispatched', 'returned', 'signedOnTime', 'overdueOpen'])).toEqual({
      dispatched: 2,
      returned: 1,
      signedOnTime: 1,
      overdueOpen: 1,
    });
    expect(pick(row(april, 'GC-SW'), ['dispatched', 'signedOnTime', 'overdueOpen'])).toEqual({
      dispatched: 3,
      signedOnTime: 2,
      overdueOpen: 1,
    });
    const zf = row(march, 'GC-ZF')!;
    expect(zf.rates.signOnTime).toBe(0.75);
    expect(zf.rates.solve).toBe(2 / 3); // O4 closed on 联系不上: not confirmed solved
    expect(zf.rates.rework).toBe(1 / 3);
    expect(zf.score).not.toBeNull();
    expect(march.units.map((u) => u.rank)).toEqual([1, 2, 3]);
  });

  it('fast path = reference recomputed from the raw timeline, exactly, for every kind of period', async () => {
    const periods: Period[] = [
      monthPeriod('2026-02'),
      monthPeriod('2026-03'),
      monthPeriod('2026-04'),
      monthPeriod('2026-05'),
      rangePeriod(localMs('2026-03-01'), localMs('2026-05-01')),
      rangePeriod(localMs('2026-03-09'), localMs('2026-03-12')),
      rangePeriod(bj('2026-03-03T12:34:56.789'), bj('2026-04-09T09:30')), // not at midnight: the ledger path
      rangePeriod(bj('2026-03-04T09:00'), bj('2026-03-04T10:00:00.001')),
    ];
    for (const p of periods) {
      const fast = await m().report(p);
      const ref = await m().recompute(p, asOf);
      expect(fast, p.label).toEqual(ref);
    }
    // the roll-up and the ledger hold the same sums
    const [from, to] = [localMs('2026-03-01'), localMs('2026-05-01')];
    expect(await countersByUnit(app.platform.db, from, to)).toEqual(
      await countersByUnitFromLedger(app.platform.db, from, to),
    );
  });

  it('serves the figures, the trend and the ranking over HTTP; a rebuild from the timeline changes nothing', async () => {
    const march = await m().report(monthPeriod('2026-03'));
    const res = await call('leader', 'GET', '/api/orders/metrics?month=2026-03');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(march)));
    const ranged = await call('dispatcher', 'GET', '/api/orders/metrics?from=2026-03-01&to=2026-04-01');
    expect(ranged.body.units).toEqual(res.body.units);
    expect((await call('dispatcher', 'GET', '/api/orders/metrics?from=2026-03-05&to=2026-03-01')).status).toBe(400);
    expect((await call('dispatcher', 'GET', '/api/orders/metrics?month=2026-03&from=2026-03-01')).status).toBe(400);
    expect((await call('dispatcher', 'GET', '/api/orders/metrics?from=2026-02-30&to=2026-03-01')).status).toBe(400);
    expect((await call('handler', 'GET', '/api/orders/metrics')).status).toBe(403);

    const trend = await call('leader', 'GET', '/api/orders/metrics/trend?months=12&month=2026-04');
    expect(trend.status).toBe(200);
    expect(trend.body.months.map((x: any) => x.month)).toEqual([
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
    ]);
    expect(trend.body.months[10]).toMatchObject(JSON.parse(JSON.stringify(march.total)));
    expect(trend.body.months[0].dispatched).toBe(0);
    const zfTrend = await call(
      'leader',
      'GET',
      `/api/orders/metrics/trend?months=2&month=2026-04&unitId=${unit['GC-ZF']}`,
    );
    expect(zfTrend.body.months[0]).toMatchObject(JSON.parse(JSON.stringify(row(march, 'GC-ZF'))));
    const refApril = await m().recompute(monthPeriod('2026-04'), asOf);
    expect(zfTrend.body.months[1]).toMatchObject(JSON.parse(JSON.stringify(row(refApril, 'GC-ZF'))));
    expect((await call('leader', 'GET', '/api/orders/metrics/trend?unitId=nope')).status).toBe(404);
    expect((await call('leader', 'GET', '/api/orders/metrics/trend?month=0000-01')).status).toBe(400);

    const rebuilt = await m().rebuild(SYSTEM_CONTEXT);
    expect(rebuilt.orders).toBe(13);
    expect(await m().report(monthPeriod('2026-03'))).toEqual(march);
    expect(await m().report(rangePeriod(bj('2026-03-03T12:34:56.789'), bj('2026-04-09T09:30')))).toEqual(
      await m().recompute(rangePeriod(bj('2026-03-03T12:34:56.789'), bj('2026-04-09T09:30')), asOf),
    );
  });

  it('scores by the configured weights: a change is validated, audited and moves the scores', async () => {
    const before = await call('leader', 'GET', '/api/orders/metrics?month=2026-03');
    const w0 = await call('leader', 'GET', '/api/orders/metrics/weights');
    expect(w0.body).toMatchObject({
      isDefault: true,
      value: { weights: { signOnTime: 15, onTimeCompletion: 25, satisfaction: 25, solve: 15, return: 10, rework: 10 } },
    });

    const value = {
      weights: { signOnTime: 50, onTimeCompletion: 50, satisfaction: 0, solve: 0, return: 0, rework: 0 },
      deductions: { lateSign: 2, overdue: 3, max: 10 },
    };
    expect((await call('dispatcher', 'PUT', '/api/orders/metrics/weights', value)).status).toBe(403);
    const bad = await call('admin', 'PUT', '/api/orders/metrics/weights', {
      ...value,
      weights: { ...value.weights, solve: 10 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_weights');
    expect((await call('admin', 'PUT', '/api/orders/metrics/weights', { ...value, extra: 1 })).status).toBe(400);
    const put = await call('admin', 'PUT', '/api/orders/metrics/weights', value);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ isDefault: false, value });

    const after = await call('leader', 'GET', '/api/orders/metrics?month=2026-03');
    expect(after.body.weights).toEqual(value);
    const zf = after.body.units.find((u: MetricsRow) => u.unitId === unit['GC-ZF']);
    // 及时签收 3/4, 按时办结 2/3 (O2 late) → 50 × 0.75 + 50 × 0.6667 = 70.83; 1 late sign × 2 + 1 超期 × 3 = 5
    expect(zf.score).toBe(65.83);
    const zfBefore = before.body.units.find((u: MetricsRow) => u.unitId === unit['GC-ZF']);
    expect(zfBefore.score).not.toBe(zf.score);
    expect(after.body.units.map((u: MetricsRow) => u.score)).not.toEqual(
      before.body.units.map((u: MetricsRow) => u.score),
    );

    const audit = await call('admin', 'GET', '/api/audit?action=orders.metric_weights');
    expect(audit.body.items[0]).toMatchObject({
      action: 'orders.metric_weights.update',
      entityId: 'orders.metric_weights',
      after: value,
    });
    expect(audit.body.items[0].before.weights.satisfaction).toBe(25);
    // back to the defaults for the report test
    expect((await call('admin', 'PUT', '/api/orders/metrics/weights', w0.body.value)).status).toBe(200);
  });

  it('writes the monthly report as .xlsx in the government layout', async () => {
    await call('dispatcher', 'GET', '/api/me'); // a live session at asOf
    const res = await app.http.inject({
      method: 'GET',
      url: '/api/orders/metrics/report.xlsx?month=2026-03',
      headers: { cookie: (await as('dispatcher')).cookie! },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain('orders-metrics-2026-03.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const ws = wb.getWorksheet('月度考核')!;
    expect(ws.getCell('A1').value).toBe('桂城街道一网统管工单办理情况月度考核表（2026年3月）');
    expect(ws.getCell('L1').isMerged && ws.getCell('L1').master.address).toBe('A1');
    expect(String(ws.getCell('A2').value)).toBe('统计周期：2026年3月1日 至 2026年3月31日');
    expect(String(ws.getCell('E2').value)).toMatch(/^制表单位：智慧城市运行中心/);
    expect(String(ws.getCell('I2').value)).toBe(`制表时间：${localStamp(asOf)}`);
    const header = (ws.getRow(4).values as unknown[]).slice(1);
    expect(header).toEqual([
      '排名',
      '单位',
      '派单量',
      '及时签收率',
      '按时办结率',
      '回访满意率',
      '退单率',
      '重办率',
      '解决率',
      '平均办理时长(小时)',
      '超期件数',
      '综合得分',
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });

    const march = await m().report(monthPeriod('2026-03'));
    march.units.forEach((u, i) => {
      const r = ws.getRow(5 + i);
      expect(r.getCell(1).value).toBe(u.rank);
      expect(r.getCell(2).value).toBe(u.unitName);
      expect(r.getCell(3).value).toBe(u.dispatched);
      expect(r.getCell(4).value).toBe(u.rates.signOnTime ?? '—');
      expect(r.getCell(11).value).toBe(u.overdue);
      expect(r.getCell(12).value).toBe(u.score);
    });
    const zfRow = ws.getRow(5 + march.units.findIndex((u) => u.unitId === unit['GC-ZF']));
    expect(zfRow.getCell(2).value).toBe('城市管理和综合执法局');
    expect(zfRow.getCell(4).value).toBe(0.75);
    expect(zfRow.getCell(4).numFmt).toBe('0.00%');
    expect(zfRow.getCell(10).numFmt).toBe('0.0');
    expect(zfRow.getCell(4).border?.left?.style).toBe('thin');
    const total = ws.getRow(5 + march.units.length);
    expect(total.getCell(2).value).toBe('全街道合计');
    expect(total.getCell(3).value).toBe(march.total.dispatched);
    expect(total.getCell(4).value).toBe(march.total.rates.signOnTime);
    expect(total.getCell(11).value).toBe(march.total.overdue);
    expect(total.getCell(2).font?.bold).toBe(true);

    const ts = wb.getWorksheet('月度趋势')!;
    expect(String(ts.getCell('A1').value)).toContain('月度趋势');
    expect((ts.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['月份', '派单量', '及时签收率']);
    expect(ts.getCell('A14').value).toBe('2026年3月');
    expect(ts.getCell('B14').value).toBe(march.total.dispatched);
    expect(ts.getCell('A3').value).toBe('2025年4月');
    expect(ts.getCell('C3').value).toBe('—');

    const ds = wb.getWorksheet('指标说明')!;
    const names = Array.from({ length: 11 }, (_, i) => ds.getCell(3 + i, 1).value);
    expect(names).toEqual([
      '派单量',
      '及时签收率',
      '按时办结率',
      '回访满意率',
      '退单率',
      '重办率',
      '解决率',
      '平均办理时长',
      '超期件数',
      '全街道合计',
      '综合得分',
    ]);
    expect(String(ds.getCell(13, 2).value)).toContain('回访满意率25分');
  });
});
