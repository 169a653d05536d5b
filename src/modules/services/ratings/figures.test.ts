import { describe, expect, it } from 'vitest';
import { figures, type FigureRow } from './figures';

const row = (over: Partial<FigureRow>): FigureRow => ({
  round: 1,
  level: 5,
  current: true,
  voided: false,
  groundless: false,
  departmentId: 'd1',
  windowId: 'w1',
  month: '2026-03',
  rectification: null,
  ...over,
});

describe('figures', () => {
  const rows: FigureRow[] = [
    row({ level: 5 }),
    row({ level: 3 }),
    // a bad rating fixed on time, re-rated 4: counted once, satisfied now, still one 差评, rectified
    row({ level: 2, current: false, rectification: { status: 'fixed', fixedAt: 10, fixDue: 20 } }),
    row({ round: 2, level: 4 }),
    // fixed late
    row({ departmentId: 'd2', windowId: 'w2', level: 1, rectification: { status: 'fixed', fixedAt: 30, fixDue: 20 } }),
    // voided by an accepted appeal: out of everything
    row({
      departmentId: 'd2',
      windowId: 'w2',
      level: 1,
      voided: true,
      rectification: { status: 'voided', fixedAt: null, fixDue: 20 },
    }),
    // explained as groundless: counted, not a 差评
    row({
      departmentId: 'd2',
      windowId: null,
      level: 2,
      groundless: true,
      month: '2026-04',
      rectification: { status: 'explained', fixedAt: 5, fixDue: 20 },
    }),
  ];

  it('by department: counts, rates and the 差评率 ranking', () => {
    const { rows: out, total } = figures(rows, 'department');
    expect(out).toEqual([
      expect.objectContaining({
        key: 'd2',
        rank: 1,
        count: 2,
        satisfied: 0,
        bad: 1,
        groundless: 1,
        rectifiedOnTime: 0,
        badRate: 0.5,
        satisfactionRate: 0,
        rectificationRate: 0,
      }),
      expect.objectContaining({
        key: 'd1',
        rank: 2,
        count: 3,
        satisfied: 3,
        bad: 1,
        rectifiedOnTime: 1,
        badRate: 0.3333,
        satisfactionRate: 1,
        rectificationRate: 1,
      }),
    ]);
    expect(total).toMatchObject({
      count: 5,
      satisfied: 3,
      bad: 2,
      rectifiedOnTime: 1,
      satisfactionRate: 0.6,
      badRate: 0.4,
      rectificationRate: 0.5,
    });
  });

  it('by window (a visit without a window under "") and by month', () => {
    const w = figures(rows, 'window').rows.map((r) => [r.key, r.departmentId, r.count]);
    expect(w).toEqual(
      expect.arrayContaining([
        ['w1', 'd1', 3],
        ['w2', 'd2', 1],
        ['', 'd2', 1],
      ]),
    );
    const m = figures(rows, 'month').rows.map((r) => [r.key, r.count, r.bad]);
    expect(m).toEqual(
      expect.arrayContaining([
        ['2026-03', 4, 2],
        ['2026-04', 1, 0],
      ]),
    );
  });

  it('no rows: no groups, null rates', () => {
    const { rows: out, total } = figures([], 'department');
    expect(out).toEqual([]);
    expect(total).toMatchObject({ count: 0, satisfactionRate: null, badRate: null, rectificationRate: null });
  });
});
