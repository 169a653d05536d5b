import { Ok } from '../../platform/contract';
import {
  CategoryBody,
  CategoryParams,
  CategoryPatch,
  CategoryView,
  ClassifierInfo,
  Created,
  RetrainResult,
  RoutingRuleList,
  RuleBody,
  RuleParams,
} from './contract';
import type { Http } from '../../platform/http';
import { auditContext } from '../../platform/request-context';
import { badRequest, conflict, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { OrdersServices } from './services';

/** Configuration of the centre: categories and their limits, routing rules, the classifier. */
export function orderAdminRoutes(app: Http, m: OrdersServices) {
  const p = m.deps.p;

  app.post(
    '/api/order-categories',
    {
      config: { permission: 'orders.configure' },
      schema: {
        tags: ['orders-admin'],
        summary: '新增分类 / add a category',
        body: CategoryBody,
        response: { 201: CategoryView },
      },
    },
    async (req, reply) => {
      const b = req.body;
      if (m.categories.get(b.code)) throw conflict('duplicate_code', `category ${b.code} exists`);
      const parent = b.parentCode ? m.categories.get(b.parentCode) : null;
      if (b.parentCode && !parent) throw badRequest('unknown_parent', `parent ${b.parentCode} does not exist`);
      if (parent?.leaf)
        throw badRequest('parent_is_leaf', `category ${b.parentCode} is a leaf; it cannot have children`);
      if (parent && !b.code.startsWith(parent.code))
        throw badRequest('invalid_code', `a child's code starts with its parent's (${parent.code})`);
      if (b.leaf && (!b.limits || !b.departmentType || !b.requestType))
        throw badRequest('missing_field', 'a leaf needs requestType, departmentType and limits');
      const level = parent ? Number(parent.level) + 1 : 1;
      if (level > 3) throw badRequest('too_deep', 'categories are at most three levels deep');
      await p.transact(auditContext(req), async (w) => {
        const row = {
          code: b.code,
          parent_code: b.parentCode,
          name: b.name,
          level,
          leaf: b.leaf ? 1 : 0,
          request_type: b.requestType ?? null,
          department_type: b.departmentType ?? null,
          sign_hours: b.limits?.signHours ?? null,
          contact_days: b.limits?.contactDays ?? null,
          complete_normal: b.limits?.completeDays.normal ?? null,
          complete_urgent: b.limits?.completeDays.urgent ?? null,
          complete_emergency: b.limits?.completeDays.emergency ?? null,
          active: 1,
          sort: 10_000,
        };
        await w.trx.insertInto('order_categories').values(row).execute();
        w.audit({ action: 'orders.category.create', entityType: 'order_category', entityId: b.code, after: row });
        w.emit({ type: 'orders.categories_changed', data: { code: b.code } });
      });
      await m.categories.load(p.db);
      return reply.status(201).send(m.categories.view(b.code)!);
    },
  );

  app.patch(
    '/api/order-categories/:code',
    {
      config: { permission: 'orders.configure' },
      schema: {
        tags: ['orders-admin'],
        summary: '修改分类与时限 / edit a category and its time limits',
        params: CategoryParams,
        body: CategoryPatch,
        response: { 200: CategoryView },
      },
    },
    async (req) => {
      const before = m.categories.get(req.params.code);
      if (!before) throw notFound('category');
      const b = req.body;
      if (b.limits && !before.leaf) throw badRequest('not_leaf', 'only leaf categories carry time limits');
      await p.transact(auditContext(req), async (w) => {
        const patch: Record<string, unknown> = {};
        if (b.name !== undefined) patch.name = b.name;
        if (b.active !== undefined) patch.active = b.active ? 1 : 0;
        if (b.departmentType !== undefined) patch.department_type = b.departmentType;
        if (b.limits)
          Object.assign(patch, {
            sign_hours: b.limits.signHours,
            contact_days: b.limits.contactDays,
            complete_normal: b.limits.completeDays.normal,
            complete_urgent: b.limits.completeDays.urgent,
            complete_emergency: b.limits.completeDays.emergency,
          });
        if (Object.keys(patch).length)
          await w.trx.updateTable('order_categories').set(patch).where('code', '=', before.code).execute();
        w.audit({
          action: 'orders.category.update',
          entityType: 'order_category',
          entityId: before.code,
          before,
          after: { ...before, ...patch },
        });
        w.emit({ type: 'orders.categories_changed', data: { code: before.code } });
      });
      await m.categories.load(p.db);
      return m.categories.view(before.code)!;
    },
  );

  app.get(
    '/api/routing-rules',
    {
      config: { permission: 'orders.dispatch' },
      schema: { tags: ['orders-admin'], summary: '分拨规则 / routing rules', response: { 200: RoutingRuleList } },
    },
    async () => {
      const rows = await p.db.selectFrom('routing_rules').selectAll().orderBy('category_prefix').execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          categoryPrefix: r.category_prefix,
          categoryPath: m.categories.pathName(r.category_prefix),
          communityCode: r.community_code,
          unitId: r.unit_id,
          unitName: m.units.name(r.unit_id),
          autoDispatch: !!r.auto_dispatch,
          minConfidence: Number(r.min_confidence),
          priority: Number(r.priority),
          note: r.note,
        })),
      };
    },
  );

  app.post(
    '/api/routing-rules',
    {
      config: { permission: 'orders.configure' },
      schema: {
        tags: ['orders-admin'],
        summary: '新增分拨规则 / add a routing rule',
        body: RuleBody,
        response: { 201: Created },
      },
    },
    async (req, reply) => {
      const b = req.body;
      if (!m.units.get(b.unitId)) throw badRequest('invalid_unit', `unit ${b.unitId} does not exist`);
      if (b.categoryPrefix && !m.categories.get(b.categoryPrefix))
        throw badRequest('invalid_category', `no category ${b.categoryPrefix}`);
      // a rule for a community the map does not have would never match: refuse it rather than keep it silently
      if (b.communityCode && !(await m.deps.geo.hasArea('community', b.communityCode))) {
        throw badRequest('invalid_community', `no community ${b.communityCode} on the map`);
      }
      const id = await p.transact(auditContext(req), async (w) => {
        const row = {
          id: newId(w.now),
          category_prefix: b.categoryPrefix,
          community_code: b.communityCode ?? null,
          unit_id: b.unitId,
          auto_dispatch: b.autoDispatch ? 1 : 0,
          min_confidence: b.minConfidence ?? 0.9,
          priority: b.priority ?? 0,
          note: b.note ?? null,
          created_at: w.now,
        };
        await w.trx.insertInto('routing_rules').values(row).execute();
        w.audit({ action: 'orders.rule.create', entityType: 'routing_rule', entityId: row.id, after: row });
        w.emit({ type: 'orders.rules_changed', data: { id: row.id } });
        return row.id;
      });
      m.reloadRules();
      return reply.status(201).send({ id });
    },
  );

  app.delete(
    '/api/routing-rules/:id',
    {
      config: { permission: 'orders.configure' },
      schema: {
        tags: ['orders-admin'],
        summary: '删除分拨规则 / delete a routing rule',
        params: RuleParams,
        response: { 200: Ok },
      },
    },
    async (req) => {
      const before = await p.db
        .selectFrom('routing_rules')
        .selectAll()
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      if (!before) throw notFound('routing rule');
      await p.transact(auditContext(req), async (w) => {
        await w.trx.deleteFrom('routing_rules').where('id', '=', before.id).execute();
        w.audit({ action: 'orders.rule.delete', entityType: 'routing_rule', entityId: before.id, before });
        w.emit({ type: 'orders.rules_changed', data: { id: before.id } });
      });
      m.reloadRules();
      return { ok: true };
    },
  );

  app.get(
    '/api/classifier',
    {
      config: { permission: 'orders.dispatch' },
      schema: {
        tags: ['orders-admin'],
        summary: '分类模型信息 / the classifier model in use',
        response: { 200: ClassifierInfo },
      },
    },
    async () => {
      const corrections = await p.db
        .selectFrom('classifier_samples')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('source', '=', 'correction')
        .executeTakeFirst();
      return { model: m.classifier.info(), corrections: Number(corrections?.n ?? 0) };
    },
  );

  app.post(
    '/api/classifier/retrain',
    {
      config: { permission: 'orders.configure' },
      schema: {
        tags: ['orders-admin'],
        summary: '用历史与纠正样本重新训练 / retrain from history and corrections',
        response: { 200: RetrainResult },
      },
    },
    async (req) => {
      const r = await m.classifier.retrain();
      await p.transact(auditContext(req), async (w) => {
        w.audit({
          action: 'orders.classifier.retrain',
          entityType: 'classifier',
          entityId: m.classifier.info()?.id ?? null,
          after: r,
        });
        w.emit({ type: 'orders.classifier_retrained', data: { ...r, modelId: m.classifier.info()?.id ?? null } });
      });
      return r;
    },
  );
}
