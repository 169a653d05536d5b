import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WEIGHTS,
  dayOf,
  dayStart,
  firstDayOfMonth,
  isDayAligned,
  monthOfDay,
  splitPeriod,
  monthOf,
  monthPeriod,
  monthsEndingWith,
  rangePeriod,
  weightsProblem,
  zeroCounters,
  type Counters,
  type MetricWeights,
} from './definitions';
import { avgHandlingHours, buildReport, deductionOf, rankRows, ratesOf, rowOf, scoreOf } from './compute';

const c = (over: Partial<Counters>): Counters => ({ ...zeroCounters(), ...over });
const HOUR = 3_600_000;

describe('rates', () => {
  it('divides each numerator by its denominator, and says null when there is nothing to judge', () => {
    const r = ratesOf(
      c({
        dispatched: 8,
        signedOnTime: 6,
        returned: 2,
        completed: 5,
        completedOnTime: 4,
        visited: 4,
        satisfied: 3,
        closed: 4,
        solved: 3,
        reworked: 1,
      }),
    );
    expect(r).toEqual({
      signOnTime: 0.75,
      onTimeCompletion: 0.8,
      satisfaction: 0.75,
      solve: 0.75,
      return: 0.25,
      rework: 0.25,
    });
    expect(ratesOf(zeroCounters())).toEqual({
      signOnTime: null,
      onTimeCompletion: null,
      satisfaction: null,
      solve: null,
      return: null,
      rework: null,
    });
  });

  it('averages working hours over the accepted replies', () => {
    expect(avgHandlingHours(c({ completed: 3, handlingMs: 10 * HOUR }))).toBe(3.33);
    expect(avgHandlingHours(c({ completed: 0, handlingMs: 0 }))).toBeNull();
  });
});

describe('score', () => {
  const perfect = c({
    dispatched: 10,
    signedOnTime: 10,
    completed: 10,
    completedOnTime: 10,
    visited: 10,
    satisfied: 10,
    closed: 10,
    solved: 10,
  });

  it('gives 100 to a unit that did everything right, and takes points off per late sign-for and per 超期', () => {
    expect(scoreOf(perfect, 0, DEFAULT_WEIGHTS)).toBe(100);
    const late = { ...perfect, signedOnTime: 8, signedLate: 2 };
    // sign rate 0.8 costs 15 × 0.2 = 3 points; two late sign-fors 2 × 0.5, three 超期 3 × 1
    expect(deductionOf(late, 3, DEFAULT_WEIGHTS)).toBe(4);
    expect(scoreOf(late, 3, DEFAULT_WEIGHTS)).toBe(93);
  });

  it('scores less-is-better rates as 1 − rate', () => {
    const bouncy = { ...perfect, returned: 5, reworked: 2 };
    // 退单率 0.5 → 10 × 0.5 = 5 lost; 重办率 0.2 → 10 × 0.2 = 2 lost
    expect(scoreOf(bouncy, 0, DEFAULT_WEIGHTS)).toBe(93);
  });

  it('renormalises over the indicators that have something to judge', () => {
    // only dispatches this period: the score is the sign-for and return rates' weighted mean
    const onlyDispatched = c({ dispatched: 4, signedOnTime: 3 });
    expect(scoreOf(onlyDispatched, 0, DEFAULT_WEIGHTS)).toBe(round2((100 * (15 * 0.75 + 10 * 1)) / 25));
    expect(scoreOf(zeroCounters(), 0, DEFAULT_WEIGHTS)).toBeNull();
  });

  it('caps the deductions and never goes below 0', () => {
    const w: MetricWeights = { ...DEFAULT_WEIGHTS, deductions: { lateSign: 5, overdue: 5, max: 30 } };
    const bad = c({ dispatched: 10, signedLate: 10, completed: 10 });
    expect(deductionOf(bad, 10, w)).toBe(30);
    expect(scoreOf(bad, 10, w)).toBe(0);
  });

  it('follows the weights: all weight on satisfaction makes the score the satisfaction rate', () => {
    const w: MetricWeights = {
      weights: { signOnTime: 0, onTimeCompletion: 0, satisfaction: 100, solve: 0, return: 0, rework: 0 },
      deductions: { lateSign: 0, overdue: 0, max: 0 },
    };
    expect(scoreOf({ ...perfect, satisfied: 7 }, 5, w)).toBe(70);
  });

  it('accepts weights that add up to 100 only', () => {
    expect(weightsProblem(DEFAULT_WEIGHTS)).toBeNull();
    expect(weightsProblem({ ...DEFAULT_WEIGHTS, weights: { ...DEFAULT_WEIGHTS.weights, solve: 20 } })).toMatch(/105/);
  });
});

