/**
 * The notifications outbox: what each order step writes (citizens: 受理, 已答复, 回访; units: 新工单,
 * 临期, 超期, 督办) in the step's own transaction, delivery by the recording adapter (default), by
 * HTTP to an SMS gateway and in the WeChat template-message shape to a local test server, and a
 * failing gateway retried with the job runner's backoff until the message ends 'failed'.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import type { ManualClock } from '../src/platform/clock';
import { at } from '../src/platform/calendar/test-helpers';
import { dialects } from './helpers/env';
import { startTestApp, type TestApp } from './helpers/app';
import { login, type Client } from './helpers/client';

const PHONE = '13812345678';
const setClock = (app: App, t: number) => (app.platform.clock as ManualClock).set(t);
const as = (app: App, role: string): Promise<Client> => login(app, role); // sessions expire as the clock moves

async function createOrder(app: App, when: number, body: Record<string, unknown> = {}) {
  setClock(app, when);
  const r = await (await as(app, 'dispatcher')).post('/api/orders', {
    channel: 'hotline',
    description: '小区门口有人占道经营摆摊，影响行人通行',
    categoryCode: '010101',
    reporter: { phone: PHONE },
    ...body,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.order as { id: string; number: string; state: string; completionDeadline: number };
}

async function act(app: App, role: string, id: string, body: Record<string, unknown>, when: number) {
  setClock(app, when);
  const r = await (await as(app, role)).post(`/api/orders/${id}/actions`, body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

async function notes(app: App, orderId: string) {
  const rows = await app.platform.db
    .selectFrom('notifications')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((n) => ({
    ...n,
    attempts: Number(n.attempts),
    created_at: Number(n.created_at),
    sent_at: n.sent_at === null ? null : Number(n.sent_at),
  }));
}
const summary = async (app: App, orderId: string) =>
  (await notes(app, orderId)).map((n) => `${n.recipient_kind}:${n.channel}:${n.template}:${n.status}`);

describe.each(dialects('orders notifications'))('notifications outbox (%s)', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(dialect, { trainingSamples: 300 });
  });
  afterAll(() => app?.dispose());

  it('writes each step’s notifications with the step; the recording adapter marks them sent', async () => {
    const o = await createOrder(app, at('2026-03-02 09:00')); // auto-dispatched to 城管 (GC-ZF)
    expect(o.state).toBe('pending_sign');
    const zf = (
      await app.platform.db.selectFrom('orgs').select('id').where('code', '=', 'GC-ZF').executeTakeFirstOrThrow()
    ).id;
    const written = await notes(app, o.id);
    expect(written.map((n) => [n.recipient_kind, n.channel, n.recipient, n.template, n.status, n.attempts])).toEqual([
      ['citizen', 'sms', PHONE, 'citizen.accepted', 'pending', 0],
      ['unit', 'internal', zf, 'unit.new_order', 'pending', 0],
    ]);
    expect(written[0].text).toBe(
      `【一网统管】您反映的“小区门口有人占道经营摆摊，影响行人通行”已受理，工单号${o.number}。可凭工单号和本手机号查询办理进度。`,
    );
    expect(written[1].text).toBe(
      `【一网统管】新工单${o.number}：小区门口有人占道经营摆摊，影响行人通行（城市管理 › 市容秩序 › 占道经营）。请于3月2日 15:00前签收，3月9日 17:30前办结。`,
    );
    // one delivery job per message, keyed by the message id
    const jobs = await app.platform.db
      .selectFrom('jobs')
      .select(['dedupe_key', 'status'])
      .where('kind', '=', 'notifications.deliver')
      .where(
        'dedupe_key',
        'in',
        written.map((n) => n.id),
      )
      .execute();
    expect(jobs.map((j) => j.status)).toEqual(['pending', 'pending']);

    setClock(app, at('2026-03-02 09:00') + 5000);
    await app.platform.jobs.drain();
    const sent = await notes(app, o.id);
    expect(sent.map((n) => [n.status, n.sent_at, n.attempts, n.error])).toEqual([
      ['sent', at('2026-03-02 09:00') + 5000, 1, null],
      ['sent', at('2026-03-02 09:00') + 5000, 1, null],
    ]);

    await act(app, 'handler', o.id, { type: 'sign' }, at('2026-03-02 10:00'));
    await act(
      app,
      'handler',
      o.id,
      { type: 'submit_reply', reply: '已联合执法中队清理摊贩，并设置禁止占道经营告示牌。' },
      at('2026-03-03 10:00'),
    );
    expect(await summary(app, o.id)).toHaveLength(2); // nothing to tell anyone yet
    await act(app, 'dispatcher', o.id, { type: 'approve_reply' }, at('2026-03-03 11:00'));
    expect((await summary(app, o.id)).slice(2)).toEqual([
      'citizen:sms:citizen.replied:pending',
      'citizen:sms:citizen.visit:pending',
    ]);
    const replied = (await notes(app, o.id))[2];
    expect(replied.text).toBe(
      `【一网统管】您反映的“小区门口有人占道经营摆摊，影响行人通行”（工单号${o.number}）已办理答复：已联合执法中队清理摊贩，并设置禁止占道经营告示牌。`,
    );
    await act(app, 'dispatcher', o.id, { type: 'visit', result: 'satisfied' }, at('2026-03-03 15:00'));
    await app.platform.jobs.drain();
    expect(await summary(app, o.id)).toEqual([
      'citizen:sms:citizen.accepted:sent',
      'unit:internal:unit.new_order:sent',
      'citizen:sms:citizen.replied:sent',
      'citizen:sms:citizen.visit:sent',
    ]);

    // the order detail lists them; the outbox API masks citizens' numbers and is for the centre only
    const dispatcher = await as(app, 'dispatcher');
    const detail = (await dispatcher.get(`/api/orders/${o.id}`)).body;
    expect(detail.notifications.map((n: any) => n.template).sort()).toEqual([
      'citizen.accepted',
      'citizen.replied',
      'citizen.visit',
      'unit.new_order',
    ]);
    const list = await dispatcher.get(`/api/notifications?orderId=${o.id}`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(4);
    expect(list.body.items.find((n: any) => n.template === 'citizen.visit')).toMatchObject({
      orderNumber: o.number,
      channel: 'sms',
      recipient: '138****5678',
      recipientKind: 'citizen',
      title: '办理结果回访',
      status: 'sent',
      attempts: 1,
    });
    expect(list.body.items.find((n: any) => n.template === 'unit.new_order')).toMatchObject({
      recipient: zf,
      recipientName: '城市管理和综合执法局',
    });
    expect((await dispatcher.get(`/api/notifications?orderId=${o.id}&status=pending`)).body.items).toEqual([]);
    expect((await dispatcher.get('/api/notifications?limit=2')).body.items).toHaveLength(2);
    expect((await dispatcher.get('/api/notifications?status=lost')).status).toBe(400);
    expect((await (await as(app, 'handler')).get('/api/notifications')).status).toBe(403);
  });

  it('直接答复: 已答复 and the 回访 invitation to the citizen, nothing to any unit', async () => {
    const o = await createOrder(app, at('2026-03-04 09:00'), {
      categoryCode: '0103',
      description: '楼顶有人违章加建铁皮房',
    });
    expect(o.state).toBe('pending_dispatch'); // no automatic rule for 违法建设
    await act(
      app,
      'dispatcher',
      o.id,
      { type: 'direct_reply', reply: '经核实已纳入拆违计划，请耐心等候。' },
      at('2026-03-04 09:10'),
    );
    expect(await summary(app, o.id)).toEqual([
      'citizen:sms:citizen.accepted:pending',
      'citizen:sms:citizen.replied:pending',
      'citizen:sms:citizen.visit:pending',
    ]);
  });

  it('no message to a citizen who left no phone number', async () => {
    const o = await createOrder(app, at('2026-03-04 10:00'), { reporter: { name: '匿名' } });
    expect(await summary(app, o.id)).toEqual(['unit:internal:unit.new_order:pending']);
  });

  it('临期, 超期 and 督办 reach the unit holding the order', async () => {
    const o = await createOrder(app, at('2026-03-05 09:00'));
    await act(app, 'handler', o.id, { type: 'sign' }, at('2026-03-05 09:30'));
    expect(o.completionDeadline).toBe(at('2026-03-12 17:30'));
    setClock(app, at('2026-03-11 16:12') + 1); // 20% of 41.5 h left
    await app.platform.jobs.drain();
    setClock(app, o.completionDeadline + 1);
    await app.platform.jobs.drain();
    setClock(app, at('2026-03-13 17:30')); // one working day late: 督办
    await app.platform.jobs.drain();
    const unit = (await notes(app, o.id)).filter((n) => n.recipient_kind === 'unit');
    expect(unit.map((n) => `${n.template}:${n.status}`)).toEqual([
      'unit.new_order:sent',
      'unit.due_soon:sent',
      'unit.overdue:sent',
      'unit.supervised:sent',
    ]);
    expect(unit[1].text).toBe(
      `【一网统管】工单${o.number}（小区门口有人占道经营摆摊，影响行人通行）临近办结时限：3月12日 17:30，剩余约8.3个工作小时，请抓紧办结。`,
    );
    expect(unit[2].text).toBe(
      `【一网统管】工单${o.number}（小区门口有人占道经营摆摊，影响行人通行）已超过办结时限（3月12日 17:30），请立即办结。`,
    );
    expect(unit[3].text).toBe(
      `【一网统管】工单${o.number}（小区门口有人占道经营摆摊，影响行人通行）被一级督办：超过办结时限1个工作日仍未办结，系统自动一级督办。请加快办理并及时反馈。`,
    );
  });
});

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: any;
}

describe.each(dialects('notification gateways'))('notification gateways (%s)', (dialect) => {
  let server: Server;
  let base: string;
  const received: Received[] = [];
  /** What each path answers: status and body. */
  const ANSWERS: Record<string, [number, string]> = {
    '/sms': [200, '{"ok":true}'],
    '/wx': [200, '{"errcode":0,"errmsg":"ok"}'],
    '/fail': [500, 'gateway down'],
    '/wx-refuse': [200, '{"errcode":43004,"errmsg":"require subscribe"}'],
  };
  let good: TestApp;
  let bad: TestApp;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let data = '';
      req
        .setEncoding('utf8')
        .on('data', (c) => (data += c))
        .on('end', () => {
          received.push({ path: req.url ?? '', headers: req.headers, body: data ? JSON.parse(data) : null });
          const [status, body] = ANSWERS[req.url ?? ''] ?? [404, 'no such path'];
          res.writeHead(status, { 'content-type': body.startsWith('{') ? 'application/json' : 'text/plain' }).end(body);
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    good = await startTestApp(dialect, {
      trainingSamples: 300,
      env: { SMS_WEBHOOK_URL: `${base}/sms`, WECHAT_WEBHOOK_URL: `${base}/wx` },
    });
    bad = await startTestApp(dialect, {
      trainingSamples: 300,
      env: { SMS_WEBHOOK_URL: `${base}/fail`, WECHAT_WEBHOOK_URL: `${base}/wx-refuse` },
    });
  });
  afterAll(async () => {
    await good?.dispose();
    await bad?.dispose();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('the SMS gateway receives the message as JSON; units’ internal notices stay in the platform', async () => {
    received.length = 0;
    const o = await createOrder(good, at('2026-03-02 09:00'));
    await good.platform.jobs.drain();
    const [n] = (await notes(good, o.id)).filter((x) => x.template === 'citizen.accepted');
    expect(received.map((r) => r.path)).toEqual(['/sms']);
    expect(received[0].headers['content-type']).toContain('application/json');
    expect(received[0].headers['idempotency-key']).toBe(n.id);
    expect(received[0].body).toEqual({
      id: n.id,
      to: PHONE,
      text: n.text,
      template: 'citizen.accepted',
      orderNumber: o.number,
      createdAt: at('2026-03-02 09:00'),
    });
    expect(await summary(good, o.id)).toEqual([
      'citizen:sms:citizen.accepted:sent',
      'unit:internal:unit.new_order:sent',
    ]);
  });

  it('a citizen who wrote in by WeChat is answered in the template-message shape', async () => {
    received.length = 0;
    const o = await createOrder(good, at('2026-03-02 09:30'), {
      channel: 'wechat',
      sourceRef: 'wx:5f1c0ffee0ddba11',
      reporter: { phone: PHONE },
    });
    await good.platform.jobs.drain();
    const [n] = (await notes(good, o.id)).filter((x) => x.recipient_kind === 'citizen');
    expect([n.channel, n.recipient, n.status]).toEqual(['wechat', 'wx:5f1c0ffee0ddba11', 'sent']);
    expect(received.map((r) => r.path)).toEqual(['/wx']);
    expect(received[0].body).toEqual({
      touser: 'wx:5f1c0ffee0ddba11',
      template_id: 'citizen.accepted',
      data: {
        first: { value: '诉求受理通知' },
        keyword1: { value: o.number },
        keyword2: { value: '3月2日 09:30' },
        remark: { value: n.text },
      },
    });
  });

  it('a failing gateway: retried with the runner’s backoff, then the message ends failed with the error', async () => {
    received.length = 0;
    const t0 = at('2026-03-02 09:00');
    const o = await createOrder(bad, t0);
    await bad.platform.jobs.drain();
    const [n] = (await notes(bad, o.id)).filter((x) => x.recipient_kind === 'citizen');
    const job = () =>
      bad.platform.db.selectFrom('jobs').selectAll().where('dedupe_key', '=', n.id).executeTakeFirstOrThrow();
    expect(received).toHaveLength(1);
    let j = await job();
    expect([j.status, Number(j.attempts), Number(j.run_at) - t0]).toEqual(['pending', 1, 2000]); // backoff 2 s after attempt 1
    expect(j.last_error).toContain(`POST ${base}/fail answered HTTP 500: gateway down`);
    expect((await notes(bad, o.id)).find((x) => x.id === n.id)!.status).toBe('pending');

    // the unit's internal notice is unaffected
    expect((await notes(bad, o.id)).find((x) => x.recipient_kind === 'unit')!.status).toBe('sent');

    const backoffs = [];
    for (let attempt = 2; attempt <= 5; attempt++) {
      j = await job();
      setClock(bad, Number(j.run_at) - 1);
      await bad.platform.jobs.drain();
      expect(received).toHaveLength(attempt - 1); // not before its time
      setClock(bad, Number(j.run_at));
      await bad.platform.jobs.drain();
      expect(received).toHaveLength(attempt);
      j = await job();
      if (attempt < 5) backoffs.push(Number(j.run_at) - (await bad.platform.clock.now()));
    }
    expect(backoffs).toEqual([4000, 8000, 16000]);
    const failed = (await notes(bad, o.id)).find((x) => x.id === n.id)!;
    expect([failed.status, failed.attempts, failed.sent_at]).toEqual(['failed', 5, null]);
    expect(failed.error).toBe(`POST ${base}/fail answered HTTP 500: gateway down`);
    expect((await job()).status).toBe('done'); // nothing left to retry
    await bad.platform.jobs.drain();
    expect(received).toHaveLength(5);
    const list = await (await as(bad, 'dispatcher')).get('/api/notifications?status=failed');
    expect(list.body.items.map((x: any) => [x.id, x.error])).toEqual([[n.id, failed.error]]);
  });

  it('a WeChat relay answering with an errcode is a failure too', async () => {
    received.length = 0;
    const o = await createOrder(bad, at('2026-03-03 09:00'), {
      channel: 'wechat',
      sourceRef: 'wx:abad1dea',
      reporter: undefined,
    });
    await bad.platform.jobs.drain();
    const [n] = (await notes(bad, o.id)).filter((x) => x.recipient_kind === 'citizen');
    expect(received.map((r) => r.path)).toEqual(['/wx-refuse']);
    const j = await bad.platform.db
      .selectFrom('jobs')
      .selectAll()
      .where('dedupe_key', '=', n.id)
      .executeTakeFirstOrThrow();
    expect([j.status, Number(j.attempts)]).toEqual(['pending', 1]);
    expect(j.last_error).toContain('WeChat gateway refused the message: errcode 43004 require subscribe');
  });
});
