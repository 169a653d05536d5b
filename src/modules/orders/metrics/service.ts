/**
 * 工单考核 use cases: the hook that keeps the ledger in step with every order change, the
 * period figures and ranking, the monthly trend, the weights setting, the monthly .xlsx report,
 * and the reference recomputation from the timeline.
 */
import type { AuditContext } from '../../../platform/audit';
import type { Principal } from '../../../platform/auth/principal';
import type { Pause } from '../../../platform/calendar';
import { badRequest, notFound } from '../../../platform/errors';
import type { OrderHook, OrdersDeps } from '../deps';
import {
  DEFAULT_WEIGHTS,
  INDICATOR_KEYS,
  WEIGHTS_SETTING_KEY,
  monthOf,
  monthPeriod,
  monthsEndingWith,
  weightsProblem,
  zeroCounters,
  type Fact,
  type MetricWeights,
  type Period,
} from './definitions';
import { buildReport, rowOf, type MetricsReport, type MetricsRow, type UnitFigures } from './compute';
import { factsOfChange, type WorkingMs } from './facts';
import { byOrder, referenceFigures, replayOrder } from './reference';
import {
  countersByUnit,
  loadTimeline,
  overdueOpenByUnit,
  readWeights,
  recordFacts,
  replaceLedger,
  writeWeights,
} from './repo';
import { monthlyWorkbook } from './xlsx';
import { allDeadlines } from '../orders.repo';

export interface TrendPoint extends MetricsRow {
  month: string;
  label: string;
  from: number;
  to: number;
}

export class OrderMetrics {
  constructor(private d: OrdersDeps) {}

  /** Working ms by the platform calendar, less pauses (挂起, the centre's review). */
  readonly workingMs: WorkingMs = (from, to, pauses) =>
    to <= from ? 0 : this.d.p.calendar.workingMsBetween(from, to, pauses as Pause[]);

  /** Runs inside every order change's transaction: add the facts (the timeline entry already carries the deadlines stamp). */
  readonly hook: OrderHook = async (w, change) => {
    if (!change.before) return;
    const facts = factsOfChange(change, w.now, this.workingMs);
    if (facts.length) await recordFacts(w.trx, change.after.id, facts);
  };

  // ── weights ──────────────────────────────────────────────────────────────────────────

  async weights(): Promise<{ value: MetricWeights; isDefault: boolean; updatedAt: number | null }> {
    const stored = await readWeights(this.d.p.db);
    const value = stored ? normaliseWeights(stored.value) : null;
    // a hand-edited bad value must not stop the reports: the defaults apply, loudly
    if (stored && !value)
      this.d.p.logger.warn(
        { key: WEIGHTS_SETTING_KEY },
        'orders metrics: the stored weights are invalid; using the defaults',
      );
    return value
      ? { value, isDefault: false, updatedAt: stored!.updatedAt }
      : { value: DEFAULT_WEIGHTS, isDefault: true, updatedAt: null };
  }

  async putWeights(ctx: AuditContext, value: MetricWeights) {
    const problem = weightsProblem(value);
    if (problem) throw badRequest('invalid_weights', problem);
    const clean: MetricWeights = {
      weights: Object.fromEntries(INDICATOR_KEYS.map((k) => [k, value.weights[k]])) as MetricWeights['weights'],
      deductions: { lateSign: value.deductions.lateSign, overdue: value.deductions.overdue, max: value.deductions.max },
    };
    const before = (await this.weights()).value;
    await this.d.p.transact(ctx, async (w) => {
      await writeWeights(w.trx, clean, w.now);
      w.audit({
        action: 'orders.metric_weights.update',
        entityType: 'setting',
        entityId: WEIGHTS_SETTING_KEY,
        before,
        after: clean,
      });
      w.emit({ type: 'orders.metric_weights_changed', entityType: 'setting', entityId: WEIGHTS_SETTING_KEY, data: {} });
    });
    return this.weights();
  }

  // ── figures ──────────────────────────────────────────────────────────────────────────

  /** Units in the caller's data scope; undefined = the whole street. */
  scope(principal: Principal | null): string[] | undefined {
    if (!principal || principal.allScope) return undefined;
    return principal.orgPath ? this.d.units.idsUnder(principal.orgPath) : [];
  }

  unitName = (id: string) => this.d.units.name(id) ?? `（已撤销单位 ${id}）`;

  /** The fast path: SQL aggregates over the roll-ups and the ledger, and the open-overdue count over orders. */
  async figures(period: Period, asOf: number, unitIds?: string[]): Promise<UnitFigures> {
    const { db, dialect } = this.d.p;
    const [counters, overdueOpen] = await Promise.all([
      countersByUnit(db, period.from, period.to, unitIds),
      overdueOpenByUnit(db, dialect, period.from, period.to, asOf, unitIds),
    ]);
    return { counters, overdueOpen };
  }

