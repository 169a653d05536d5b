/** HTTP of 工单考核: figures, trend, monthly .xlsx report (orders.metrics) and the weights (orders.configure to change). */
import { Type as T, type Static } from '@sinclair/typebox';
import type { Http } from '../../../platform/http';
import { requirePrincipal } from '../../../platform/auth/hooks';
import { auditContext } from '../../../platform/request-context';
import { badRequest } from '../../../platform/errors';
import { localMs } from '../../../platform/calendar';
import { INDICATOR_KEYS, monthPeriod, rangePeriod, type MetricWeights, type Period } from './definitions';
import type { OrderMetrics } from './service';

/** 2000-01 … 2199-12: the years the work calendar knows. */
const Month = T.String({
  pattern: '^(20|21)[0-9]{2}-(0[1-9]|1[0-2])$',
  description: 'YYYY-MM (Asia/Shanghai), 2000–2199',
});
/** A local date (that day's 00:00 Shanghai time) or an instant in epoch ms. */
const Bound = T.String({
  pattern: '^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,15})$',
  description: 'YYYY-MM-DD (00:00 Shanghai time) or epoch ms',
});

const PeriodQuery = T.Object(
  {
    month: T.Optional(Month),
    from: T.Optional(Bound),
    to: T.Optional(Bound),
  },
  { additionalProperties: false },
);

const Points = T.Number({ minimum: 0, maximum: 100 });
const WeightsBody = T.Object(
  {
    weights: T.Object(
      Object.fromEntries(INDICATOR_KEYS.map((k) => [k, Points])) as Record<
        (typeof INDICATOR_KEYS)[number],
        typeof Points
      >,
      { additionalProperties: false },
    ),
    deductions: T.Object(
      {
        lateSign: T.Number({ minimum: 0, maximum: 100 }),
        overdue: T.Number({ minimum: 0, maximum: 100 }),
        max: T.Number({ minimum: 0, maximum: 100 }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

/** Earliest and latest instants a period may touch (the work calendar knows 2000–2200). */
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);
const MAX_SPAN = 3700 * 86_400_000;

function instantOf(v: string, name: string): number {
  let ms: number;
  if (/^[0-9]+$/.test(v)) ms = Number(v);
  else {
    try {
      ms = localMs(v);
    } catch {
      throw badRequest('invalid_period', `${name} is not a real date: ${v}`);
    }
  }
  if (!Number.isSafeInteger(ms) || ms < EARLIEST || ms > LATEST)
    throw badRequest('invalid_period', `${name} must lie between 2000 and 2200`);
  return ms;
}

/** month=YYYY-MM, or from & to ([from, to), dates or instants), or the current month. */
export function periodOf(q: Static<typeof PeriodQuery>, m: OrderMetrics): Period {
  if (q.month && (q.from || q.to)) throw badRequest('invalid_period', 'give month, or from and to — not both');
  if (q.month) return monthPeriod(q.month);
  if (!q.from && !q.to) return monthPeriod(m.currentMonth());
  if (!q.from || !q.to) throw badRequest('invalid_period', 'from and to go together ([from, to), to exclusive)');
  const from = instantOf(q.from, 'from');
  const to = instantOf(q.to, 'to');
  if (to <= from) throw badRequest('invalid_period', 'to must be later than from');
  if (to - from > MAX_SPAN) throw badRequest('invalid_period', 'a period spans at most ten years');
  return rangePeriod(from, to);
}

export function orderMetricsRoutes(app: Http, m: OrderMetrics) {
  app.get(
    '/api/orders/metrics',
    {
      config: { permission: 'orders.metrics' },
      schema: {
        tags: ['orders-metrics'],
        summary: '工单考核：各单位指标、综合得分与排名 / evaluation figures, scores and ranking of the units',
        querystring: PeriodQuery,
      },
    },
    async (req) => m.report(periodOf(req.query, m), requirePrincipal(req)),
  );

  app.get(
    '/api/orders/metrics/trend',
    {
      config: { permission: 'orders.metrics' },
      schema: {
        tags: ['orders-metrics'],
        summary: '考核月度趋势（全街道或单个单位）/ monthly trend of the street or one unit',
        querystring: T.Object(
          {
            months: T.Optional(T.Integer({ minimum: 1, maximum: 36, default: 12 })),
            month: T.Optional(Month),
            unitId: T.Optional(T.String({ minLength: 1, maxLength: 64 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      const q = req.query;
      return m.trend(q.month ?? m.currentMonth(), q.months ?? 12, q.unitId ?? null, requirePrincipal(req));
    },
  );

  app.get(
    '/api/orders/metrics/report.xlsx',
    {
      config: { permission: 'orders.metrics' },
      schema: {
        tags: ['orders-metrics'],
        summary: '月度考核表（Excel）/ the monthly evaluation report as .xlsx',
        querystring: T.Object({ month: T.Optional(Month) }, { additionalProperties: false }),
      },
    },
    async (req, reply) => {
      const month = req.query.month ?? m.currentMonth();
      const body = await m.monthlyReport(month, requirePrincipal(req));
      const name = `工单考核月报-${month}.xlsx`;
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="orders-metrics-${month}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(body);
    },
  );

  app.get(
    '/api/orders/metrics/weights',
    {
      config: { permission: 'orders.metrics' },
      schema: { tags: ['orders-metrics'], summary: '考核权重与扣分规则 / the score weights and deductions' },
    },
    async () => m.weights(),
  );

  app.put(
    '/api/orders/metrics/weights',
    {
      config: { permission: 'orders.configure' },
      schema: {
        tags: ['orders-metrics'],
        summary: '修改考核权重（留痕）/ change the score weights (audited); weights add up to 100',
        body: WeightsBody,
      },
    },
    async (req) => m.putWeights(auditContext(req), req.body as MetricWeights),
  );
}
