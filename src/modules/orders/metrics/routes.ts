/** HTTP of 工单考核: figures, trend, monthly .xlsx report (orders.metrics) and the weights (orders.configure to change). */
import type { Static } from '@sinclair/typebox';
import { Binary } from '../../../platform/contract';
import {
  MetricsReport,
  PeriodQuery,
  ReportQuery,
  Trend,
  TrendQuery,
  WeightsBody,
  WeightsResponse,
} from './metrics.contract';
import type { Http } from '../../../platform/http';
import { requirePrincipal } from '../../../platform/auth/hooks';
import { auditContext } from '../../../platform/request-context';
import { badRequest } from '../../../platform/errors';
import { localMs } from '../../../platform/calendar';
import { monthPeriod, rangePeriod, type MetricWeights, type Period } from './definitions';
import type { OrderMetrics } from './service';

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
        response: { 200: MetricsReport },
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
        querystring: TrendQuery,
        response: { 200: Trend },
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
        querystring: ReportQuery,
        response: {
          200: Binary('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '月度考核表 .xlsx'),
        },
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
      schema: {
        tags: ['orders-metrics'],
        summary: '考核权重与扣分规则 / the score weights and deductions',
        response: { 200: WeightsResponse },
      },
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
        response: { 200: WeightsResponse },
      },
    },
    async (req) => m.putWeights(auditContext(req), req.body as MetricWeights),
  );
}
