/**
 * The 一网通办 figures as pure functions of the case facts (facts.ts) and of the cases' ratings; the
 * repository computes the same sums in SQL and the tests compare the two. All over the cases
 * accepted (受理) in the period, grouped by item, department, site, channel or month:
 *  - 即办率 = immediate / accepted;  网办率 = online / accepted;  全程网办率 = fullOnline / accepted;
 *  - 包邮率 = mailed / delivered;  按时办结率 = onTime / decided;
 *  - 满意率 = satisfied / rated and 差评整改率 = rectifiedOnTime / bad, over those cases' 一事一评
 *    ratings with the 好差评 module's rules (ratings/rules.ts: the current rating counts, a voided one
 *    not at all, a groundless 差评 is not a 差评, a rectification counts when fixed by its deadline).
 */
import { isBad, isSatisfied, rectifiedOnTime } from '../../ratings/rules';
import type { RectificationStatus } from '../../ratings/ratings.contract';
import type { CaseFacts } from './facts';

export const GROUP_BYS = ['department', 'site', 'item', 'channel', 'month'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export interface Counts {
  key: string;
  accepted: number;
  immediate: number;
  online: number;
  fullOnline: number;
  decided: number;
  onTime: number;
  delivered: number;
  mailed: number;
  rated: number;
  satisfied: number;
  bad: number;
  rectifiedOnTime: number;
}

export interface Rates {
  immediateRate: number | null;
  onlineRate: number | null;
  fullOnlineRate: number | null;
  mailRate: number | null;
  onTimeRate: number | null;
  satisfactionRate: number | null;
  rectificationRate: number | null;
}

export type Figure = Counts & Rates;

/** One rating of an accepted case, with the group keys of its case. */
export interface CaseRatingRow {
  caseId: string;
  round: number;
  level: number;
  current: boolean;
  voided: boolean;
  groundless: boolean;
  rectification: { status: RectificationStatus; fixedAt: number | null; fixDue: number } | null;
}

export const keyOfFacts = (f: CaseFacts, by: GroupBy): string =>
  by === 'department'
    ? f.departmentId
    : by === 'site'
      ? f.siteId
      : by === 'item'
        ? f.itemId
        : by === 'channel'
          ? f.channel
          : f.month;

export const emptyCounts = (key: string): Counts => ({
  key,
  accepted: 0,
  immediate: 0,
  online: 0,
  fullOnline: 0,
  decided: 0,
  onTime: 0,
  delivered: 0,
  mailed: 0,
  rated: 0,
  satisfied: 0,
  bad: 0,
  rectifiedOnTime: 0,
});

const FLAGS = ['immediate', 'online', 'fullOnline', 'decided', 'onTime', 'delivered', 'mailed'] as const;

/** Counts per group from the facts and the ratings of those cases (ratings of other cases are ignored). */
export function countFigures(facts: readonly CaseFacts[], ratings: readonly CaseRatingRow[], by: GroupBy): Counts[] {
  const groups = new Map<string, Counts>();
  const keyOfCase = new Map<string, string>();
  for (const f of facts) {
    const key = keyOfFacts(f, by);
    keyOfCase.set(f.caseId, key);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = emptyCounts(key)));
    g.accepted++;
    for (const flag of FLAGS) if (f[flag]) g[flag]++;
  }
  for (const r of ratings) {
    const key = keyOfCase.get(r.caseId);
    if (key === undefined || r.voided) continue;
    const g = groups.get(key) as Counts;
    if (r.current) {
      g.rated++;
      if (isSatisfied(r.level)) g.satisfied++;
    }
    if (r.round === 1 && isBad(r.level) && !r.groundless) {
      g.bad++;
      if (r.rectification && rectifiedOnTime(r.rectification)) g.rectifiedOnTime++;
    }
  }
  return [...groups.values()];
}

/** Rounded to 4 places (99.87 % → 0.9987): the same figure from SQL and from the rows. */
export const rate = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);

export const ratesOf = (c: Counts): Rates => ({
  immediateRate: rate(c.immediate, c.accepted),
  onlineRate: rate(c.online, c.accepted),
  fullOnlineRate: rate(c.fullOnline, c.accepted),
  mailRate: rate(c.mailed, c.delivered),
  onTimeRate: rate(c.onTime, c.decided),
  satisfactionRate: rate(c.satisfied, c.rated),
  rectificationRate: rate(c.rectifiedOnTime, c.bad),
});

/** The groups with their rates, sorted by key (months in order; the view puts names on them), and the total. */
export function withRates(counts: readonly Counts[]): { rows: Figure[]; total: Figure } {
  const rows = [...counts]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((c) => ({ ...c, ...ratesOf(c) }));
  const t = emptyCounts('total');
  for (const c of counts)
    for (const k of Object.keys(t) as (keyof Counts)[]) if (k !== 'key') (t[k] as number) += c[k] as number;
  return { rows, total: { ...t, ...ratesOf(t) } };
}

export const figures = (facts: readonly CaseFacts[], ratings: readonly CaseRatingRow[], by: GroupBy) =>
  withRates(countFigures(facts, ratings, by));
