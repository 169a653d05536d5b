/**
 * 工单考核 — what is counted, for which unit, and when. Pure: no I/O.
 *
 * Every figure is a sum of FACTS. A fact is (unit, instant, counter increments); a period
 * [from, to) takes the facts whose instant lies in it. The facts are written by the metrics
 * hook in the transaction of each order change (facts.ts, from the row before/after) and can be
 * recomputed from the `order_events` timeline alone (reference.ts); the two must agree exactly.
 *
 * ATTRIBUTION RULES (the unit is always the unit holding the order at that step, i.e. the
 * timeline entry's unit_id; steps without a unit — the centre's 直接答复 and its visit — count for
 * no unit and so not in the street total either):
 *  - 派单 dispatched: each `order.dispatched` (first dispatch or 改派) counts once for the unit it
 *    went to, at the dispatch instant.
 *  - 签收 signedOnTime / signedLate: the unit's `order.signed`, judged against the sign deadline in
 *    force when it signed (signed_at <= deadline is on time), counted at the instant of the
 *    DISPATCH it answers (a cohort: 及时签收率 = signed on time / dispatched, same dispatches).
 *  - 退单 returned: an `order.return_approved`, counted at the instant of the dispatch it undoes.
 *  - 改派 / 收回 (the centre's correction, `order.redispatched` / `order.recalled`): the dispatch it
 *    corrects is taken back (dispatched −1 at that dispatch's instant) — no 退单, no sign-for fact for
 *    the unit it was taken from; 改派 then counts a dispatch for the new unit at its instant.
 *  - 办结 completed / completedOnTime / handlingMs: an `order.reply_approved` — the centre accepts
 *    the unit's reply — counted at the approval instant. On time when the reply was submitted at or
 *    before the completion deadline in force at submission (extensions and 挂起 move it; 退回重办
 *    gives back the time the unit had left). Handling time: working time (platform calendar) from
 *    the start of the handling period — the unit's dispatch, or the reopening after an
 *    unsatisfied visit — to the reply, less 挂起 spans and the centre's review spans.
 *  - overdueClosed: the same accepted reply when it was late, counted at the DEADLINE instant it
 *    missed. 超期件数 of a period = missed completion deadlines falling in the period: those
 *    answered late (overdueClosed) plus those still unanswered when the figures are read
 *    (overdueOpen: held in 待签收/办理中 past the deadline — a 挂起 order only if it was suspended after
 *    its deadline — or 待审核 with a late reply). The unit holding the order when it is answered
 *    (or now) is charged; 超期 is never charged twice for one deadline.
 *  - 回访 visited / satisfied: each `order.visited` with a rating (满意 / 基本满意 / 不满意; 联系不上
 *    is not a rating) at the visit instant; satisfied = 满意 + 基本满意.
 *  - 重办 reopened: each `order.reply_rejected` (退回重办) and unsatisfied visit, at its instant.
 *  - 结案 closed / solved / reworked: the step that closes the order — a visit that is not
 *    unsatisfied, or an accepted reply of an order needing no visit — at its instant.
 *    solved (解决) = closed with 满意 / 基本满意, or closed by the centre's review with no visit
 *    required; a 联系不上 closing is not confirmed solved. reworked = the closing unit had at
 *    least one 重办 on this order since its latest dispatch (重办率 = reworked / closed).
 * Cancelled, merged (重复件) and archived orders add nothing beyond the steps above.
 */
import { COUNTERS, INDICATOR_KEYS, type CounterName, type IndicatorKey } from './metrics.contract';

export { COUNTERS, INDICATOR_KEYS, type CounterName, type IndicatorKey };
export type Counters = Record<CounterName, number>;

/** Column of each counter in the ledger and roll-up tables. */
export const COLUMN_OF: Record<CounterName, string> = {
  dispatched: 'dispatched',
  signedOnTime: 'signed_on_time',
  signedLate: 'signed_late',
  returned: 'returned',
  completed: 'completed',
  completedOnTime: 'completed_on_time',
  handlingMs: 'handling_ms',
  overdueClosed: 'overdue_closed',
  visited: 'visited',
  satisfied: 'satisfied',
  reopened: 'reopened',
  closed: 'closed',
  solved: 'solved',
  reworked: 'reworked',
};

