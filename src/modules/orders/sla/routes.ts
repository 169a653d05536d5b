import { SlaRulesBody, SlaRulesResponse } from '../config.contract';
import type { Http } from '../../../platform/http';
import { auditContext } from '../../../platform/request-context';
import { badRequest } from '../../../platform/errors';
import type { OrdersServices } from '../services';
import { DEFAULT_SLA_RULES, parseSlaRules } from './sla-rules';
import { readSlaRules, saveSlaRules } from './settings';

/** The centre's SLA rules: when 临期 begins and what 催办/督办 follow a missed deadline. */
export function slaRoutes(app: Http, m: OrdersServices) {
  const p = m.deps.p;

  app.get(
    '/api/orders/sla-rules',
    {
      config: { permission: 'orders.dispatch' },
      schema: {
        tags: ['orders-admin'],
        summary: '时限预警与自动催办督办规则 / SLA rules: due-soon share, automatic urge and supervision',
        response: { 200: SlaRulesResponse },
      },
    },
    async () => {
      const s = await readSlaRules(p.db);
      return { rules: s.rules, defaults: DEFAULT_SLA_RULES, saved: s.saved, updatedAt: s.updatedAt };
    },
  );

  app.put(
    '/api/orders/sla-rules',
    {
      config: { permission: 'orders.configure' },
      schema: {
        tags: ['orders-admin'],
        summary: '修改时限预警与催办督办规则（留痕）/ change the SLA rules (audited)',
        body: SlaRulesBody,
        response: { 200: SlaRulesResponse },
      },
    },
    async (req) => {
      let rules;
      try {
        rules = parseSlaRules(req.body);
      } catch (err) {
        throw badRequest('invalid_rules', (err as Error).message);
      }
      await p.transact(auditContext(req), (w) => saveSlaRules(w, rules));
      const s = await readSlaRules(p.db);
      return { rules: s.rules, defaults: DEFAULT_SLA_RULES, saved: s.saved, updatedAt: s.updatedAt };
    },
  );
}
