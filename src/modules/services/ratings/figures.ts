/**
 * The published 好差评 figures as a pure function of the rows: per department, window or month,
 * count, 满意率, 差评率 and 差评整改率, ranked by 差评率. The repository computes the same with SQL;
 * the tests recompute it from the raw rows with this function and compare.
 *
 * Definitions (one subject = one case or visit):
 *  - count: subjects rated, without voided ratings (an accepted appeal takes a rating out);
 *  - satisfied: subjects whose current rating (the re-rating if there is one) is 基本满意 or better;
 *  - bad: subjects whose first rating was a 差评, less those explained as 不实差评 (groundless);
 *  - rectifiedOnTime: those bad ones whose rectification was fixed (or explained) by its deadline;
 *  - 满意率 = satisfied / count, 差评率 = bad / count, 差评整改率 = rectifiedOnTime / bad.
 */
import { isBad, isSatisfied, rectifiedOnTime } from './rules';
import type { RectificationStatus } from './ratings.contract';

export type FiguresBy = 'department' | 'window' | 'month';

export interface FigureRow {
  round: number;
  level: number;
  current: boolean;
  voided: boolean;
  groundless: boolean;
  departmentId: string;
  windowId: string | null;
  month: string;
  rectification: { status: RectificationStatus; fixedAt: number | null; fixDue: number } | null;
}

export interface FigureCounts {
  key: string;
  departmentId: string | null;
  count: number;
  satisfied: number;
  bad: number;
  groundless: number;
  rectifiedOnTime: number;
}

export interface Figure extends FigureCounts {
  satisfactionRate: number | null;
  badRate: number | null;
  rectificationRate: number | null;
  rank: number;
}

/** The group a rating falls in (a visit without a window groups under ''). */
export const keyOf = (r: Pick<FigureRow, 'departmentId' | 'windowId' | 'month'>, by: FiguresBy): string =>
  by === 'department' ? r.departmentId : by === 'window' ? (r.windowId ?? '') : r.month;

const empty = (key: string, departmentId: string | null): FigureCounts => ({
  key,
  departmentId,
  count: 0,
  satisfied: 0,
  bad: 0,
  groundless: 0,
  rectifiedOnTime: 0,
});

/** Counts per group straight from the rating rows (each with its rectification, if any). */
export function countFigures(rows: readonly FigureRow[], by: FiguresBy): FigureCounts[] {
  const groups = new Map<string, FigureCounts>();
  for (const r of rows) {
    if (r.voided) continue;
    const key = keyOf(r, by);
    // a window is its department's: grouped by both, as the SQL does
    const gk = by === 'window' ? `${key}|${r.departmentId}` : key;
    let g = groups.get(gk);
    if (!g) groups.set(gk, (g = empty(key, by === 'window' ? r.departmentId : null)));
    if (r.current) {
      g.count++;
      if (isSatisfied(r.level)) g.satisfied++;
    }
    if (r.round === 1 && isBad(r.level)) {
      if (r.groundless) g.groundless++;
      else {
        g.bad++;
        if (r.rectification && rectifiedOnTime(r.rectification)) g.rectifiedOnTime++;
      }
    }
  }
  return [...groups.values()];
}

/** Rounded to 4 places (99.87 % → 0.9987): the same figure from SQL and from the rows. */
const rate = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);

/** Rates and the 差评率 ranking (highest first; ties by count, then key), plus the total. */
export function rankFigures(counts: readonly FigureCounts[]): { rows: Figure[]; total: Figure } {
  const withRates = counts.map((c) => ({
    ...c,
    satisfactionRate: rate(c.satisfied, c.count),
    badRate: rate(c.bad, c.count),
    rectificationRate: rate(c.rectifiedOnTime, c.bad),
    rank: 0,
  }));
  withRates.sort(
    (a, b) =>
      (b.badRate ?? -1) - (a.badRate ?? -1) || b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  withRates.forEach((r, i) => {
    r.rank = i + 1;
  });
  const t = empty('total', null);
  for (const c of counts) {
    t.count += c.count;
    t.satisfied += c.satisfied;
    t.bad += c.bad;
    t.groundless += c.groundless;
    t.rectifiedOnTime += c.rectifiedOnTime;
  }
  const total = {
    ...t,
    satisfactionRate: rate(t.satisfied, t.count),
    badRate: rate(t.bad, t.count),
    rectificationRate: rate(t.rectifiedOnTime, t.bad),
    rank: 0,
  };
  return { rows: withRates, total };
}

export const figures = (rows: readonly FigureRow[], by: FiguresBy) => rankFigures(countFigures(rows, by));
