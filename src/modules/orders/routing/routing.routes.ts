import { Ok } from '../../../platform/contract';
import { Created, RoutingRuleList, RuleBody, RuleParams } from '../contract';
import type { Http } from '../../../platform/http';
import { auditContext } from '../../../platform/request-context';
import { badRequest, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { OrdersServices } from '../services';
import { deleteRule, findRule, insertRule, listRules } from './routing.repo';

/** Configuration of the routing rules: category × place → responsible unit. */
export function routingRoutes(app: Http, m: OrdersServices) {
  const p = m.deps.p;

  app.get(
    '/api/routing-rules',
    {
      config: { permission: 'orders.dispatch' },
      schema: { tags: ['orders-admin'], summary: '分拨规则 / routing rules', response: { 200: RoutingRuleList } },
    },
    async () => {
      const rows = await listRules(p.db);
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
        await insertRule(w.trx, row);
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
      const before = await findRule(p.db, req.params.id);
      if (!before) throw notFound('routing rule');
      await p.transact(auditContext(req), async (w) => {
        await deleteRule(w.trx, before.id);
        w.audit({ action: 'orders.rule.delete', entityType: 'routing_rule', entityId: before.id, before });
        w.emit({ type: 'orders.rules_changed', data: { id: before.id } });
      });
      m.reloadRules();
      return { ok: true };
    },
  );
}
