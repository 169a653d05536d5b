/**
 * 办件 over HTTP on both engines: a full online case (draft → pre-review comment → 补正 → originals
 * → accept → review → approve → mail → rated) with its number and clocks; 即办 at the window;
 * 联办 waits for every part; a limit across the 2026 Spring Festival with a 补正 pause, the overdue
 * job firing once; tracking by number + phone; printable documents; concurrent numbers; bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCardCheckChar } from '../../src/modules/services/cases/applicant';
import { parseCaseNumber } from '../../src/modules/services/cases/model';
import { ManualClock } from '../../src/platform/clock';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous, type Client, login } from '../helpers/client';
import { dialects } from '../helpers/env';
import { testGuide } from '../helpers/services';

/** Shanghai wall time → epoch ms. */
const sh = (s: string) => Date.parse(`${s.replace(' ', 'T')}:00+08:00`);
const idNo = (first17: string) => `${first17}${idCardCheckChar(first17)}`;
const PERSON = { kind: 'person', idNo: idNo('44060219900101123'), name: '张市民', phone: '13912345678' };

describe.each(dialects('services cases'))('services cases (%s)', (dialect) => {
  let app: TestApp;
  let clock: ManualClock;
  let admin: Client;
  let clerk: Client;
  let handler: Client;
  let handler2: Client;
  let citizen: Client;
  let centreId: string;
  let zf: { id: string; name: string };
  let rs: { id: string; name: string };
  let n = 0;

  const item = async (extra: Record<string, unknown>) => {
    n++;
    const guide = testGuide(
      { name: `办件测试事项${n}`, codePrefix: 'QT998', n, department: zf, siteId: centreId },
      extra,
    );
    const created = await admin.post('/api/services/items', guide);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const pub = await admin.post(`/api/services/items/${created.body.id}/publish`, {});
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
    return created.body.id as string;
  };

  /** Moves the clock and logs everyone in again (sessions expire across the weeks the tests jump). */
  const at = async (time: string) => {
    clock.set(sh(time));
    [admin, clerk, handler, handler2, citizen] = await Promise.all(
      ['admin', 'clerk', 'handler', 'handler2', 'citizen'].map((u) => login(app, u)),
    );
  };

  const act = async (who: Client, id: string, body: Record<string, unknown>, status = 200) => {
    const r = await who.post(`/api/services/cases/${id}/actions`, body);
    expect(r.status, `${body.type}: ${JSON.stringify(r.body)}`).toBe(status);
    return r.body;
  };
  const events = async (type: string, caseId: string) =>
    (
      await app.platform.db
        .selectFrom('events')
        .select('data')
        .where('type', '=', type)
        .where('entity_id', '=', caseId)
        .execute()
    ).length;
  const count = async (table: 'svc_cases' | 'svc_case_steps') =>
    Number(
      (
        await app.platform.db
          .selectFrom(table)
          .select((e) => e.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    clock = new ManualClock(Date.parse('2026-02-09T09:00:00+08:00'));
    app = await startTestApp(dialect, { clock });
    admin = await login(app, 'admin');
    clerk = await login(app, 'clerk');
    handler = await login(app, 'handler');
    citizen = await login(app, 'citizen');
    const orgs = await app.identity.directory.orgs();
    const o = (code: string) => orgs.find((x) => x.code === code)!;
    zf = { id: o('GC-ZF').id, name: o('GC-ZF').name };
    rs = { id: o('GC-RS').id, name: o('GC-RS').name };
    const u = await admin.post('/api/users', {
      username: 'handler2',
      name: '社保审查',
      password: 'yiwang-demo',
      orgId: rs.id,
      roles: ['handler'],
    });
    expect(u.status, JSON.stringify(u.body)).toBeLessThan(300);
    handler2 = await login(app, 'handler2');
    centreId = (await anonymous(app).get('/api/services/sites?kind=centre')).body.items[0].id;
  }, 180_000);
  afterAll(() => app?.dispose());

  it('runs a full online case: pre-review comment, 补正, originals by mail, accept, review, approve, mail, rating', async () => {
    await at('2026-03-02 09:00');
    const itemId = await item({});
    const draft = await citizen.post('/api/services/cases', {
      itemId,
      applicant: PERSON,
      situation: { applicant: ['self'] },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect(draft.body).toMatchObject({ state: 'draft', number: null, channel: 'online', siteId: centreId });
    expect(draft.body.materials.map((m: { id: string }) => m.id)).toEqual(['form']);
    expect(draft.body.actions).toContain('request_pre_review');
    const id = draft.body.id;
    // situation changed while a draft: the agent's power of attorney joins the list
    const saved = await citizen.patch(`/api/services/cases/${id}`, { situation: { applicant: ['agent'] } });
    expect(saved.body.materials.map((m: { id: string }) => m.id).sort()).toEqual(['form', 'poa']);

    const pre = await act(citizen, id, { type: 'request_pre_review' });
    expect(pre.state).toBe('pre_review');
    const parsed = parseCaseNumber(pre.number);
    expect(parsed.ok && parsed.date).toBe('2026-03-02');
    expect(pre.preReviewClock).toMatchObject({ limitDays: 2, status: 'running' });

    const back = await act(clerk, id, {
      type: 'return_pre_review',
      comments: [{ materialId: 'poa', comment: '委托书缺少签名' }],
    });
    expect(back.state).toBe('draft');
    expect(back.materials.find((m: { id: string }) => m.id === 'poa')).toMatchObject({
      status: 'returned',
      comment: '委托书缺少签名',
    });
    expect((await act(citizen, id, { type: 'request_pre_review' })).number).toBe(pre.number);
    expect((await act(clerk, id, { type: 'pass_pre_review' })).state).toBe('submitted');

    const notice = await act(clerk, id, {
      type: 'request_correction',
      items: [{ materialId: 'form', name: '申请表', problem: '缺少申请人签字' }],
    });
    expect(notice.state).toBe('awaiting_correction');
    expect(notice.documents).toContain('correction_notice');
    const doc = await citizen.get(`/api/services/cases/${id}/documents/correction_notice`);
    expect(doc.status).toBe(200);
    expect(String(doc.headers['content-type'])).toContain('text/html');
    expect(doc.body).toContain('补正');
    expect(doc.body).toContain('缺少申请人签字');
    expect(doc.body).toContain('size: A4');

    await at('2026-03-03 10:00');
    expect((await act(citizen, id, { type: 'supply_correction', materialIds: ['form'] })).state).toBe('submitted');
    await act(clerk, id, { type: 'accept' }, 409); // originals not checked yet
    await act(clerk, id, { type: 'record_originals', method: 'mail', trackingNo: 'SF1234567890' });
    const accepted = await act(clerk, id, { type: 'accept' });
    expect(accepted.state).toBe('accepted');
    // 5 working days from the day after acceptance (Tue 03-03): Wed … Tue 03-10
    expect(accepted.clock).toMatchObject({ limitDays: 5, dueDate: '2026-03-10', status: 'running' });
    expect(accepted.legalClock).toMatchObject({ limitDays: 20 });
    expect(accepted.stepName).toBe('审查');

    await act(citizen, id, { type: 'pass_step', opinion: '自己审' }, 403);
    await at('2026-03-04 10:00');
    expect((await act(handler, id, { type: 'pass_step', opinion: '材料齐全，符合条件' })).stepName).toBe('审批');
    const decided = await act(handler, id, { type: 'decide', outcome: 'granted', text: '准予许可' });
    expect(decided).toMatchObject({ state: 'decided', outcome: 'granted' });
    expect(decided.clock.status).toBe('done_on_time');
    const mailed = await act(clerk, id, { type: 'deliver', method: 'mail', carrier: 'EMS', trackingNo: 'EMS1234567' });
    expect(mailed).toMatchObject({ state: 'delivered', deliveryMethod: 'mail', trackingNo: 'EMS1234567' });
    expect((await act(citizen, id, { type: 'rate', level: 5 })).state).toBe('rated');

    const detail = (await citizen.get(`/api/services/cases/${id}`)).body;
    expect(detail.steps.map((s: { action: string }) => s.action)).toEqual([
      'create',
      'request_pre_review',
      'return_pre_review',
      'request_pre_review',
      'pass_pre_review',
      'request_correction',
      'supply_correction',
      'record_originals',
      'accept',
      'pass_step',
      'decide',
      'deliver',
      'rate',
    ]);
    expect(detail.steps.find((s: { action: string }) => s.action === 'decide')).toMatchObject({
      role: 'approver',
      comment: '准予许可',
    });
    expect(detail.pauses).toHaveLength(1);
    expect(await events('case.decided', id)).toBe(1);

    // the queues: mine, the site's, the department's, by number and by ID number
    expect((await citizen.get('/api/services/cases?queue=mine')).body.items.map((c: { id: string }) => c.id)).toContain(
      id,
    );
    expect((await clerk.get(`/api/services/cases?queue=site&q=${pre.number}`)).body.items).toHaveLength(1);
    expect(
      (await handler.get(`/api/services/cases?queue=department&state=rated&q=${PERSON.idNo}`)).body.items[0].id,
    ).toBe(id);
    expect((await citizen.get('/api/services/cases?queue=site')).status).toBe(403);

    // public tracking: number + phone; a wrong phone looks like no case
    const a = anonymous(app);
    const tracked = await a.post('/api/services/cases/track', { number: pre.number, phone: PERSON.phone });
    expect(tracked.status).toBe(200);
    expect(tracked.body).toMatchObject({
      state: 'rated',
      outcome: 'granted',
      applicantName: '张**',
      phone: '139****5678',
    });
    expect(JSON.stringify(tracked.body)).not.toContain(PERSON.idNo);
    expect((await a.post('/api/services/cases/track', { number: pre.number, phone: '13900000000' })).status).toBe(404);
    expect((await a.post('/api/services/cases/track', { number: 'not a number', phone: PERSON.phone })).status).toBe(
      400,
    );
  });

  it('decides a 即办件 on the spot at the window, with its receipt and decision', async () => {
    const itemId = await item({
      caseType: 'immediate',
      promisedLimitDays: 0,
      legalLimitDays: 1,
      onlineDepth: 'offline',
    });
    const c = await clerk.post('/api/services/cases', {
      itemId,
      applicant: { ...PERSON, idNo: '11010519491231002X', name: '王窗口' },
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    expect(c.body).toMatchObject({ channel: 'window', siteId: centreId, kind: 'immediate' });
    await act(clerk, c.body.id, { type: 'submit' });
    const done = await act(clerk, c.body.id, { type: 'accept_and_decide', outcome: 'granted', text: '当场办结' });
    expect(done).toMatchObject({ state: 'decided', outcome: 'granted' });
    expect(done.documents).toEqual(expect.arrayContaining(['receipt', 'decision']));
    const html = await clerk.get(`/api/services/cases/${c.body.id}/documents/decision`);
    expect(html.status).toBe(200);
    expect(html.body).toContain(done.number);
    // the citizen is not the applicant of a window case registered for someone else
    expect((await citizen.get(`/api/services/cases/${c.body.id}`)).status).toBe(404);
  });

  it('closes a 联办件 only after every co-handling department’s part', async () => {
    const itemId = await item({ caseType: 'joint', promisedLimitDays: 10, onlineDepth: 'offline' });
    const c = await clerk.post('/api/services/cases', { itemId, applicant: PERSON, parts: [rs.id] });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const id = c.body.id;
    await act(clerk, id, { type: 'submit' });
    await act(clerk, id, { type: 'accept' });
    await act(handler, id, { type: 'pass_step', opinion: '同意' });
    const pending = await handler.post(`/api/services/cases/${id}/actions`, {
      type: 'decide',
      outcome: 'granted',
      text: '准予',
    });
    expect(pending.status).toBe(409);
    expect(pending.body.error.code).toBe('parts_pending');
    // the co-handling department sees the case in its queue, completes its part, but does not decide
    expect(
      (await handler2.get('/api/services/cases?queue=department')).body.items.map((x: { id: string }) => x.id),
    ).toContain(id);
    const part = c.body.parts[0];
    expect(part.departmentId).toBe(rs.id);
    await act(handler2, id, { type: 'complete_part', partId: part.id, opinion: '社保登记已办' });
    await act(handler2, id, { type: 'decide', outcome: 'granted', text: '准予' }, 403);
    expect((await act(handler, id, { type: 'decide', outcome: 'granted', text: '准予' })).state).toBe('decided');
  });

  it('runs a limit across the 2026 Spring Festival with a 补正 pause; the overdue job fires once', async () => {
    await at('2026-02-10 10:00');
    const itemId = await item({ onlineDepth: 'offline' });
    const c = await clerk.post('/api/services/cases', { itemId, applicant: PERSON });
    const id = c.body.id;
    await act(clerk, id, { type: 'submit' });
    const accepted = await act(clerk, id, { type: 'accept' });
    // 02-11, 02-12, 02-13, Sat 02-14 (调休), then 02-24 after the holiday
    expect(accepted.clock.dueDate).toBe('2026-02-24');
    const planned = () =>
      app.platform.db
        .selectFrom('jobs')
        .select(['run_at', 'kind'])
        .where('status', '=', 'pending')
        .where('dedupe_key', 'like', `%:${id}:%`)
        .where('kind', '!=', 'services.case.draft_expiry')
        .orderBy('run_at')
        .execute();
    expect((await planned()).map((j) => [j.kind, Number(j.run_at)])).toEqual([
      // due soon once one working day is left: from the end of the 4th (Sat 02-14), through the holiday
      ['services.case.due_soon', sh('2026-02-15 00:00')],
      ['services.case.overdue', sh('2026-02-25 00:00')],
    ]);

    await at('2026-02-12 15:00');
    const paused = await act(handler, id, {
      type: 'request_correction',
      items: [{ materialId: 'form', name: '申请表', problem: '页码不全' }],
    });
    expect(paused.clock.status).toBe('paused');
    expect(await planned()).toEqual([]); // no alert while the clock stands still
    await at('2026-02-25 11:00');
    const resumed = await act(clerk, id, { type: 'supply_correction', materialIds: ['form'] });
    expect(resumed.state).toBe('accepted');
    // counted: 02-11, 02-12, then 02-26, 02-27 and the make-up Saturday 02-28
    expect(resumed.clock).toMatchObject({ dueDate: '2026-02-28', status: 'running' });
    expect((await planned()).map((j) => Number(j.run_at))).toEqual([sh('2026-02-28 00:00'), sh('2026-03-01 00:00')]);

    await at('2026-03-02 09:00');
    await app.platform.jobs.drain();
    await app.platform.jobs.drain();
    expect(await events('case.due_soon', id)).toBe(1);
    expect(await events('case.overdue', id)).toBe(1);
    const late = (await handler.get(`/api/services/cases?queue=department&clock=overdue`)).body.items;
    expect(late.map((x: { id: string }) => x.id)).toContain(id);
    expect((await handler.get(`/api/services/cases/${id}`)).body.clock).toMatchObject({
      status: 'overdue',
      overdueDays: 1,
    });
  });

  it('numbers concurrent submissions of one site and day without a gap or a repeat', async () => {
    await at('2026-03-05 09:00');
    const itemId = await item({ onlineDepth: 'offline' });
    const ids: string[] = [];
    for (let i = 0; i < 8; i++)
      ids.push((await clerk.post('/api/services/cases', { itemId, applicant: PERSON })).body.id);
    const done = await Promise.all(
      ids.map((id) => clerk.post(`/api/services/cases/${id}/actions`, { type: 'submit' })),
    );
    const seqs = done.map((r) => {
      const p = parseCaseNumber(r.body.number);
      return p.ok ? p.sequence : -1;
    });
    expect(new Set(seqs).size).toBe(8);
    expect(Math.max(...seqs) - Math.min(...seqs)).toBe(7);
  });

  it('answers bad input with 4xx and changes nothing', async () => {
    const itemId = await item({ onlineDepth: 'offline' });
    const before = await count('svc_cases');
    const bad = await citizen.post('/api/services/cases', {
      itemId,
      applicant: { ...PERSON, idNo: '440602199001011230' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_id_number');
    expect(
      (await citizen.post('/api/services/cases', { itemId, applicant: PERSON, situation: { nope: ['x'] } })).body.error
        .code,
    ).toBe('invalid_situation');
    expect((await citizen.post('/api/services/cases', { itemId: 'no-such', applicant: PERSON })).status).toBe(404);
    expect((await citizen.post('/api/services/cases', { itemId, applicant: PERSON, channel: 'window' })).status).toBe(
      403,
    );
    expect(
      (await citizen.post('/api/services/cases', { itemId, applicant: PERSON, parts: [rs.id] })).body.error.code,
    ).toBe('not_joint');
    expect(
      (await citizen.post('/api/services/cases', { itemId, applicant: PERSON, channel: 'agent' })).body.error.code,
    ).toBe('delegation_required');
    expect(await count('svc_cases')).toBe(before);

    const c = (await clerk.post('/api/services/cases', { itemId, applicant: PERSON })).body;
    await act(clerk, c.id, { type: 'submit' });
    await act(clerk, c.id, { type: 'accept' });
    const steps = await count('svc_case_steps');
    const missing = await handler.post(`/api/services/cases/${c.id}/actions`, { type: 'pass_step' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('missing_field');
    expect(
      (await handler.post(`/api/services/cases/${c.id}/actions`, { type: 'pass_step', opinion: 'x', extra: 1 })).status,
    ).toBe(400);
    expect((await handler.post(`/api/services/cases/${c.id}/actions`, { type: 'fly' })).status).toBe(400);
    expect((await clerk.post(`/api/services/cases/${c.id}/actions`, { type: 'accept' })).status).toBe(409);
    expect((await clerk.get(`/api/services/cases/${c.id}/documents/decision`)).status).toBe(409);
    expect((await clerk.get(`/api/services/cases/${c.id}/documents/nonsense`)).status).toBe(400);
    expect((await clerk.get('/api/services/cases?q=%E4%BD%A0%E5%A5%BD')).status).toBe(400);
    expect((await clerk.get('/api/services/cases?state=flying')).status).toBe(400);
    expect(await count('svc_case_steps')).toBe(steps);
    expect((await handler.get(`/api/services/cases/${c.id}`)).body.state).toBe('accepted');
  });
});
