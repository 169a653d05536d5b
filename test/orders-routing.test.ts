/**
 * Routing rules end to end, on both engines: an admin adds a rule for a category in one
 * community; an order of that category reported there goes straight to the rule's unit (自动分拨,
 * on its timeline), the same category elsewhere falls back to the category's department and waits
 * for the dispatcher. Bad rules are refused with a 400 and change nothing; only admins configure;
 * deleting a rule stops it routing. Every change leaves an audit row.
 */
import { pointOnFeature } from '@turf/turf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from './helpers/env';
import { startTestApp, type TestApp } from './helpers/app';
import { login, type Client } from './helpers/client';

const NOISE = '040203'; // 社会生活噪声: 公安 by the category's department type, no demo rule

describe.each(dialects('orders routing'))('routing rules (%s)', (dialect) => {
  let app: TestApp;
  let admin: Client;
  let dispatcher: Client;
  let handler: Client;
  const spot: Record<string, { lng: number; lat: number }> = {};
  const orgId: Record<string, string> = {};
  let here: string;
  let elsewhere: string;

  const auditSeq = async () =>
    Number((await app.platform.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq);
  const rules = async () =>
    (await dispatcher.get('/api/routing-rules')).body.items as Array<{
      id: string;
      communityCode: string | null;
      unitId: string;
    }>;
  const report = async (where: string, extra: Record<string, unknown> = {}) => {
    const res = await dispatcher.post('/api/orders', {
      channel: 'hotline',
      description: '楼上装修电钻从早到晚，周末也施工，请处理',
      location: spot[where],
      categoryCode: NOISE,
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body;
  };

  beforeAll(async () => {
    app = await startTestApp(dialect); // the classifier's default training, so its guesses are sound
    [admin, dispatcher, handler] = await Promise.all([
      login(app, 'admin'),
      login(app, 'dispatcher'),
      login(app, 'handler'),
    ]);
    const communities = (await dispatcher.get('/api/geo/communities')).body.features as Array<{
      properties: { code: string };
    }>;
    [here, elsewhere] = [communities[0]!.properties.code, communities[1]!.properties.code];
    for (const f of communities.slice(0, 2)) {
      const [lng, lat] = pointOnFeature(f as any).geometry.coordinates as [number, number];
      spot[f.properties.code] = { lng, lat };
    }
    for (const code of [here, elsewhere, 'GC-PCS']) {
      const row = await app.platform.db
        .selectFrom('orgs')
        .select(['id', 'code'])
        .where('code', '=', code)
        .executeTakeFirst();
      if (row) orgId[code] = row.id;
    }
    expect(orgId[here]).toBeDefined();
  }, 120_000);
  afterAll(() => app?.dispose());

  it('without a rule, the category’s department is suggested and the order waits for the dispatcher', async () => {
    const body = await report(here);
    expect(body.order.state).toBe('pending_dispatch');
    expect(body.order.communityCode).toBe(here);
    expect(body.route).toMatchObject({
      ruleId: null,
      reason: '主管部门：公安 / responsible department: public security',
      autoDispatch: false,
    });
    const unit = app.platform.db.selectFrom('orgs').select(['department_type']).where('id', '=', body.route.unitId);
    expect((await unit.executeTakeFirstOrThrow()).department_type).toBe('public_security');
  });

  it('a rule for one community sends the category there at once; elsewhere nothing changes', async () => {
    const seq = await auditSeq();
    const res = await admin.post('/api/routing-rules', {
      categoryPrefix: '0402',
      communityCode: here,
      unitId: orgId[here],
      autoDispatch: true,
      minConfidence: 0.5,
      note: '噪声先由社区处理',
    });
    expect(res.status).toBe(201);
    const audit = await app.platform.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('seq', '>', seq)
      .execute();
    expect(audit).toContainEqual({ action: 'orders.rule.create', entity_id: res.body.id });
    expect((await rules()).find((r) => r.id === res.body.id)).toMatchObject({
      communityCode: here,
      unitId: orgId[here],
    });

    const routed = await report(here);
    expect(routed.route).toMatchObject({ ruleId: res.body.id, unitId: orgId[here], autoDispatch: true });
    expect(routed.order).toMatchObject({ state: 'pending_sign', unitId: orgId[here] });
    expect(routed.order.completionDeadline).toBeGreaterThan(0); // the clock started at dispatch
    const detail = await dispatcher.get(`/api/orders/${routed.order.id}`);
    const dispatch = detail.body.timeline.find((e: { to: string }) => e.to === 'pending_sign');
    // the system dispatched (the page shows 系统), on the dispatcher's intake
    expect(dispatch).toMatchObject({ from: 'pending_dispatch', actorId: null, actorName: null, unitId: orgId[here] });
    expect(dispatch.note).toContain('自动分拨');

    const other = await report(elsewhere);
    expect(other.order.state).toBe('pending_dispatch');
    expect(other.route.ruleId).toBeNull();
  });

  it('auto-dispatches a classifier guess only when it is as sure as the rule asks', async () => {
    const res = await admin.post('/api/routing-rules', {
      categoryPrefix: '0402',
      communityCode: elsewhere,
      unitId: orgId[elsewhere],
      autoDispatch: true,
      minConfidence: 1,
    });
    expect(res.status).toBe(201);
    // no category given: the classifier's guess decides, and it is never fully certain
    const guessed = await report(elsewhere, { categoryCode: undefined });
    expect(guessed.suggestions[0].categoryCode).toBe(NOISE);
    expect(guessed.suggestions[0].confidence).toBeLessThan(1);
    expect(guessed.route).toMatchObject({ ruleId: res.body.id, autoDispatch: false });
    expect(guessed.order.state).toBe('pending_dispatch');
    // the same rule, the category chosen by a person: certain, so dispatched at once
    const chosen = await report(elsewhere);
    expect(chosen.route).toMatchObject({ ruleId: res.body.id, autoDispatch: true });
    expect(chosen.order).toMatchObject({ state: 'pending_sign', unitId: orgId[elsewhere] });
    expect((await admin.delete(`/api/routing-rules/${res.body.id}`)).status).toBe(200);
  });

  it.each([
    ['an unknown unit', { categoryPrefix: '0402', unitId: 'no-such-unit', autoDispatch: false }, 'invalid_unit'],
    ['an unknown category', { categoryPrefix: '9999', unitId: 'UNIT', autoDispatch: false }, 'invalid_category'],
    [
      'a community not on the map',
      { categoryPrefix: '0402', communityCode: 'NOWHERE', unitId: 'UNIT', autoDispatch: false },
      'invalid_community',
    ],
    ['a prefix that is not digits', { categoryPrefix: '04a', unitId: 'UNIT', autoDispatch: false }, 'invalid_request'],
    [
      'a confidence above 1',
      { categoryPrefix: '0402', unitId: 'UNIT', autoDispatch: true, minConfidence: 1.5 },
      'invalid_request',
    ],
    [
      'an unknown field',
      { categoryPrefix: '0402', unitId: 'UNIT', autoDispatch: false, colour: 'red' },
      'invalid_request',
    ],
  ])('refuses a rule with %s: 400, nothing stored, nothing audited', async (_what, body, code) => {
    const before = await rules();
    const seq = await auditSeq();
    const res = await admin.post('/api/routing-rules', {
      ...body,
      unitId: body.unitId === 'UNIT' ? orgId[here] : body.unitId,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toBeTruthy();
    expect(await rules()).toEqual(before);
    expect(await auditSeq()).toBe(seq);
  });

  it('only a role that configures the centre may add or delete rules', async () => {
    const body = { categoryPrefix: '0402', unitId: orgId[here], autoDispatch: false };
    expect((await dispatcher.post('/api/routing-rules', body)).status).toBe(403);
    expect((await handler.post('/api/routing-rules', body)).status).toBe(403);
    const some = (await rules())[0]!;
    expect((await dispatcher.delete(`/api/routing-rules/${some.id}`)).status).toBe(403);
    expect((await rules()).some((r) => r.id === some.id)).toBe(true);
  });

  it('deleting a rule stops it routing; deleting it again is a 404', async () => {
    const mine = (await rules()).find((r) => r.communityCode === here)!;
    const seq = await auditSeq();
    expect((await admin.delete(`/api/routing-rules/${mine.id}`)).status).toBe(200);
    const audit = await app.platform.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('seq', '>', seq)
      .execute();
    expect(audit).toContainEqual({ action: 'orders.rule.delete', entity_id: mine.id });
    const body = await report(here);
    expect(body.order.state).toBe('pending_dispatch');
    expect(body.route.ruleId).toBeNull();
    const again = await admin.delete(`/api/routing-rules/${mine.id}`);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBeTruthy();
  });
});