/** One unit's counter increments at one instant (the attribution instant, see above). */
export interface Fact {
  unitId: string;
  at: number;
  counters: Partial<Counters>;
}

export function zeroCounters(): Counters {
  return Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Counters;
}

/** Adds `b` into `a` (in place) and returns `a`. */
export function addInto(a: Counters, b: Partial<Counters>): Counters {
  for (const c of COUNTERS) a[c] += b[c] ?? 0;
  return a;
}

export const isEmpty = (c: Counters) => COUNTERS.every((k) => c[k] === 0);

// ── indicators and the score ──────────────────────────────────────────────────────────────

export interface IndicatorDef {
  zh: string;
  numerator: (c: Counters) => number;
  denominator: (c: Counters) => number;
  /** Rates where less is better (退单率, 重办率) score as 1 − rate. */
  higherIsBetter: boolean;
}

export const INDICATORS: Record<IndicatorKey, IndicatorDef> = {
  signOnTime: {
    zh: '及时签收率',
    numerator: (c) => c.signedOnTime,
    denominator: (c) => c.dispatched,
    higherIsBetter: true,
  },
  onTimeCompletion: {
    zh: '按时办结率',
    numerator: (c) => c.completedOnTime,
    denominator: (c) => c.completed,
    higherIsBetter: true,
  },
  satisfaction: {
    zh: '回访满意率',
    numerator: (c) => c.satisfied,
    denominator: (c) => c.visited,
    higherIsBetter: true,
  },
  solve: { zh: '解决率', numerator: (c) => c.solved, denominator: (c) => c.closed, higherIsBetter: true },
  return: { zh: '退单率', numerator: (c) => c.returned, denominator: (c) => c.dispatched, higherIsBetter: false },
  rework: { zh: '重办率', numerator: (c) => c.reworked, denominator: (c) => c.closed, higherIsBetter: false },
};

/**
 * The scoring rule (settings key `orders.metric_weights`). Weights are points out of 100 and must
 * add up to 100; deductions are points per late sign-for and per missed completion deadline, capped.
 */
export interface MetricWeights {
  weights: Record<IndicatorKey, number>;
  deductions: { lateSign: number; overdue: number; max: number };
}

export const WEIGHTS_SETTING_KEY = 'orders.metric_weights';

/** Defaults in the spirit of published street rules: timeliness and the citizen's verdict weigh most. */
export const DEFAULT_WEIGHTS: MetricWeights = {
  weights: { signOnTime: 15, onTimeCompletion: 25, satisfaction: 25, solve: 15, return: 10, rework: 10 },
  deductions: { lateSign: 0.5, overdue: 1, max: 20 },
};

/** Why a weights document is unacceptable, or null. (Shapes are checked at the edge by TypeBox.) */
export function weightsProblem(w: MetricWeights): string | null {
  const sum = INDICATOR_KEYS.reduce((s, k) => s + w.weights[k], 0);
  if (Math.abs(sum - 100) > 1e-9) return `权重之和须为100 / the weights must add up to 100 (they add up to ${sum})`;
  return null;
}

// ── periods (Asia/Shanghai) ───────────────────────────────────────────────────────────────

const OFFSET = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

/** Local (Shanghai) day number of an instant; the daily roll-up's key. */
export const dayOf = (ms: number): number => Math.floor((ms + OFFSET) / DAY_MS);
export const dayStart = (day: number): number => day * DAY_MS - OFFSET;
export const isDayAligned = (ms: number): boolean => (ms + OFFSET) % DAY_MS === 0;

