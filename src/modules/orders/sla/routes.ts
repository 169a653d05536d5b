import { Type as T } from '@sinclair/typebox';
import type { Http } from '../../../platform/http';
import { auditContext } from '../../../platform/request-context';
import { badRequest } from '../../../platform/errors';
import type { OrdersServices } from '../services';
import { DEFAULT_SLA_RULES, parseSlaRules } from './sla-rules';
import { readSlaRules, saveSlaRules } from './settings';

const Step = T.Object(
  {
    afterWorkingDays: T.Number({
      minimum: 0,
      maximum: 60,
      description: '超过时限后的工作日数（0 = 超期即时）/ working days after the deadline',
    }),
    action: T.Union([T.Literal('urge'), T.Literal('supervise')], { description: 'urge = 催办, supervise = 督办' }),
    level: T.Optional(
      T.Union([T.Literal(1), T.Literal(2), T.Literal(3)], {
        description: '督办级别 / supervision level (supervise only)',
      }),
    ),
    note: T.Optional(T.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const SlaRulesBody = T.Object(
  {
    dueSoonRatio: T.Number({
      exclusiveMinimum: 0,
      exclusiveMaximum: 1,
      description: '剩余时间低于此比例即临期 / due soon below this share of the allowed time',
    }),
    sign: T.Array(Step, { maxItems: 10, description: '签收超期后的催办/督办 / steps after the sign-for deadline' }),
    completion: T.Array(Step, {
      maxItems: 10,
      description: '办结超期后的催办/督办 / steps after the completion deadline',
    }),
  },
  { additionalProperties: false },
);

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