describe('ranking and total', () => {
  const w = DEFAULT_WEIGHTS;
  it('ranks by score with shared ranks for ties (1, 1, 3); units without a score come last', () => {
    const rows = [
      rowOf('a', '甲', c({ dispatched: 2, signedOnTime: 1 }), 0, w),
      rowOf('b', '乙', c({ dispatched: 2, signedOnTime: 2 }), 0, w),
      rowOf('c', '丙', c({ dispatched: 1, signedOnTime: 1 }), 0, w),
      rowOf('d', '丁', c({ dispatched: 1 }), 0, w),
      rowOf('e', '戊', zeroCounters(), 1, w),
    ];
    const ranked = rankRows(rows);
    expect(ranked.map((r) => [r.unitId, r.rank])).toEqual([
      ['b', 1],
      ['c', 1],
      ['a', 3],
      ['d', 4],
      ['e', null],
    ]);
    const tie = rankRows([
      rowOf('x', '甲', c({ dispatched: 1, signedOnTime: 1 }), 0, w),
      rowOf('y', '乙', c({ dispatched: 3, signedOnTime: 3 }), 0, w),
      rowOf('z', '丙', c({ dispatched: 1 }), 0, w),
    ]);
    expect(tie.map((r) => [r.unitId, r.rank])).toEqual([
      ['y', 1],
      ['x', 1],
      ['z', 3],
    ]);
  });

  it('a unit dispatched nothing in the period is not ranked, and is listed after the ranked ones', () => {
    // 己 only answered and had visited older orders this month: a perfect score from nothing new
    const idle = rowOf('f', '己', c({ completed: 2, completedOnTime: 2, visited: 2, satisfied: 2 }), 0, w);
    expect(idle.score).toBe(100);
    const ranked = rankRows([idle, rowOf('a', '甲', c({ dispatched: 2, signedOnTime: 1 }), 0, w)]);
    expect(ranked.map((r) => [r.unitId, r.rank])).toEqual([
      ['a', 1],
      ['f', null],
    ]);
  });

  it('builds the street total as the sum of the listed units and leaves out units with nothing', () => {
    const period = monthPeriod('2026-03');
    const r = buildReport(
      period,
      period.to,
      {
        counters: new Map([
          [
            'a',
            c({ dispatched: 3, signedOnTime: 2, signedLate: 1, completed: 2, completedOnTime: 1, overdueClosed: 1 }),
          ],
          ['b', c({ dispatched: 1, signedOnTime: 1 })],
          ['idle', zeroCounters()],
        ]),
        overdueOpen: new Map([['b', 2]]),
      },
      (id) => `单位${id}`,
      w,
    );
    expect(r.units.map((u) => u.unitId).sort()).toEqual(['a', 'b']);
    expect(r.total).toMatchObject({
      unitId: null,
      unitName: '全街道合计',
      dispatched: 4,
      signedOnTime: 3,
      overdueClosed: 1,
      overdueOpen: 2,
      overdue: 3,
      lateCompletions: 1,
      score: null,
      rank: null,
    });
    expect(r.total.rates.signOnTime).toBe(0.75);
    expect(r.units.find((u) => u.unitId === 'b')!.overdue).toBe(2);
  });
});

