/**
 * The centre's configuration, on both engines: categories and their time limits (admin-edited,
 * used by the next dispatch, not retroactively; bad edits refused with nothing stored), and the
 * classifier learning from dispatchers' corrections — only from corrections that were stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from './helpers/env';
import { startTestApp, type TestApp } from './helpers/app';
import { login, type Client } from './helpers/client';

const LIMITS = { signHours: 4, contactDays: 1, completeDays: { normal: 2, urgent: 1, emergency: 0.5 } };

describe.each(dialects('orders config'))('centre configuration (%s)', (dialect) => {
  let app: TestApp;
  let admin: Client;
  let dispatcher: Client;
  let zf: string;

  const auditSeq = async () =>
    Number((await app.platform.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq);
  const category = async (code: string) =>
    ((await dispatcher.get('/api/order-categories')).body.items as Array<{ code: string }>).find(
      (c) => c.code === code,
    ) as any;
  const dispatchNew = async (categoryCode: string) => {
    const made = await dispatcher.post('/api/orders', {
      channel: 'hotline',
      description: '测试分类的时限是否生效',
      categoryCode,
    });
    expect(made.status).toBe(201);
    const res = await dispatcher.post(`/api/orders/${made.body.order.id}/actions`, { type: 'dispatch', unitId: zf });
    expect(res.status).toBe(200);
    return res.body.order as { id: string; completionDeadline: number; signDeadline: number };
  };

  beforeAll(async () => {
    app = await startTestApp(dialect);
    [admin, dispatcher] = await Promise.all([login(app, 'admin'), login(app, 'dispatcher')]);
    zf = (await app.platform.db.selectFrom('orgs').select('id').where('code', '=', 'GC-ZF').executeTakeFirstOrThrow())
      .id;
  }, 120_000);
  afterAll(() => app?.dispose());

  describe('categories', () => {
    it('an admin adds a leaf with its limits; it is offered, audited and usable at once', async () => {
      const seq = await auditSeq();
      const res = await admin.post('/api/order-categories', {
        code: '040299',
        parentCode: '0402',
        name: '测试噪声类',
        leaf: true,
        requestType: 'complaint',
        departmentType: 'environment',
        limits: LIMITS,
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ code: '040299', level: 3, leaf: true, limits: LIMITS, active: true });
      expect(res.body.path).toContain('测试噪声类');
      expect(await category('040299')).toMatchObject({ parentCode: '0402', departmentType: 'environment' });
      const audit = await app.platform.db
        .selectFrom('audit_log')
        .select(['action', 'entity_id'])
        .where('seq', '>', seq)
        .execute();
      expect(audit).toContainEqual({ action: 'orders.category.create', entity_id: '040299' });
      const order = await dispatchNew('040299');
      expect(order.completionDeadline).toBeGreaterThan(order.signDeadline);
    });

    it('new limits apply to the next dispatch; an order already running keeps its deadline', async () => {
      const first = await dispatchNew('040299');
      const patched = await admin.patch('/api/order-categories/040299', {
        limits: { ...LIMITS, completeDays: { normal: 10, urgent: 5, emergency: 1 } },
      });
      expect(patched.status).toBe(200);
      expect(patched.body.limits.completeDays.normal).toBe(10);
      const second = await dispatchNew('040299');
      // both dispatched at the same instant (the test clock stands still): only the limit differs
      expect(second.completionDeadline).toBeGreaterThan(first.completionDeadline);
      const again = (await dispatcher.get(`/api/orders/${first.id}`)).body.order;
      expect(again.completionDeadline).toBe(first.completionDeadline);
    });

    it.each([
      [
        'a code that exists',
        {
          code: '040299',
          parentCode: '0402',
          name: '重复',
          leaf: true,
          requestType: 'complaint',
          departmentType: 'environment',
          limits: LIMITS,
        },
        409,
        'duplicate_code',
      ],
      [
        'an unknown parent',
        {
          code: '990101',
          parentCode: '9901',
          name: '无父',
          leaf: true,
          requestType: 'complaint',
          departmentType: 'environment',
          limits: LIMITS,
        },
        400,
        'unknown_parent',
      ],
      [
        'a leaf as parent',
        {
          code: '040298',
          parentCode: '040203',
          name: '叶下',
          leaf: true,
          requestType: 'complaint',
          departmentType: 'environment',
          limits: LIMITS,
        },
        400,
        'parent_is_leaf',
      ],
      [
        'a code outside its parent',
        {
          code: '050299',
          parentCode: '0402',
          name: '错码',
          leaf: true,
          requestType: 'complaint',
          departmentType: 'environment',
          limits: LIMITS,
        },
        400,
        'invalid_code',
      ],
      [
        'a leaf without limits',
        {
          code: '040297',
          parentCode: '0402',
          name: '无时限',
          leaf: true,
          requestType: 'complaint',
          departmentType: 'environment',
        },
        400,
        'missing_field',
      ],
      [
        'limits out of range',
        {
          code: '040296',
          parentCode: '0402',
          name: '超长',
          leaf: true,
          requestType: 'complaint',
          departmentType: 'environment',
          limits: { ...LIMITS, signHours: 500 },
        },
        400,
        'invalid_request',
      ],
    ])('refuses %s, storing and auditing nothing', async (_what, body, status, code) => {
      const before = (await dispatcher.get('/api/order-categories')).body.items.length;
      const seq = await auditSeq();
      const res = await admin.post('/api/order-categories', body);
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect((await dispatcher.get('/api/order-categories')).body.items.length).toBe(before);
      expect(await auditSeq()).toBe(seq);
    });

    it('limits belong to leaves: a branch refuses them', async () => {
      const res = await admin.patch('/api/order-categories/0402', { limits: LIMITS });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('not_leaf');
    });

    it('a deactivated category is refused at intake and can be switched back on', async () => {
      expect((await admin.patch('/api/order-categories/040299', { active: false })).status).toBe(200);
      const refused = await dispatcher.post('/api/orders', {
        channel: 'hotline',
        description: '停用的分类',
        categoryCode: '040299',
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('invalid_category');
      expect((await admin.patch('/api/order-categories/040299', { active: true })).status).toBe(200);
      expect(
        (
          await dispatcher.post('/api/orders', {
            channel: 'hotline',
            description: '启用的分类',
            categoryCode: '040299',
          })
        ).status,
      ).toBe(201);
    });

    it('only a role that configures the centre edits categories', async () => {
      expect((await dispatcher.patch('/api/order-categories/040299', { name: '改名' })).status).toBe(403);
      expect(
        (await dispatcher.post('/api/order-categories', { code: '040295', parentCode: '0402', name: 'x', leaf: false }))
          .status,
      ).toBe(403);
      expect((await category('040299')).name).toBe('测试噪声类');
    });
  });

  describe('classifier corrections', () => {
    const TEXT = '东方广场旁边的公共厕所没有纸巾，洗手池也坏了好几天';
    const confidenceOf = async (code: string) => {
      const res = await dispatcher.post('/api/order-categories/suggest', { text: TEXT });
      expect(res.status).toBe(200);
      const items = (res.body.items ?? res.body) as Array<{ categoryCode: string; confidence: number }>;
      return items.find((s) => s.categoryCode === code)?.confidence ?? 0;
    };
    const corrections = async () => (await dispatcher.get('/api/classifier')).body.corrections as number;
    // a category the text is not about: the correction must move the model, not confirm it
    const CORRECT_TO = '030302';

    it('a dispatch refused after the change of category stores no sample and teaches the model nothing', async () => {
      const made = await dispatcher.post('/api/orders', { channel: 'hotline', description: TEXT });
      const id = made.body.order.id;
      expect((await dispatcher.post(`/api/orders/${id}/actions`, { type: 'dispatch', unitId: zf })).status).toBe(200);
      const [n, before] = [await corrections(), await confidenceOf(CORRECT_TO)];
      // dispatched already: a second dispatch with a new category is refused after re-categorising
      const refused = await dispatcher.post(`/api/orders/${id}/actions`, {
        type: 'dispatch',
        unitId: zf,
        categoryCode: CORRECT_TO,
      });
      expect(refused.status).toBe(409);
      expect(await corrections()).toBe(n);
      expect(await confidenceOf(CORRECT_TO)).toBe(before);
    });

    it('a dispatcher’s correction is stored and learnt at once; a retrain keeps it', async () => {
      const n = await corrections();
      const before = await confidenceOf(CORRECT_TO);
      const first = await dispatcher.post('/api/orders', { channel: 'hotline', description: TEXT });
      expect(first.body.order.suggestedCategory).not.toBe(CORRECT_TO);
      expect(
        (
          await dispatcher.post(`/api/orders/${first.body.order.id}/actions`, {
            type: 'dispatch',
            unitId: zf,
            categoryCode: CORRECT_TO,
          })
        ).status,
      ).toBe(200);
      expect(await corrections()).toBe(n + 1);
      const stored = await app.platform.db
        .selectFrom('classifier_samples')
        .select(['category_code', 'source'])
        .where('text', 'like', `%${TEXT}`)
        .execute();
      expect(stored).toContainEqual({ category_code: CORRECT_TO, source: 'correction' });
      expect(await confidenceOf(CORRECT_TO)).toBeGreaterThan(before);
      // the same words again: the running model already suggests what the dispatcher chose
      const next = await dispatcher.post('/api/orders', { channel: 'hotline', description: TEXT });
      expect(next.body.order.suggestedCategory).toBe(CORRECT_TO);

      expect((await dispatcher.post('/api/classifier/retrain')).status).toBe(403);
      const seq = await auditSeq();
      const retrained = await admin.post('/api/classifier/retrain');
      expect(retrained.status).toBe(200);
      expect(retrained.body.samples).toBeGreaterThan(n + 1);
      expect(retrained.body.accuracy).toBeGreaterThan(0.5);
      const audit = await app.platform.db.selectFrom('audit_log').select('action').where('seq', '>', seq).execute();
      expect(audit.map((a) => a.action)).toContain('orders.classifier.retrain');
      expect(await confidenceOf(CORRECT_TO)).toBeGreaterThan(before);
    });
  });
});
