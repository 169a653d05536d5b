/**
 * SLA clocks raised by the job runner: 临期 and 超期 of the sign-for and completion deadlines at
 * their working-time instants (2026 Spring Festival and its make-up Saturdays), 挂起 and 延期
 * moving them, automatic 催办/督办 by the configurable rules, and the jobs surviving a restart
 * and running once with two nodes on one database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import type { ManualClock } from '../src/platform/clock';
import { at } from '../src/platform/calendar/test-helpers';
import { dialects } from './helpers/env';
import { startTestApp, type TestApp } from './helpers/app';
import { login, type Client } from './helpers/client';
import { childEnv, killIfRunning, spawnNode, type Child } from './helpers/child';

const MS = 1;
const HOUR = 3_600_000;
const setClock = (app: App, t: number) => (app.platform.clock as ManualClock).set(t);

async function runAt(app: App, t: number): Promise<void> {
  setClock(app, t);
  await app.platform.jobs.drain();
}

/** A session opened at the app's current (test) time: sessions expire as the clock moves on. */
const as = (app: App, role: string): Promise<Client> => login(app, role);

async function createOrder(app: App, when: number, over: Record<string, unknown> = {}) {
  setClock(app, when);
  const r = await (await as(app, 'dispatcher')).post('/api/orders', {
    channel: 'hotline',
    description: '小区门口有人占道经营摆摊，影响行人通行',
    categoryCode: '010101',
    reporter: { phone: '13812345678' },
    ...over,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  // the demo routing rule sends 市容秩序 straight to 城管 (GC-ZF): created = dispatched
  expect(r.body.order.state).toBe('pending_sign');
  return r.body.order as { id: string; signDeadline: number; completionDeadline: number };
}

async function act(app: App, role: string, id: string, body: Record<string, unknown>, when?: number) {
  if (when !== undefined) setClock(app, when);
  const r = await (await as(app, role)).post(`/api/orders/${id}/actions`, body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

async function orderRow(app: App, id: string) {
  return app.platform.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** The SLA steps on the timeline: 'order.sla_overdue:completion', 'order.urged', 'order.supervised:2'… */
async function slaSteps(app: App, id: string): Promise<string[]> {
  const rows = await app.platform.db
    .selectFrom('order_events')
    .selectAll()
    .where('order_id', '=', id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows
    .filter((e) => e.type.startsWith('order.sla_') || e.type === 'order.urged' || e.type === 'order.supervised')
    .map((e) => {
      const d = JSON.parse(e.data);
      if (e.type.startsWith('order.sla_')) return `${e.type}:${d.clock}`;
      return e.type === 'order.supervised' ? `${e.type}:${d.level}` : e.type;
    });
}

describe.each(dialects('orders SLA clocks'))('SLA clocks (%s)', (dialect) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp(dialect, { trainingSamples: 300 });
  });
  afterAll(() => app?.dispose());

  it('raises 临期 and 超期 at the working-time instants across the Spring Festival, then 催办 and 督办', async () => {
    // Friday before the festival; Sat Feb 14 is worked (调休), Feb 15–23 are off, Sat Feb 28 is worked
    const o = await createOrder(app, at('2026-02-13 16:00'));
    expect(o.signDeadline).toBe(at('2026-02-14 11:00')); // 1.5 h on Friday + 2.5 h on the make-up Saturday
    expect(o.completionDeadline).toBe(at('2026-02-27 17:30')); // 5 working days: 14, 24, 25, 26, 27

    // sign-for: 20% of 4 h = 48 min before 11:00
    await runAt(app, at('2026-02-14 10:12'));
    expect((await orderRow(app, o.id)).sla_status).toBe('normal');
    await runAt(app, at('2026-02-14 10:12') + MS);
    expect((await orderRow(app, o.id)).sla_status).toBe('due_soon');
    expect(await slaSteps(app, o.id)).toEqual(['order.sla_due_soon:sign']);
    await runAt(app, at('2026-02-14 11:00'));
    expect(await slaSteps(app, o.id)).toEqual(['order.sla_due_soon:sign']);
    await runAt(app, at('2026-02-14 11:00') + MS);
    expect((await orderRow(app, o.id)).sla_status).toBe('overdue');
    // rules: 催办 at once when the sign-for deadline passes
    expect(await slaSteps(app, o.id)).toEqual(['order.sla_due_soon:sign', 'order.sla_overdue:sign', 'order.urged']);

    // signing late lowers the status back to what the completion clock says
    await act(app, 'handler', o.id, { type: 'sign' }, at('2026-02-14 11:30'));
    expect((await orderRow(app, o.id)).sla_status).toBe('normal');

    // nothing during the holiday
    await runAt(app, at('2026-02-20 12:00'));
    expect(await slaSteps(app, o.id)).toHaveLength(3);

    // completion: 36.5 working hours allowed, 临期 below 7.3 h left: 17:12 on Thursday the 26th
    await runAt(app, at('2026-02-26 17:12'));
    expect((await orderRow(app, o.id)).sla_status).toBe('normal');
    await runAt(app, at('2026-02-26 17:12') + MS);
    expect((await orderRow(app, o.id)).sla_status).toBe('due_soon');
    await runAt(app, at('2026-02-27 17:30'));
    expect((await orderRow(app, o.id)).sla_status).toBe('due_soon');
    await runAt(app, at('2026-02-27 17:30') + MS);
    const late = await orderRow(app, o.id);
    expect(late.sla_status).toBe('overdue');
    expect(Number(late.urge_count)).toBe(2);
    expect((await slaSteps(app, o.id)).slice(3)).toEqual([
      'order.sla_due_soon:completion',
      'order.sla_overdue:completion',
      'order.urged',
    ]);

    // 督办 one working day after the deadline: the make-up Saturday Feb 28 counts
    await runAt(app, at('2026-02-28 17:30') - MS);
    expect(Number((await orderRow(app, o.id)).supervision_level)).toBe(0);
    await runAt(app, at('2026-02-28 17:30'));
    expect(Number((await orderRow(app, o.id)).supervision_level)).toBe(1);
    // 通报 (level 2) after five working days: Feb 28, Mar 2, 3, 4, 5
    await runAt(app, at('2026-03-05 17:30') - MS);
    expect(Number((await orderRow(app, o.id)).supervision_level)).toBe(1);
    await runAt(app, at('2026-03-05 17:30'));
    expect(Number((await orderRow(app, o.id)).supervision_level)).toBe(2);
    expect((await slaSteps(app, o.id)).slice(6)).toEqual(['order.supervised:1', 'order.supervised:2']);

    // every raise is audited and published as an event
    const audits = await app.platform.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', o.id)
      .where('action', 'like', 'order.sla_%')
      .execute();
    expect(audits.map((a) => a.action).sort()).toEqual([
      'order.sla_due_soon',
      'order.sla_due_soon',
      'order.sla_overdue',
      'order.sla_overdue',
    ]);
    const events = await app.platform.db
      .selectFrom('events')
      .select('type')
      .where('entity_id', '=', o.id)
      .where('type', 'like', 'order.sla_%')
      .execute();
    expect(events).toHaveLength(4);
    // the detail shows the steps with their notes
    const detail = (await (await as(app, 'dispatcher')).get(`/api/orders/${o.id}`)).body;
    expect(detail.order.slaStatus).toBe('overdue');
    expect(detail.timeline.find((e: any) => e.type === 'order.sla_overdue' && e.data.clock === 'completion').note).toBe(
      '已超过办结时限（2月27日 17:30）',
    );
    expect(detail.timeline.filter((e: any) => e.type === 'order.supervised').map((e: any) => e.note)).toEqual([
      '超过办结时限1个工作日仍未办结，系统自动一级督办',
      '超过办结时限5个工作日仍未办结，系统自动二级督办，予以通报',
    ]);
  });

  it('a deadline landing on the make-up Saturday, sign-for across the festival', async () => {
    const o = await createOrder(app, at('2026-02-14 16:00'));
    expect(o.signDeadline).toBe(at('2026-02-24 11:00')); // 1.5 h on the 14th, 2.5 h after the holiday
    expect(o.completionDeadline).toBe(at('2026-02-28 17:30')); // 24, 25, 26, 27, 28 (Saturday, worked)
    await runAt(app, at('2026-02-23 17:00'));
    expect(await slaSteps(app, o.id)).toEqual([]);
    await runAt(app, at('2026-02-24 10:12') + MS);
    expect(await slaSteps(app, o.id)).toEqual(['order.sla_due_soon:sign']);
    await runAt(app, at('2026-02-24 11:00') + MS);
    expect(await slaSteps(app, o.id)).toEqual(['order.sla_due_soon:sign', 'order.sla_overdue:sign', 'order.urged']);
    await act(app, 'handler', o.id, { type: 'sign' }, at('2026-02-24 14:00'));
    await runAt(app, at('2026-02-28 17:30'));
    expect((await orderRow(app, o.id)).sla_status).toBe('due_soon');
    await runAt(app, at('2026-02-28 17:30') + MS);
    expect((await orderRow(app, o.id)).sla_status).toBe('overdue');
    expect((await slaSteps(app, o.id)).slice(3)).toEqual([
      'order.sla_due_soon:completion',
      'order.sla_overdue:completion',
      'order.urged',
    ]);
  });

  it('挂起 stops the clock: no 超期 while suspended; resuming pushes the deadline by the paused working time', async () => {
    const o = await createOrder(app, at('2026-03-02 09:00'));
    await act(app, 'handler', o.id, { type: 'sign' }, at('2026-03-02 09:30'));
    expect(o.completionDeadline).toBe(at('2026-03-09 17:30'));
    await act(app, 'dispatcher', o.id, { type: 'suspend', reason: '等待产权单位确认' }, at('2026-03-04 10:00'));

    await runAt(app, at('2026-03-10 12:00')); // well past the old deadline
    expect(await slaSteps(app, o.id)).toEqual([]);
    expect((await orderRow(app, o.id)).sla_status).toBe('normal');

    const resumed = await act(app, 'dispatcher', o.id, { type: 'resume' }, at('2026-03-11 10:00'));
    const paused = app.platform.calendar.workingMsBetween(at('2026-03-04 10:00'), at('2026-03-11 10:00'));
    expect(paused).toBe(35 * HOUR); // five working days
    expect(resumed.order.completionDeadline).toBe(at('2026-03-16 17:30'));
    expect(app.platform.calendar.workingMsBetween(o.completionDeadline, resumed.order.completionDeadline)).toBe(paused);

    await runAt(app, at('2026-03-16 17:30'));
    expect(await slaSteps(app, o.id)).toEqual(['order.sla_due_soon:completion']);
    await runAt(app, at('2026-03-16 17:30') + MS);
    expect(await slaSteps(app, o.id)).toEqual([
      'order.sla_due_soon:completion',
      'order.sla_overdue:completion',
      'order.urged',
    ]);
  });

  it('a 挂起 that begins exactly at the deadline: 超期 comes right after the resume, once', async () => {
    const o = await createOrder(app, at('2026-03-02 09:00'));
    await act(app, 'handler', o.id, { type: 'sign' }, at('2026-03-02 09:30'));
    await runAt(app, o.completionDeadline);
    await act(app, 'dispatcher', o.id, { type: 'suspend', reason: '等待答复' }, o.completionDeadline);
    await runAt(app, o.completionDeadline + HOUR); // the overdue job comes due during the pause: passed over
    expect(await slaSteps(app, o.id)).toEqual(['order.sla_due_soon:completion']);
    const resumed = await act(app, 'dispatcher', o.id, { type: 'resume' }, at('2026-03-10 10:00'));
    expect(resumed.order.completionDeadline).toBe(o.completionDeadline); // the pause began at it: not moved
    await runAt(app, at('2026-03-10 10:00'));
    await runAt(app, at('2026-03-10 10:05'));
    expect(await slaSteps(app, o.id)).toEqual([
      'order.sla_due_soon:completion',
      'order.sla_overdue:completion',
      'order.urged',
    ]);
  });

  it('an approved extension moves the deadline; the stale jobs do nothing', async () => {
    const o = await createOrder(app, at('2026-03-02 09:00'));
    await act(app, 'handler', o.id, { type: 'sign' }, at('2026-03-02 09:30'));
    await act(
      app,
      'handler',
      o.id,
      { type: 'request_extension', reason: '需协调多个部门', addWorkingDays: 3 },
      at('2026-03-05 10:00'),
    );
    const granted = await act(app, 'dispatcher', o.id, { type: 'approve_extension' }, at('2026-03-05 11:00'));
    expect(granted.order.completionDeadline).toBe(at('2026-03-12 17:30'));

    await runAt(app, o.completionDeadline + MS); // the old deadline
    expect(await slaSteps(app, o.id)).toEqual([]);
    const old = await app.platform.db
      .selectFrom('jobs')
      .select(['status'])
      .where('dedupe_key', '=', `sla:${o.id}:orders.sla.overdue:${o.completionDeadline}`)
      .executeTakeFirstOrThrow();
    expect(old.status).toBe('done'); // ran, found the deadline moved, did nothing
    await runAt(app, at('2026-03-12 17:30') + MS);
    // the 临期 job (due Mar 11) found the order overdue already and left the report to the overdue job
    expect(await slaSteps(app, o.id)).toEqual(['order.sla_overdue:completion', 'order.urged']);
    const entry = await app.platform.db
      .selectFrom('order_events')
      .select('data')
      .where('order_id', '=', o.id)
      .where('type', '=', 'order.sla_overdue')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.data).deadline).toBe(at('2026-03-12 17:30'));
  });

  it('after 退回重办 and after 重办 (unsatisfied visit) the new deadline gets its own clock', async () => {
    // 退回重办: the day in review is given back
    const back = await createOrder(app, at('2026-03-02 09:00'));
    await act(app, 'handler', back.id, { type: 'sign' }, at('2026-03-02 09:30'));
    await act(app, 'handler', back.id, { type: 'submit_reply', reply: '已处理' }, at('2026-03-03 10:00'));
    const sent = await act(
      app,
      'dispatcher',
      back.id,
      { type: 'reject_reply', reason: '未附现场照片' },
      at('2026-03-04 10:00'),
    );
    expect(sent.order.completionDeadline).toBe(at('2026-03-10 17:30'));
    await runAt(app, at('2026-03-10 17:30') + MS);
    expect(await slaSteps(app, back.id)).toEqual(['order.sla_overdue:completion', 'order.urged']);

    const o = await createOrder(app, at('2026-03-02 09:00'));
    await act(app, 'handler', o.id, { type: 'sign' }, at('2026-03-02 09:30'));
    await act(app, 'handler', o.id, { type: 'submit_reply', reply: '已清理' }, at('2026-03-03 10:00'));
    await act(app, 'dispatcher', o.id, { type: 'approve_reply' }, at('2026-03-03 11:00'));
    const reopened = await act(
      app,
      'dispatcher',
      o.id,
      { type: 'visit', result: 'unsatisfied' },
      at('2026-03-04 09:00'),
    );
    expect(reopened.order.completionDeadline).toBe(at('2026-03-09 17:30')); // 3 working days: 5, 6, 9
    // 27.5 working hours from the reopening: 临期 below 5.5 h left
    await runAt(app, at('2026-03-09 10:00'));
    expect(await slaSteps(app, o.id)).toEqual([]);
    await runAt(app, at('2026-03-09 10:00') + MS);
    expect(await slaSteps(app, o.id)).toEqual(['order.sla_due_soon:completion']);
    await runAt(app, at('2026-03-09 17:30') + MS);
    expect(await slaSteps(app, o.id)).toEqual([
      'order.sla_due_soon:completion',
      'order.sla_overdue:completion',
      'order.urged',
    ]);
  });

  it('rules are configurable (audited) and re-plan the open orders', async () => {
    const o = await createOrder(app, at('2026-04-01 09:00')); // deadline Thu Apr 9 17:30 (Apr 4–6 清明)
    await act(app, 'handler', o.id, { type: 'sign' }, at('2026-04-01 09:30'));

    setClock(app, at('2026-04-01 10:00'));
    const [dispatcher, handler, admin] = await Promise.all([
      as(app, 'dispatcher'),
      as(app, 'handler'),
      as(app, 'admin'),
    ]);
    const get = await dispatcher.get('/api/orders/sla-rules');
    expect(get.status).toBe(200);
    expect(get.body).toMatchObject({ saved: false, rules: { dueSoonRatio: 0.2 } });
    const rules = {
      dueSoonRatio: 0.2,
      sign: [],
      completion: [
        { afterWorkingDays: 0, action: 'urge' },
        { afterWorkingDays: 0.5, action: 'supervise', level: 1, note: '请分管领导跟进' },
        { afterWorkingDays: 2, action: 'supervise', level: 3 },
      ],
    };
    expect((await dispatcher.put('/api/orders/sla-rules', rules)).status).toBe(403);
    expect((await handler.get('/api/orders/sla-rules')).status).toBe(403);
    const bad = await admin.put('/api/orders/sla-rules', {
      ...rules,
      completion: [{ afterWorkingDays: 1, action: 'supervise' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('supervise needs level');
    expect((await admin.put('/api/orders/sla-rules', { ...rules, dueSoonRatio: 1 })).status).toBe(400);
    const put = await admin.put('/api/orders/sla-rules', rules);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      saved: true,
      updatedAt: at('2026-04-01 10:00'),
      rules: { completion: [{ action: 'urge' }, { level: 1 }, { level: 3 }] },
    });
    const audit = await admin.get('/api/audit?action=orders.sla_rules');
    expect(audit.body.items[0]).toMatchObject({ action: 'orders.sla_rules.update', after: rules });
    expect(audit.body.items[0].before.completion).toHaveLength(3);
    await app.platform.jobs.drain(); // the re-plan job

    const deadline = o.completionDeadline;
    expect(deadline).toBe(at('2026-04-09 17:30'));
    // jumping past the deadline: the 临期 job finds the order overdue and leaves it to the 超期 job
    await runAt(app, deadline + MS);
    expect(await slaSteps(app, o.id)).toEqual(['order.sla_overdue:completion', 'order.urged']);
    await runAt(app, at('2026-04-10 12:00') - MS); // half a working day is 3.5 h: Friday 12:00
    expect(Number((await orderRow(app, o.id)).supervision_level)).toBe(0);
    await runAt(app, at('2026-04-10 12:00'));
    expect(Number((await orderRow(app, o.id)).supervision_level)).toBe(1);
    await runAt(app, at('2026-04-13 17:30')); // two working days (Fri, Mon): level 3 in two steps
    expect((await slaSteps(app, o.id)).slice(2)).toEqual([
      'order.supervised:1',
      'order.supervised:2',
      'order.supervised:3',
    ]);
    // the default steps planned before the change (1 and 5 days) came due and did nothing
    await runAt(app, at('2026-04-17 17:30'));
    expect(await slaSteps(app, o.id)).toHaveLength(5);
    const note = await app.platform.db
      .selectFrom('order_events')
      .select('note')
      .where('order_id', '=', o.id)
      .where('type', '=', 'order.supervised')
      .orderBy('at')
      .executeTakeFirstOrThrow();
    expect(note.note).toBe('超过办结时限0.5个工作日仍未办结，系统自动一级督办，请分管领导跟进');

    // back to the defaults for whoever comes next
    expect((await (await as(app, 'admin')).put('/api/orders/sla-rules', get.body.defaults)).status).toBe(200);
    await app.platform.jobs.drain();
  });
});

describe.each(dialects('orders SLA clocks across nodes'))('SLA jobs across restarts and nodes (%s)', (dialect) => {
  const apps: TestApp[] = [];
  const children: Child[] = [];
  afterAll(async () => {
    for (const c of children) {
      c.send('stop');
      await c.exited(20_000).catch(() => killIfRunning(c));
    }
    // the sharing apps first; the owner last removes the database
    for (const a of apps.reverse()) await a.dispose();
  });

  it('survive a restart: planned before, fired once by the new process', async () => {
    const first = await startTestApp(dialect, { trainingSamples: 300 });
    apps.push(first);
    const o = await createOrder(first, at('2026-03-02 09:00'));
    await first.platform.jobs.drain();
    await first.close();

    const second = await startTestApp(dialect, {
      share: { dataDir: first.dataDir, pgSchema: first.pgSchema },
      trainingSamples: 300,
    });
    apps.push(second);
    setClock(second, o.completionDeadline + MS);
    await second.platform.jobs.drain();
    expect(await second.platform.jobs.drain()).toBe(0);
    expect(await slaSteps(second, o.id)).toEqual([
      'order.sla_overdue:sign',
      'order.urged',
      'order.sla_overdue:completion',
      'order.urged',
    ]);
    const runs = await second.platform.db
      .selectFrom('job_runs')
      .innerJoin('jobs', 'jobs.id', 'job_runs.job_id')
      .select(['jobs.kind', 'job_runs.node_id'])
      .where('jobs.kind', 'like', 'orders.sla.%')
      .execute();
    expect(runs.every((r) => r.node_id === second.config.nodeId)).toBe(true);
  });

  it('two nodes draining at once: each job’s effect happens once', async () => {
    const a = await startTestApp(dialect, { trainingSamples: 300 });
    apps.push(a);
    const orders = [];
    for (let i = 0; i < 6; i++) {
      const o = await createOrder(a, at('2026-03-02 09:00') + i * 60_000);
      await act(a, 'handler', o.id, { type: 'sign' }, at('2026-03-02 09:30'));
      orders.push(o);
    }
    const deadline = at('2026-03-09 17:30');
    expect(orders.every((o) => o.completionDeadline === deadline)).toBe(true);

    let both: (t: number) => Promise<void>;
    if (dialect === 'postgres') {
      // two apps in this process, each with its own connection pool: truly concurrent claims
      const b = await startTestApp(dialect, {
        share: { dataDir: a.dataDir, pgSchema: a.pgSchema },
        trainingSamples: 300,
      });
      apps.push(b);
      both = async (t) => {
        setClock(a, t);
        setClock(b, t);
        await Promise.all([a.platform.jobs.drain(), b.platform.jobs.drain()]);
      };
    } else {
      // SQLite: two connections in one process cannot both write (one's busy-wait blocks the
      // thread the other needs to commit), so the two nodes are two processes
      const env = (id: string) =>
        childEnv({ SLA_NODE_ID: id, SLA_DATA_DIR: a.dataDir, SLA_DEADLINE: String(Date.now() + 170_000) });
      const nodes = ['node-a', 'node-b'].map((id) =>
        spawnNode(['--import', 'tsx', 'test/fixtures/sla-node.ts'], { env: env(id) }),
      );
      children.push(...nodes);
      await Promise.all(nodes.map((n) => n.waitFor(/^ready$/, 90_000)));
      both = async (t) => {
        nodes.forEach((n) => n.send(`run ${t}`));
        const done = await Promise.all(nodes.map((n) => n.waitFor(new RegExp(`^drained ${t} `), 90_000)));
        expect(done.map((l) => l.split(' ').slice(3).join(' '))).toEqual(['[]', '[]']); // no job failed
      };
    }
    await both(deadline + MS);
    await both(at('2026-03-16 17:30')); // five working days later: both 督办 steps
    for (const o of orders) {
      expect(await slaSteps(a, o.id)).toEqual([
        'order.sla_overdue:completion',
        'order.urged',
        'order.supervised:1',
        'order.supervised:2',
      ]);
      const row = await orderRow(a, o.id);
      expect([row.sla_status, Number(row.urge_count), Number(row.supervision_level)]).toEqual(['overdue', 1, 2]);
    }
    const runs = await a.platform.db
      .selectFrom('job_runs')
      .innerJoin('jobs', 'jobs.id', 'job_runs.job_id')
      .select(['jobs.id', 'job_runs.node_id'])
      .where('jobs.kind', 'like', 'orders.sla.%')
      .execute();
    expect(runs.length).toBeGreaterThanOrEqual(6 * 4);
    expect(new Set(runs.map((r) => r.id)).size).toBe(runs.length); // no job ran twice
    // the orders' jobs are all done; other modules' periodic chains (drone schedules) always hold
    // their next tick, but none of any kind failed
    const open = await a.platform.db
      .selectFrom('jobs')
      .select(['kind', 'status', 'last_error'])
      .where('status', '!=', 'done')
      .where('kind', 'like', 'orders.%')
      .execute();
    expect(open).toEqual([]);
    const failed = await a.platform.db
      .selectFrom('jobs')
      .select(['kind', 'status', 'last_error'])
      .where('status', '=', 'failed')
      .execute();
    expect(failed).toEqual([]);
    const byNode = runs.reduce(
      (m, r) => ({ ...m, [r.node_id]: (m[r.node_id] ?? 0) + 1 }),
      {} as Record<string, number>,
    );
    console.log(`[sla two nodes, ${dialect}] SLA job runs by node: ${JSON.stringify(byNode)}`);
  }, 240_000);
});
