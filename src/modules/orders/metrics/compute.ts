/**
 * The formulas of 工单考核: rates, average handling time, deductions, the weighted score and the
 * ranking. Pure: counters in, figures out — the fast path and the reference share these, so
 * they agree on every figure exactly when they agree on the counters.
 */
import {
  INDICATORS,
  INDICATOR_KEYS,
  addInto,
  isEmpty,
  zeroCounters,
  type Counters,
  type IndicatorKey,
  type MetricWeights,
  type Period,
} from './definitions';

const HOUR_MS = 3_600_000;

export type Rates = Record<IndicatorKey, number | null>;

/** Each indicator as a fraction 0..1, or null when its denominator is 0 (nothing to judge). */
export function ratesOf(c: Counters): Rates {
  const out = {} as Rates;
  for (const k of INDICATOR_KEYS) {
    const d = INDICATORS[k].denominator(c);
    out[k] = d === 0 ? null : INDICATORS[k].numerator(c) / d;
  }
  return out;
}

/** Average working hours from the start of handling to the accepted reply; null with no 办结. */
export function avgHandlingHours(c: Counters): number | null {
  return c.completed === 0 ? null : round(c.handlingMs / c.completed / HOUR_MS, 2);
}

/** Points taken off: per late sign-for and per missed completion deadline, capped. */
export function deductionOf(c: Counters, overdue: number, w: MetricWeights): number {
  const raw = w.deductions.lateSign * c.signedLate + w.deductions.overdue * overdue;
  return round(Math.min(w.deductions.max, raw), 2);
}

/**
 * Score out of 100: the weighted indicators (less-is-better ones as 1 − rate), renormalised over
 * the indicators that have something to judge, minus the deductions, never below 0. A unit with
 * nothing to judge at all has no score (null) and no rank.
 */
export function scoreOf(c: Counters, overdue: number, w: MetricWeights): number | null {
  const rates = ratesOf(c);
  let weighted = 0;
  let weight = 0;
  for (const k of INDICATOR_KEYS) {
    const r = rates[k];
    const wk = w.weights[k];
    if (r === null || wk <= 0) continue;
    weighted += wk * (INDICATORS[k].higherIsBetter ? r : 1 - r);
    weight += wk;
  }
  if (weight === 0) return null;
  return round(Math.max(0, (100 * weighted) / weight - deductionOf(c, overdue, w)), 2);
}

export const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round((x + Number.EPSILON) * f) / f;
};

/** One row of the ranking table (a unit) or the street total (unitId null, no score or rank). */
export interface MetricsRow extends Counters {
  unitId: string | null;
  unitName: string;
  lateCompletions: number;
  overdueOpen: number;
  /** 超期件数: overdueClosed + overdueOpen. */
  overdue: number;
  avgHandlingHours: number | null;
  rates: Rates;
  deduction: number | null;
  score: number | null;
  rank: number | null;
}

export interface MetricsReport {
  period: Period;
  asOf: number;
  units: MetricsRow[];
  total: MetricsRow;
  weights: MetricWeights;
}

/** Per-unit counters (facts in the period) and open overdue counts → the ranking and the total. */
export interface UnitFigures {
  counters: Map<string, Counters>;
  overdueOpen: Map<string, number>;
}

export function rowOf(
  unitId: string | null,
  unitName: string,
  c: Counters,
  overdueOpen: number,
  w: MetricWeights | null,
): MetricsRow {
  const overdue = c.overdueClosed + overdueOpen;
  return {
    unitId,
    unitName,
    ...c,
    lateCompletions: c.completed - c.completedOnTime,
    overdueOpen,
    overdue,
    avgHandlingHours: avgHandlingHours(c),
    rates: ratesOf(c),
    deduction: w ? deductionOf(c, overdue, w) : null,
    score: w ? scoreOf(c, overdue, w) : null,
    rank: null,
  };
}

/**
 * Standard competition ranking by score (1, 2, 2, 4): higher first; equal scores share a rank
 * and are listed by dispatch volume, then name. Only units that were dispatched orders in the
 * period are ranked: one with none (its figures come from older orders answered or visited in the
 * period) keeps its score but is listed after the ranked units, unranked — a unit cannot come
 * first for having had nothing to do. Units without a score come last.
 */
export const isRankable = (r: Pick<MetricsRow, 'score' | 'dispatched'>) => r.score !== null && r.dispatched > 0;

export function rankRows(rows: MetricsRow[]): MetricsRow[] {
  const sorted = [...rows].sort(
    (a, b) =>
      Number(isRankable(b)) - Number(isRankable(a)) ||
      (b.score ?? -1) - (a.score ?? -1) ||
      b.dispatched - a.dispatched ||
      a.unitName.localeCompare(b.unitName, 'zh-CN') ||
      String(a.unitId).localeCompare(String(b.unitId)),
  );
  let prev: number | null = null;
  let rank = 0;
  sorted.forEach((r, i) => {
    if (!isRankable(r)) return;
    if (r.score !== prev) rank = i + 1;
    prev = r.score;
    r.rank = rank;
  });
  return sorted;
}

/** The ranking table of the units with anything to show, and the street total (the sum of those rows). */
export function buildReport(
  period: Period,
  asOf: number,
  f: UnitFigures,
  unitName: (id: string) => string,
  w: MetricWeights,
): MetricsReport {
  const ids = new Set([...f.counters.keys(), ...f.overdueOpen.keys()]);
  const rows: MetricsRow[] = [];
  const total = zeroCounters();
  let totalOpen = 0;
  for (const id of ids) {
    const c = f.counters.get(id) ?? zeroCounters();
    const open = f.overdueOpen.get(id) ?? 0;
    if (isEmpty(c) && open === 0) continue;
    rows.push(rowOf(id, unitName(id), c, open, w));
    addInto(total, c);
    totalOpen += open;
  }
  return { period, asOf, units: rankRows(rows), total: rowOf(null, '全街道合计', total, totalOpen, null), weights: w };
}

/** Sums counter maps (e.g. several units into one), for trends of a unit set. */
export function sumCounters(list: Iterable<Counters>): Counters {
  const out = zeroCounters();
  for (const c of list) addInto(out, c);
  return out;
}