describe('periods (Asia/Shanghai)', () => {
  it('a month runs from its first local midnight to the next month’s', () => {
    const p = monthPeriod('2026-03');
    expect(new Date(p.from).toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(new Date(p.to).toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(p.label).toBe('2026年3月');
    expect(monthPeriod('2026-12').to).toBe(Date.parse('2026-12-31T16:00:00Z'));
    expect(() => monthPeriod('2026-13')).toThrow(RangeError);
    expect(() => monthPeriod('0099-01')).toThrow(RangeError); // not 1999 by Date.UTC's two-digit rule
  });

  it('counts months back across a year end, and finds the month of an instant in local time', () => {
    expect(monthsEndingWith('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(monthsEndingWith('2026-03', 12)[0]).toBe('2025-04');
    expect(monthOf(Date.parse('2026-02-28T16:30:00Z'))).toBe('2026-03'); // 00:30 on 1 March in Shanghai
  });

  it('maps instants to local days for the roll-up', () => {
    const midnight = Date.parse('2026-03-01T16:00:00Z');
    expect(isDayAligned(midnight)).toBe(true);
    expect(isDayAligned(midnight + 1)).toBe(false);
    expect(dayStart(dayOf(midnight + 5 * HOUR))).toBe(midnight);
    expect(dayOf(midnight - 1)).toBe(dayOf(midnight) - 1);
    expect(rangePeriod(midnight, midnight + 86_400_000 * 2).label).toBe('2026-03-02 至 2026-03-03');
  });

  it('cuts a period into whole months, whole days and part-days that cover it exactly once', () => {
    const march = monthPeriod('2026-03');
    const m = monthOfDay(dayOf(march.from));
    expect(m).toBe(2026 * 12 + 2);
    expect(dayStart(firstDayOfMonth(m))).toBe(march.from);
    expect(splitPeriod(march.from, march.to)).toEqual({ ledger: [], days: [], months: [m, m + 1] });
    // 10 Feb 09:00 → 3 May 18:00: a part-day, whole days of February, March and April, days of May, a part-day
    const from = Date.parse('2026-02-10T09:00:00+08:00');
    const to = Date.parse('2026-05-03T18:00:00+08:00');
    const parts = splitPeriod(from, to);
    expect(parts.ledger).toEqual([
      [from, Date.parse('2026-02-11T00:00:00+08:00')],
      [Date.parse('2026-05-03T00:00:00+08:00'), to],
    ]);
    expect(parts.days.map(([a, b]) => [dayStart(a), dayStart(b)])).toEqual([
      [Date.parse('2026-02-11T00:00:00+08:00'), Date.parse('2026-03-01T00:00:00+08:00')],
      [Date.parse('2026-05-01T00:00:00+08:00'), Date.parse('2026-05-03T00:00:00+08:00')],
    ]);
    expect(parts.months).toEqual([m, m + 2]);
    // within one day: the ledger only; across a year end
    expect(splitPeriod(from, from + HOUR)).toEqual({ ledger: [[from, from + HOUR]], days: [], months: null });
    const ny = splitPeriod(monthPeriod('2025-12').from, monthPeriod('2026-01').to);
    expect(ny.months).toEqual([2025 * 12 + 11, 2026 * 12 + 1]);
    // a random cover check: every hour of a long range is in exactly one part
    const a = Date.parse('2025-11-17T13:30:00+08:00');
    const b = Date.parse('2026-02-02T07:00:00+08:00');
    const p = splitPeriod(a, b);
    const covered = (t: number) =>
      p.ledger.filter(([x, y]) => t >= x && t < y).length +
      p.days.filter(([x, y]) => dayOf(t) >= x && dayOf(t) < y).length +
      (p.months && monthOfDay(dayOf(t)) >= p.months[0] && monthOfDay(dayOf(t)) < p.months[1] ? 1 : 0);
    for (let t = a - 5 * HOUR; t < b + 5 * HOUR; t += HOUR / 2)
      expect(covered(t), new Date(t).toISOString()).toBe(t >= a && t < b ? 1 : 0);
  });
});

const round2 = (x: number) => Math.round(x * 100) / 100;
