/**
 * 好差评 end to end on both engines: subjects registered the way the case and hall modules will,
 * rated by number + phone over the public API, once (一事一评); a 差评 opens a rectification whose
 * working-day deadlines cross the 2026 Spring Festival and its make-up Saturday; call-back, fix and
 * the one re-rating; appeals accepted and rejected; 不实差评; overdue flags, invitations and the
 * provincial report driven through the job runner on a ManualClock; the figures recomputed from
 * the raw rows; bad input answered 4xx and changing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CONTEXT } from '../../src/platform/audit';
import { localDateKey } from '../../src/platform/calendar';
import type { ManualClock } from '../../src/platform/clock';
import { figures, type FigureRow } from '../../src/modules/services/ratings/figures';
import type { ProvincialReporter, RatingSubject } from '../../src/modules/services/ratings';
import { recordingReporter } from '../../src/modules/services/ratings/report';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous, login, type Client } from '../helpers/client';
import { dialects } from '../helpers/env';

const DAY = 86_400_000;
const PHONE = '139 1234 5678';

describe.each(dialects('services ratings'))('好差评 (%s)', (dialect) => {
  let app: TestApp;
  let clock: ManualClock;
  let pub: Client;
  let handler: Client;
  let leader: Client;
  let clerk: Client;
  let citizen: Client;
  let deptA: string;
  let deptB: string;
  let siteId: string;
  let seq = 0;

  beforeAll(async () => {
    app = await startTestApp(dialect);
    clock = app.clock as ManualClock;
    pub = anonymous(app);
    await logins();
    const orgs = await app.identity.directory.orgs();
    const depts = orgs.filter((o) => o.kind === 'department');
    deptA = depts[0].id;
    deptB = depts[1].id;
    siteId = (await app.services.sites.list())[0].id;
  }, 120_000);
  afterAll(() => app?.dispose());

  async function logins() {
    handler = await login(app, 'handler');
    leader = await login(app, 'leader');
    clerk = await login(app, 'clerk');
    citizen = await login(app, 'citizen');
  }
  /** Moves the clock; sessions are timed, so the staff log in again at the new time. */
  async function setClock(ms: number) {
    clock.set(ms);
    await logins();
  }
  const jobs = () => app.platform.jobs.drain();
  async function subject(over: Partial<RatingSubject> = {}): Promise<RatingSubject> {
    const s: RatingSubject = {
      kind: 'case',
      id: `case-${dialect}-${++seq}`,
      number: `BJ2026${dialect === 'sqlite' ? 'S' : 'P'}${String(seq).padStart(4, '0')}`,
      departmentId: deptA,
      siteId,
      windowId: 'win-1',
      itemCode: 'ITEM-1',
      handledBy: null,
      phone: '13912345678',
      ...over,
    };
    await app.platform.transact(SYSTEM_CONTEXT, (w) => app.services.ratings.registerSubject(w, s));
    return s;
  }
  const rate = (s: RatingSubject, body: Record<string, unknown>) =>
    pub.post('/api/services/ratings', { kind: s.kind, number: s.number, phone: PHONE, channel: 'web', ...body });
  const count = async (table: 'svc_ratings' | 'svc_rating_rectifications' | 'svc_rating_appeals') =>
    Number(
      (
        await app.platform.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('rates once by number + phone; a second rating is refused (一事一评); the report is recorded', async () => {
    await setClock(Date.parse('2026-03-02T02:00:00Z'));
    const s = await subject();
    expect((await rate(s, { level: 5, phone: '13900000000' })).status).toBe(404);
    expect(
      (await pub.get(`/api/services/ratings/subject?kind=case&number=${s.number}&phone=13912345678`)).body,
    ).toMatchObject({
      rateable: true,
      round: 1,
    });
    const r = await rate(s, {
      level: 5,
      indicators: { overall: 5, guide: 4 },
      labels: ['fast', 'warm'],
      comment: '很快',
    });
    expect(r.status).toBe(201);
    expect(r.body.rating).toMatchObject({ round: 1, level: 5, levelName: '非常满意', bad: false, current: true });
    expect(r.body.rating.labels.map((l: { zh: string }) => l.zh)).toEqual(['办理速度快', '服务热情周到']);
    expect(r.body.rectification).toBeNull();
    const again = await rate(s, { level: 4 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_rated');
    expect(
      (await pub.get(`/api/services/ratings/subject?kind=case&number=${s.number}&phone=13912345678`)).body.rateable,
    ).toBe(false);

    await jobs();
    const reports = (await handler.get('/api/services/ratings/reports')).body.items;
    const mine = reports.find((x: { refId: string }) => x.refId === r.body.rating.id);
    expect(mine).toMatchObject({ kind: 'rating', status: 'recorded', attempts: 1 });
    expect(mine.payload).toMatchObject({ projectNo: s.number, satisfaction: 5, channel: 'pc' });
  });

  it('a visit without a phone is rated at the window pad (一次一评, on-site indicators)', async () => {
    const v = await subject({ kind: 'visit', phone: null, windowId: 'win-2' });
    const bad = await pub.post('/api/services/ratings', {
      kind: 'visit',
      number: v.number,
      channel: 'pad',
      level: 4,
      indicators: { guide: 4 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_indicator');
    const ok = await pub.post('/api/services/ratings', {
      kind: 'visit',
      number: v.number,
      channel: 'pad',
      level: 4,
      indicators: { attitude: 5 },
    });
    expect(ok.status).toBe(201);
  });

  it('差评 → rectification due across the Spring Festival; call-back, fix and one re-rating', async () => {
    await setClock(Date.parse('2026-02-13T07:00:00Z')); // Friday 15:00 before the holiday
    const s = await subject({ departmentId: deptB, windowId: 'win-9' });
    const r = await rate(s, { level: 2, labels: ['many_visits', 'overtime'], comment: '跑了三次' });
    expect(r.status).toBe(201);
    const rect = r.body.rectification;
    expect(rect.status).toBe('open');
    expect(localDateKey(rect.callbackDue)).toBe('2026-02-14'); // the make-up Saturday is a working day
    expect(localDateKey(rect.fixDue)).toBe('2026-03-12'); // 15 working days, the festival not counted
    expect(rect.fixDue).toBe(app.platform.calendar.addWorkingDays(clock.now(), 15));

    expect((await rate(s, { level: 5 })).body.error.code).toBe('rectification_pending');
    const url = `/api/services/ratings/rectifications/${rect.id}`;
    expect((await citizen.post(`${url}/callback`, { by: '张三', reached: true, note: '已联系' })).status).toBe(403);
    expect((await clerk.post(`${url}/callback`, { by: '张三', reached: true, note: '已联系' })).status).toBe(403);
    const early = await handler.post(`${url}/fix`, { by: '李办理', text: '已整改' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('invalid_step');

    expect((await handler.post(`${url}/assign`, { assigneeName: '李办理' })).body.assigneeName).toBe('李办理');
    await setClock(Date.parse('2026-02-14T02:00:00Z')); // Saturday 10:00 (调休上班)
    const cb = await handler.post(`${url}/callback`, { by: '李办理', reached: true, note: '电话回访，情况属实' });
    expect(cb.status).toBe(200);
    expect(cb.body).toMatchObject({
      status: 'called_back',
      callbackBy: '李办理',
      callbackReached: true,
      callbackOverdue: false,
    });
    await setClock(Date.parse('2026-02-25T02:00:00Z'));
    const fix = await handler.post(`${url}/fix`, { by: '李办理', text: '材料清单已更新，增加一次性告知' });
    expect(fix.body).toMatchObject({ status: 'fixed', fixedBy: '李办理', fixOverdue: false });

    // the overdue jobs at the due times find nothing late
    await setClock(Date.parse('2026-03-13T02:00:00Z'));
    await jobs();
    expect((await handler.get(url)).body).toMatchObject({ callbackOverdue: false, fixOverdue: false });

    const re = await rate(s, { level: 4, labels: ['quick'] });
    expect(re.status).toBe(201);
    expect(re.body.rating).toMatchObject({ round: 2, current: true });
    expect((await rate(s, { level: 5 })).body.error.code).toBe('already_rated');
    const first = (await handler.get(`/api/services/ratings/${r.body.rating.id}`)).body;
    expect(first.rating.current).toBe(false);
    expect(first.rectification.reratingId).toBe(re.body.rating.id);
  });

  it('overdue call-back and fix are flagged by the job runner', async () => {
    await setClock(Date.parse('2026-03-02T02:00:00Z'));
    const s = await subject();
    const r = await rate(s, { level: 1, labels: ['bad_attitude'] });
    const id = r.body.rectification.id;
    await setClock(r.body.rectification.callbackDue + 60_000);
    await jobs();
    const late = (await handler.get(`/api/services/ratings/rectifications/${id}`)).body;
    expect(late).toMatchObject({ callbackOverdue: true, fixOverdue: false });
    const queue = (await handler.get('/api/services/ratings/rectifications?overdue=true')).body.items;
    expect(queue.map((x: { id: string }) => x.id)).toContain(id);
    await setClock(r.body.rectification.fixDue + 60_000);
    await jobs();
    expect((await handler.get(`/api/services/ratings/rectifications/${id}`)).body.fixOverdue).toBe(true);
    // done late: stays flagged, not rectified on time
    await handler.post(`/api/services/ratings/rectifications/${id}/callback`, {
      by: '李办理',
      reached: false,
      note: '未接通',
    });
    const fixed = await handler.post(`/api/services/ratings/rectifications/${id}/fix`, {
      by: '李办理',
      text: '批评教育',
    });
    expect(fixed.body).toMatchObject({ status: 'fixed', callbackOverdue: true, fixOverdue: true });
  });

  it('appeals: accepted voids the rating and closes its rectification; rejected leaves it; 不实差评 explained', async () => {
    await setClock(Date.parse('2026-03-03T02:00:00Z'));
    const good = await rate(await subject(), { level: 5 });
    expect(
      (await handler.post(`/api/services/ratings/${good.body.rating.id}/appeal`, { reason: '好评' })).body.error.code,
    ).toBe('not_bad');

    const a = await rate(await subject(), { level: 1, comment: '乱打分' });
    const ap = await handler.post(`/api/services/ratings/${a.body.rating.id}/appeal`, {
      reason: '评价人当天未到窗口办理',
    });
    expect(ap.status).toBe(201);
    expect(ap.body.status).toBe('pending');
    expect(
      (await handler.post(`/api/services/ratings/${a.body.rating.id}/appeal`, { reason: 'again' })).body.error.code,
    ).toBe('already_appealed');
    expect(
      (await citizen.post(`/api/services/ratings/appeals/${ap.body.id}/review`, { decision: 'accept', note: 'x' }))
        .status,
    ).toBe(403);
    const own = await handler.post(`/api/services/ratings/appeals/${ap.body.id}/review`, {
      decision: 'accept',
      note: '自审',
    });
    expect(own.body.error.code).toBe('own_appeal');
    const ok = await leader.post(`/api/services/ratings/appeals/${ap.body.id}/review`, {
      decision: 'accept',
      note: '经核实为恶意差评',
    });
    expect(ok.body).toMatchObject({ status: 'accepted', reviewedBy: 'leader' });
    const voided = (await handler.get(`/api/services/ratings/${a.body.rating.id}`)).body;
    expect(voided.rating.voided).toBe(true);
    expect(voided.rectification.status).toBe('voided');
    expect(
      (await leader.post(`/api/services/ratings/appeals/${ap.body.id}/review`, { decision: 'reject', note: 'x' })).body
        .error.code,
    ).toBe('already_reviewed');

    const b = await rate(await subject(), { level: 2, labels: ['long_wait'] });
    const bp = await clerk.post(`/api/services/ratings/${b.body.rating.id}/appeal`, { reason: '高峰期排队属正常' });
    const rej = await leader.post(`/api/services/ratings/appeals/${bp.body.id}/review`, {
      decision: 'reject',
      note: '等候超过 30 分钟，差评成立',
    });
    expect(rej.body.status).toBe('rejected');
    expect((await handler.get(`/api/services/ratings/${b.body.rating.id}`)).body).toMatchObject({
      rating: { voided: false },
      rectification: { status: 'open' },
    });

    const c = await rate(await subject({ departmentId: deptB }), { level: 2, labels: ['guide_unclear'] });
    const url = `/api/services/ratings/rectifications/${c.body.rectification.id}`;
    const ex = await handler.post(`${url}/groundless`, {
      by: '李办理',
      explanation: '申请人所选事项非本窗口办理，已解释并引导',
    });
    expect(ex.body).toMatchObject({ status: 'explained' });
    expect((await handler.get(`/api/services/ratings/${c.body.rating.id}`)).body.rating.groundless).toBe(true);
    expect((await handler.post(`${url}/fix`, { by: '李办理', text: 'x' })).status).toBe(409);
  });

  it('invites to rate after N days when not rated, once', async () => {
    await setClock(Date.parse('2026-03-04T02:00:00Z'));
    const unrated = await subject({ finishedAt: clock.now() });
    const rated = await subject({ finishedAt: clock.now() });
    await rate(rated, { level: 5 });
    await jobs();
    const before = (await handler.get('/api/services/ratings/invitations')).body.items;
    expect(before.some((i: { number: string }) => i.number === unrated.number)).toBe(false);
    await setClock(clock.now() + 3 * DAY + 1);
    await jobs();
    const after = (await handler.get('/api/services/ratings/invitations')).body.items;
    const mine = after.filter((i: { number: string }) => i.number === unrated.number);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ channel: 'recorded', recipient: '139****5678' });
    expect(after.some((i: { number: string }) => i.number === rated.number)).toBe(false);
  });

  it('the provincial report is retried after a failure', async () => {
    await setClock(Date.parse('2026-03-05T02:00:00Z'));
    await jobs();
    let calls = 0;
    const flaky: ProvincialReporter = {
      name: 'flaky',
      async send(m) {
        calls++;
        if (calls === 1) throw new Error('省平台 503');
        return { remoteRef: `P-${m.id}` };
      },
    };
    app.services.ratings.useReporter(flaky);
    try {
      const r = await rate(await subject(), { level: 3 });
      await jobs();
      const find = async () =>
        (await handler.get('/api/services/ratings/reports')).body.items.find(
          (x: { refId: string }) => x.refId === r.body.rating.id,
        );
      expect(await find()).toMatchObject({ status: 'pending', attempts: 1, lastError: '省平台 503' });
      await setClock(clock.now() + 60_000);
      await jobs();
      const sent = await find();
      expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
      expect(sent.remoteRef).toBe(`P-${sent.id}`);
      expect(calls).toBe(2);
    } finally {
      app.services.ratings.useReporter(recordingReporter);
    }
  });

  it('bad input: 4xx with an error body, nothing changed', async () => {
    const s = await subject();
    const n = await count('svc_ratings');
    for (const body of [
      { level: 0 },
      { level: 6 },
      { level: 5, labels: ['overtime'] },
      { level: 2 },
      { level: 5, extra: 1 },
      { level: 5, channel: 'fax' },
      { level: 5, indicators: { overall: 9 } },
    ]) {
      const res = await rate(s, body);
      expect(res.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(typeof res.body.error.code).toBe('string');
    }
    expect((await rate({ ...s, number: 'NOPE1' }, { level: 5 })).status).toBe(404);
    expect((await handler.get('/api/services/ratings/stats?by=street')).status).toBe(400);
    expect((await handler.get('/api/services/ratings/stats?by=department&from=10&to=5')).status).toBe(400);
    expect(
      (await handler.post('/api/services/ratings/rectifications/nope/callback', { by: 'x', reached: true, note: 'y' }))
        .status,
    ).toBe(404);
    expect(
      (await handler.post('/api/services/ratings/appeals/nope/review', { decision: 'accept', note: 'y' })).status,
    ).toBe(404);
    expect(await count('svc_ratings')).toBe(n);
    // a number registered for another subject is refused
    await expect(subject({ number: s.number })).rejects.toMatchObject({ status: 409 });
  });

  it('the figures per department, window and month are recomputed exactly from the rows', async () => {
    const rows = await app.platform.db
      .selectFrom('svc_ratings as r')
      .leftJoin('svc_rating_rectifications as x', 'x.rating_id', 'r.id')
      .select([
        'r.round',
        'r.level',
        'r.current',
        'r.voided',
        'r.groundless',
        'r.department_id',
        'r.window_id',
        'r.month',
        'x.status',
        'x.fixed_at',
        'x.fix_due',
      ])
      .execute();
    const raw: FigureRow[] = rows.map((r) => ({
      round: Number(r.round),
      level: Number(r.level),
      current: Number(r.current) === 1,
      voided: Number(r.voided) === 1,
      groundless: Number(r.groundless) === 1,
      departmentId: r.department_id,
      windowId: r.window_id,
      month: r.month,
      rectification: r.status
        ? {
            status: r.status as never,
            fixedAt: r.fixed_at === null ? null : Number(r.fixed_at),
            fixDue: Number(r.fix_due),
          }
        : null,
    }));
    for (const by of ['department', 'window', 'month'] as const) {
      const res = await leader.get(`/api/services/ratings/stats?by=${by}`);
      expect(res.status).toBe(200);
      const want = figures(raw, by);
      expect(res.body.rows).toEqual(want.rows);
      expect(res.body.total).toEqual(want.total);
    }
    const dept = await leader.get('/api/services/ratings/stats?by=department');
    expect(dept.body.total.count).toBeGreaterThan(5);
    expect(dept.body.total.bad).toBeGreaterThan(0);
    const b = dept.body.rows.find((r: { key: string }) => r.key === deptB);
    // deptB: the Spring Festival 差评 fixed on time and re-rated 4, one 不实差评
    expect(b).toMatchObject({ bad: 1, groundless: 1, rectifiedOnTime: 1, rectificationRate: 1 });
    expect(dept.body.rows.map((r: { rank: number }) => r.rank)).toEqual(
      dept.body.rows.map((_: unknown, i: number) => i + 1),
    );
    // a February window of the festival
    const month = await leader.get('/api/services/ratings/stats?by=month');
    expect(month.body.rows.map((r: { key: string }) => r.key)).toEqual(expect.arrayContaining(['2026-02', '2026-03']));
    // the ranges filter on the first rating's time
    const feb = await leader.get(
      `/api/services/ratings/stats?by=department&from=${Date.parse('2026-02-01T00:00:00+08:00')}&to=${Date.parse('2026-03-01T00:00:00+08:00')}`,
    );
    expect(feb.body.total).toMatchObject({ count: 1, bad: 1 });
  });
});