  async report(period: Period, principal: Principal | null = null, weights?: MetricWeights): Promise<MetricsReport> {
    const asOf = this.d.p.clock.now();
    const w = weights ?? (await this.weights()).value;
    return buildReport(period, asOf, await this.figures(period, asOf, this.scope(principal)), this.unitName, w);
  }

  /** `count` months ending with `last`: the street total, or one unit's row (with its rank that month). */
  async trend(
    last: string,
    count: number,
    unitId: string | null,
    principal: Principal | null = null,
  ): Promise<{ unitId: string | null; unitName: string; months: TrendPoint[] }> {
    if (unitId && !this.d.units.get(unitId)) throw notFound('unit');
    const scope = this.scope(principal);
    if (unitId && scope && !scope.includes(unitId)) throw notFound('unit');
    const w = (await this.weights()).value;
    const months: TrendPoint[] = [];
    for (const month of monthsEndingWith(last, count)) {
      const period = monthPeriod(month);
      const r = await this.report(period, principal, w);
      const row = unitId
        ? (r.units.find((u) => u.unitId === unitId) ?? rowOf(unitId, this.unitName(unitId), zeroCounters(), 0, w))
        : r.total;
      months.push({ ...row, month, label: period.label, from: period.from, to: period.to });
    }
    return { unitId, unitName: unitId ? this.unitName(unitId) : '全街道合计', months };
  }

  /** The current month in Shanghai time (the default period). */
  currentMonth(): string {
    return monthOf(this.d.p.clock.now());
  }

  // ── the monthly report ───────────────────────────────────────────────────────────────

  async monthlyReport(month: string, principal: Principal | null = null): Promise<Buffer> {
    const period = monthPeriod(month);
    const report = await this.report(period, principal);
    const trend = await this.trend(month, 12, null, principal);
    const street = this.d.units.all().find((u) => u.kind === 'street')?.name ?? '街道';
    const centre = this.d.units.all().find((u) => u.departmentType === 'hotline')?.name ?? street;
    return monthlyWorkbook({ street, maker: centre, madeAt: this.d.p.clock.now(), report, trend: trend.months });
  }

  // ── the reference ────────────────────────────────────────────────────────────────────

  /** Every figure of `period` recomputed from the timeline alone (reference.ts); heavy, on demand. */
  async recompute(period: Period, asOf = this.d.p.clock.now(), weights?: MetricWeights): Promise<MetricsReport> {
    const events = await loadTimeline(this.d.p.db);
    const f = referenceFigures(events, period, asOf, this.workingMs);
    return buildReport(period, asOf, f, this.unitName, weights ?? (await this.weights()).value);
  }

  /**
   * Rebuilds the ledger and roll-ups from the timeline (for orders older than the metrics tables,
   * e.g. bulk-inserted demo history, or after a repair). A first dispatch without a deadline stamp
   * takes the orders row's deadlines (exact unless a 挂起 before sign-for moved the sign deadline).
   * Run it while no orders change: it replaces the three tables in one transaction.
   */
  async rebuild(ctx: AuditContext): Promise<{ orders: number; facts: number }> {
    const events = await loadTimeline(this.d.p.db);
    const facts: Array<Fact & { orderId: string }> = [];
    const orders = byOrder(events);
    const asOf = this.d.p.clock.now();
    const rows = await allDeadlines(this.d.p.db);
    const deadlines = new Map(
      rows.map((r) => [r.id, { sign: num(r.sign_deadline), completion: num(r.completion_deadline) }]),
    );
    for (const [orderId, list] of orders) {
      for (const f of replayOrder(list, asOf, this.workingMs, deadlines.get(orderId)).facts)
        facts.push({ ...f, orderId });
    }
    await this.d.p.transact(ctx, async (w) => {
      await replaceLedger(w.trx, facts);
      w.audit({
        action: 'orders.metrics.rebuild',
        entityType: 'system',
        entityId: 'order_metric_facts',
        after: { orders: orders.size, facts: facts.length },
      });
    });
    return { orders: orders.size, facts: facts.length };
  }
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** A stored weights document, or null when it is not one (then the defaults apply). */
function normaliseWeights(v: unknown): MetricWeights | null {
  const x = v as Partial<MetricWeights> | null;
  if (!x || typeof x !== 'object' || !x.weights || !x.deductions) return null;
  const weights = {} as MetricWeights['weights'];
  for (const k of INDICATOR_KEYS) {
    const n = Number(x.weights[k]);
    if (!Number.isFinite(n) || n < 0) return null;
    weights[k] = n;
  }
  const { lateSign, overdue, max } = x.deductions;
  if (![lateSign, overdue, max].every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0)) return null;
  const out = { weights, deductions: { lateSign: lateSign!, overdue: overdue!, max: max! } };
  return weightsProblem(out) ? null : out;
}

/** Creates the metrics part of the orders module and registers its hook. */
export function mountOrderMetrics(d: OrdersDeps): OrderMetrics {
  const m = new OrderMetrics(d);
  d.hooks.push(m.hook);
  return m;
}