/** Month number (year × 12 + month − 1) of a local day: the monthly roll-up's key. */
export function monthOfDay(day: number): number {
  const d = new Date(day * DAY_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** Local day number of the first day of month number `m`. */
export const firstDayOfMonth = (m: number): number => Date.UTC(Math.floor(m / 12), m % 12, 1) / DAY_MS;

/**
 * [from, to) cut into what each table answers exactly: whole months (monthly roll-up), the whole
 * days around them (daily roll-up), and the part-days at either end (the ledger, by instant).
 */
export interface PeriodParts {
  ledger: Array<[number, number]>;
  days: Array<[number, number]>;
  months: [number, number] | null;
}

export function splitPeriod(from: number, to: number): PeriodParts {
  const out: PeriodParts = { ledger: [], days: [], months: null };
  if (to <= from) return out;
  const firstDay = Math.ceil((from + OFFSET) / DAY_MS); // first whole day inside
  const endDay = dayOf(to); // whole days end where the day of `to` begins
  if (firstDay >= endDay) {
    out.ledger.push([from, to]);
    return out;
  }
  if (from < dayStart(firstDay)) out.ledger.push([from, dayStart(firstDay)]);
  if (dayStart(endDay) < to) out.ledger.push([dayStart(endDay), to]);
  const m0 = monthOfDay(firstDay);
  const firstMonth = firstDayOfMonth(m0) === firstDay ? m0 : m0 + 1;
  const endMonth = monthOfDay(endDay);
  if (firstMonth < endMonth) {
    if (firstDay < firstDayOfMonth(firstMonth)) out.days.push([firstDay, firstDayOfMonth(firstMonth)]);
    out.months = [firstMonth, endMonth];
    if (firstDayOfMonth(endMonth) < endDay) out.days.push([firstDayOfMonth(endMonth), endDay]);
  } else {
    out.days.push([firstDay, endDay]);
  }
  return out;
}

export interface Period {
  /** Inclusive start, epoch ms. */
  from: number;
  /** Exclusive end, epoch ms. */
  to: number;
  /** 'YYYY-MM' when the period is one calendar month. */
  month: string | null;
  /** For people: 2026年3月, or 2026-03-01 至 2026-03-15. */
  label: string;
}

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** 'YYYY-MM' of a year the platform deals in (1970–9999; Date.UTC would read 0–99 as 19xx). */
export function parseMonth(month: string): { year: number; month: number } | null {
  const m = MONTH_RE.exec(month);
  if (!m || Number(m[1]) < 1970) return null;
  return { year: Number(m[1]), month: Number(m[2]) };
}

export const monthKey = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** The calendar month 'YYYY-MM' in Shanghai time. */
export function monthPeriod(month: string): Period {
  const m = parseMonth(month);
  if (!m) throw new RangeError(`not a YYYY-MM month: ${JSON.stringify(month)}`);
  const from = Date.UTC(m.year, m.month - 1, 1) - OFFSET;
  const to = Date.UTC(m.year, m.month, 1) - OFFSET;
  return { from, to, month: monthKey(m.year, m.month), label: `${m.year}年${m.month}月` };
}

/** The month containing an instant, e.g. now. */
export function monthOf(ms: number): string {
  const d = new Date(ms + OFFSET);
  return monthKey(d.getUTCFullYear(), d.getUTCMonth() + 1);
}

/** `count` consecutive months ending with `last` (inclusive), oldest first. */
export function monthsEndingWith(last: string, count: number): string[] {
  const m = parseMonth(last);
  if (!m) throw new RangeError(`not a YYYY-MM month: ${JSON.stringify(last)}`);
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const idx = m.year * 12 + (m.month - 1) - i;
    out.push(monthKey(Math.floor(idx / 12), (idx % 12) + 1));
  }
  return out;
}

/** 'YYYY-MM-DD HH:MM' in Shanghai time. */
export function localStamp(ms: number): string {
  return new Date(ms + OFFSET).toISOString().slice(0, 16).replace('T', ' ');
}

export function rangePeriod(from: number, to: number): Period {
  const day = (ms: number) => new Date(ms + OFFSET).toISOString().slice(0, 10);
  const label =
    isDayAligned(from) && isDayAligned(to)
      ? `${day(from)} 至 ${day(to - 1)}`
      : `${localStamp(from)} 至 ${localStamp(to)}`;
  return { from, to, month: null, label };
}
