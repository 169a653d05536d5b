/**
 * 取号叫号 end to end on both engines, over HTTP: a hall morning — tickets issued at reception, a
 * kiosk and an appointment check-in; calls by each counter's work profile and the priorities'
 * head starts; a recall and a no-show after the recalls; a transfer to another group and to one
 * counter keeping the arrival time; a call out of order with its reason; a finish with its
 * outcome — watched on the public hall screen and the phone page; numbers reset the next day;
 * bad input and a clerk without the right refused 4xx with nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../src/platform/clock';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous, login, type Client } from '../helpers/client';
import { dialects } from '../helpers/env';

const MIN = 60_000;
const NINE = Date.parse('2026-03-02T01:00:00Z'); // 09:00 in Guicheng, a Monday
const H = '/api/services/hall';

describe.each(dialects('services hall'))('取号叫号 (%s)', (dialect) => {
  let app: TestApp;
  let clock: ManualClock;
  let admin: Client;
  let clerk: Client;
  let handler: Client;
  let pub: Client;
  let siteId: string;
  const g: Record<string, string> = {};
  const c: Record<string, string> = {};
  const t: Record<string, { id: string; token: string }> = {};

  beforeAll(async () => {
    app = await startTestApp(dialect);
    clock = app.clock as ManualClock;
    clock.set(NINE - 10 * MIN);
    await logins();
    pub = anonymous(app);
    siteId = (await app.services.sites.list())[0].id;
  }, 120_000);
  afterAll(() => app?.dispose());

  async function logins() {
    admin = await login(app, 'admin');
    clerk = await login(app, 'clerk');
    handler = await login(app, 'handler');
  }
  const at = (minutes: number) => clock.set(NINE + minutes * MIN);
  const auditSeq = async () =>
    Number((await app.platform.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq);
  const count = async (
    table: 'svc_hall_groups' | 'svc_hall_counters' | 'svc_hall_tickets' | 'svc_hall_ticket_events',
  ) =>
    Number(
      (
        await app.platform.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const issue = async (who: Client, body: Record<string, unknown>) => {
    const r = await who.post(`${H}/sites/${siteId}/tickets`, body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    t[r.body.ticket.number] = { id: r.body.ticket.id, token: r.body.token };
    return r.body;
  };
  const id = (number: string) => t[number].id;
  const callNext = async (who: Client, counter: string) => {
    const r = await who.post(`${H}/counters/${c[counter]}/call-next`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };
  const act = (who: Client, number: string, action: string, body: Record<string, unknown>) =>
    who.post(`${H}/tickets/${id(number)}/${action}`, body);

  it('sets up groups and counters (admin); a clerk may read them but not change them', async () => {
    for (const [code, name, target] of [
      ['A', '综合受理', 15],
      ['B', '不动产登记', 20],
    ] as const) {
      const r = await admin.post(`${H}/sites/${siteId}/groups`, {
        code,
        name,
        targetWaitMinutes: target,
        itemCodes: [],
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      g[code] = r.body.id;
    }
    const denied = await clerk.post(`${H}/sites/${siteId}/groups`, {
      code: 'C',
      name: '社保',
      targetWaitMinutes: 10,
      itemCodes: [],
    });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('forbidden');

    const counter = async (number: string, groupIds: string[], mode: string) => {
      const r = await admin.post(`${H}/sites/${siteId}/counters`, {
        number,
        name: `${number}号窗口`,
        profile: { groupIds, mode },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body).toMatchObject({
        state: 'closed',
        profile: { groupIds, headStartMinutes: { green: 20, appointment: 15 } },
      });
      c[number] = r.body.id;
    };
    await counter('1', [g.A, g.B], 'groupOrder');
    await counter('2', [g.B, g.A], 'groupOrder');
    const list = await clerk.get(`${H}/sites/${siteId}/counters`);
    expect(list.body.items.map((x: { number: string }) => x.number)).toEqual(['1', '2']);
    expect((await clerk.get(`${H}/sites/${siteId}/groups`)).body.items).toHaveLength(2);
  });

  it('refuses bad set-up input 4xx with the error shape and nothing changed', async () => {
    const before = [await count('svc_hall_groups'), await count('svc_hall_counters'), await auditSeq()];
    const cases: Array<[string, string, Record<string, unknown>, number, string]> = [
      [
        'POST',
        `${H}/sites/${siteId}/groups`,
        { code: 'AA', name: 'x', targetWaitMinutes: 5, itemCodes: [] },
        400,
        'invalid_request',
      ],
      [
        'POST',
        `${H}/sites/${siteId}/groups`,
        { code: 'a', name: 'x', targetWaitMinutes: 5, itemCodes: [] },
        400,
        'invalid_code',
      ],
      [
        'POST',
        `${H}/sites/${siteId}/groups`,
        { code: 'A', name: '重复', targetWaitMinutes: 5, itemCodes: [] },
        409,
        'group_code_taken',
      ],
      [
        'POST',
        `${H}/sites/no-such-site/groups`,
        { code: 'Z', name: 'x', targetWaitMinutes: 5, itemCodes: [] },
        404,
        'not_found',
      ],
      [
        'POST',
        `${H}/sites/${siteId}/counters`,
        { number: '9', name: 'x', profile: { groupIds: ['nope'], mode: 'groupOrder' } },
        400,
        'invalid_profile',
      ],
      [
        'POST',
        `${H}/sites/${siteId}/counters`,
        { number: '9', name: 'x', profile: { groupIds: [g.A, g.A], mode: 'groupOrder' } },
        400,
        'invalid_profile',
      ],
      [
        'POST',
        `${H}/sites/${siteId}/counters`,
        { number: '1', name: 'x', profile: { groupIds: [g.A], mode: 'groupOrder' } },
        409,
        'counter_number_taken',
      ],
      ['PATCH', `${H}/groups/${g.A}`, {}, 400, 'invalid_request'],
    ];
    for (const [method, url, body, status, code] of cases) {
      const r = await admin.request(method, url, body);
      expect(r.status, `${method} ${url} ${JSON.stringify(r.body)}`).toBe(status);
      expect(r.body.error.code).toBe(code);
      expect(typeof r.body.error.message).toBe('string');
    }
    expect([await count('svc_hall_groups'), await count('svc_hall_counters'), await auditSeq()]).toEqual(before);
  });

  it('issues numbers per group with the place in line; the handler (no hall right) and the public may not', async () => {
    at(0);
    expect((await issue(clerk, { groupId: g.A, phone: '139 1234 5678' })).ticket).toMatchObject({
      number: 'A001',
      source: 'reception',
      priority: 'normal',
      phone: '139****5678',
    });
    at(1);
    expect((await issue(clerk, { groupId: g.A })).placeInLine).toBe(1);
    at(2);
    const b1 = await issue(clerk, { groupId: g.B, source: 'kiosk' });
    expect(b1.ticket.number).toBe('B001');
    expect(b1.placeInLine).toBe(0); // counter 2 calls B first
    at(3);
    const green = await issue(clerk, { groupId: g.A, priority: 'green' });
    expect(green.ticket).toMatchObject({ number: 'A003', priorityLabel: '绿色通道' });
    expect(green.placeInLine).toBe(0); // 20 minutes of head start beat A001's 3 minutes of waiting
    at(4);
    const appt = await issue(clerk, { groupId: g.A, source: 'appointment' });
    expect(appt.ticket).toMatchObject({ number: 'A004', priority: 'appointment' });
    expect(appt.placeInLine).toBe(1);

    const n = await count('svc_hall_tickets');
    expect((await handler.post(`${H}/sites/${siteId}/tickets`, { groupId: g.A })).status).toBe(403);
    expect((await pub.post(`${H}/sites/${siteId}/tickets`, { groupId: g.A })).status).toBe(401);
    expect((await handler.post(`${H}/counters/${c['1']}/call-next`)).status).toBe(403);
    expect(await count('svc_hall_tickets')).toBe(n);
  });

  it('calls by priority and by the counter’s group order; the screen and the phone page show it', async () => {
    at(5);
    expect((await clerk.post(`${H}/counters/${c['1']}/call-next`)).body.error.code).toBe('counter_not_open');
    expect((await clerk.post(`${H}/counters/${c['1']}/open`)).body).toMatchObject({
      state: 'open',
      clerkName: 'clerk',
    });
    expect((await admin.post(`${H}/counters/${c['2']}/open`)).status).toBe(200);

    const first = await callNext(clerk, '1');
    expect(first).toMatchObject({
      ticket: { number: 'A003', state: 'called' },
      reason: 'score',
      announcement: '请 A003 号到 1 号窗口',
    });
    // counter 2 calls group B first although A004's score is higher
    expect((await callNext(admin, '2')).ticket.number).toBe('B001');
    // a counter with a ticket in hand cannot call again, and a clerk cannot work a counter someone else opened
    expect((await clerk.post(`${H}/counters/${c['1']}/call-next`)).body.error.code).toBe('counter_busy');
    expect((await clerk.post(`${H}/counters/${c['2']}/call-next`)).status).toBe(403);

    const screen = await pub.get(`${H}/sites/${siteId}/screen`);
    expect(screen.status).toBe(200);
    expect(
      screen.body.calls.map((x: { number: string; counterNumber: string }) => `${x.number}@${x.counterNumber}`),
    ).toEqual(['B001@2', 'A003@1']);
    expect(screen.body.waiting.map((w: { code: string; waiting: number }) => [w.code, w.waiting])).toEqual([
      ['A', 3],
      ['B', 0],
    ]);
    expect(screen.body.waiting[0].longestWaitMinutes).toBe(5);

    const phone = await pub.get(`${H}/tickets/${id('A001')}/status?token=${t.A001.token}`);
    expect(phone.body).toMatchObject({ number: 'A001', state: 'waiting', placeInLine: 1 }); // A004 first
    const called = await pub.get(`${H}/tickets/${id('A003')}/status?token=${t.A003.token}`);
    expect(called.body).toMatchObject({ state: 'called', counterNumber: '1', announcement: '请 A003 号到 1 号窗口' });
    const wrong = await pub.get(`${H}/tickets/${id('A001')}/status?token=${t.A003.token}`);
    expect(wrong.status).toBe(404);
    expect(wrong.body.error.code).toBe('not_found');
  });

  it('a no-show only after the recalls; serve and finish with the outcome', async () => {
    at(6);
    const early = await act(admin, 'B001', 'no-show', { counterId: c['2'] });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('too_early_for_no_show');
    expect((await act(admin, 'B001', 'recall', { counterId: c['2'] })).body.ticket.recalls).toBe(1);
    at(7);
    expect((await act(admin, 'B001', 'recall', { counterId: c['2'] })).body.ticket.recalls).toBe(2);
    const recalls = (await pub.get(`${H}/sites/${siteId}/screen`)).body.calls;
    expect(recalls[0]).toMatchObject({ number: 'B001', recall: true });
    const ns = await act(admin, 'B001', 'no-show', { counterId: c['2'] });
    expect(ns.status).toBe(200);
    expect(ns.body.ticket).toMatchObject({ state: 'no_show', finishedAt: NINE + 7 * MIN });

    expect((await act(clerk, 'A003', 'serve', { counterId: c['1'] })).body.ticket).toMatchObject({
      state: 'serving',
      servedAt: NINE + 7 * MIN,
    });
    // the ticket is at counter 1, not 2
    expect((await act(admin, 'A003', 'finish', { counterId: c['2'], itemCodes: [] })).body.error.code).toBe(
      'not_at_counter',
    );
    at(15);
    const done = await act(clerk, 'A003', 'finish', {
      counterId: c['1'],
      itemCodes: ['ITEM-1'],
      caseNumbers: ['BJ20260302001'],
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.ticket).toMatchObject({
      state: 'done',
      calledAt: NINE + 5 * MIN,
      finishedAt: NINE + 15 * MIN,
      outcome: { itemCodes: ['ITEM-1'], caseNumbers: ['BJ20260302001'], note: null },
    });
    expect(done.body.history.map((h: { action: string }) => h.action)).toEqual(['issue', 'call', 'serve', 'finish']);
  });

  it('a transfer keeps the arrival: to group B it is called first there, to a counter it comes back before everyone', async () => {
    at(16);
    const appt = await callNext(clerk, '1');
    expect(appt.ticket.number).toBe('A004'); // 15 minutes of appointment head start over A001
    await act(clerk, 'A004', 'serve', { counterId: c['1'] });

    const before = [await count('svc_hall_ticket_events'), await auditSeq()];
    for (const body of [
      { counterId: c['1'] },
      { counterId: c['1'], toGroupId: g.B, toCounterId: c['2'] },
      { counterId: c['1'], toGroupId: g.A },
    ]) {
      const r = await act(clerk, 'A004', 'transfer', body);
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.error.code).toBe('transfer_target');
    }
    expect((await act(clerk, 'A004', 'transfer', { counterId: c['1'], toGroupId: 'nope' })).status).toBe(404);
    expect([await count('svc_hall_ticket_events'), await auditSeq()]).toEqual(before);
    expect((await clerk.get(`${H}/tickets/${id('A004')}`)).body.ticket.state).toBe('serving');

    at(18);
    const moved = await act(clerk, 'A004', 'transfer', { counterId: c['1'], toGroupId: g.B, reason: '需办不动产' });
    expect(moved.body.ticket).toMatchObject({
      state: 'waiting',
      groupId: g.B,
      issuedAt: NINE + 4 * MIN,
      priority: 'transfer',
    });
    const again = await callNext(admin, '2');
    expect(again.ticket).toMatchObject({ number: 'A004', groupCode: 'B', issuedAt: NINE + 4 * MIN });
    await act(admin, 'A004', 'serve', { counterId: c['2'] });
    at(20);
    // back to counter 1 in particular: it is called there before A001, who has waited 20 minutes
    await act(admin, 'A004', 'transfer', { counterId: c['2'], toCounterId: c['1'] });
    const back = await callNext(clerk, '1');
    expect(back).toMatchObject({ ticket: { number: 'A004' }, reason: 'transferredHere' });
    const detail = (await clerk.get(`${H}/tickets/${id('A004')}`)).body;
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual([
      'issue',
      'call',
      'serve',
      'transfer',
      'call',
      'serve',
      'transfer',
      'call',
    ]);
    expect(detail.history[3].reason).toBe('需办不动产');
    expect(detail.ticket.issuedAt).toBe(NINE + 4 * MIN);
  });

  it('a chosen ticket out of order with its reason; pause and close; numbers start again the next day', async () => {
    at(21);
    await act(clerk, 'A004', 'serve', { counterId: c['1'] });
    await act(clerk, 'A004', 'finish', { counterId: c['1'], itemCodes: [] });
    const chosen = await clerk.post(`${H}/counters/${c['1']}/call`, { ticketId: id('A002'), reason: '老人陪同' });
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
    expect(chosen.body).toMatchObject({ ticket: { number: 'A002' }, reason: 'chosen' });
    const hist = (await clerk.get(`${H}/tickets/${id('A002')}`)).body.history;
    expect(hist.at(-1)).toMatchObject({ action: 'callChosen', reason: '老人陪同', actorName: 'clerk' });
    // a ticket no longer waiting cannot be chosen
    await act(clerk, 'A002', 'serve', { counterId: c['1'] });
    expect(
      (await admin.post(`${H}/counters/${c['2']}/call`, { ticketId: id('A003'), reason: 'x' })).body.error.code,
    ).toBe('not_allowed');

    expect((await clerk.post(`${H}/counters/${c['1']}/close`)).body.error.code).toBe('counter_busy');
    expect((await clerk.post(`${H}/counters/${c['1']}/pause`, {})).status).toBe(400);
    const paused = await clerk.post(`${H}/counters/${c['1']}/pause`, { reason: '系统故障' });
    expect(paused.body).toMatchObject({ state: 'paused', pauseReason: '系统故障' });

    const events = await app.platform.db
      .selectFrom('events')
      .select('type')
      .where('type', 'like', 'services.hall.%')
      .execute();
    const types = events.map((e) => e.type);
    for (const e of [
      'services.hall.issued',
      'services.hall.called',
      'services.hall.recalled',
      'services.hall.no_show',
      'services.hall.transferred',
      'services.hall.finished',
    ])
      expect(types).toContain(e);
    expect(types.filter((x) => x === 'services.hall.called')).toHaveLength(6); // A003, B001, A004 ×3, A002

    clock.set(NINE + 24 * 60 * MIN);
    await logins();
    const yesterday = t.A001.id;
    expect((await issue(clerk, { groupId: g.A })).ticket.number).toBe('A001');
    expect(t.A001.id).not.toBe(yesterday);
    // today's list holds only today's ticket; yesterday's A001 keeps its own row and number
    const today = (await clerk.get(`${H}/sites/${siteId}/tickets`)).body.items;
    expect(today.map((x: { id: string; number: string }) => [x.id, x.number])).toEqual([[t.A001.id, 'A001']]);
    expect((await clerk.get(`${H}/tickets/${yesterday}`)).body.ticket).toMatchObject({
      number: 'A001',
      state: 'waiting',
    });
  });
});
