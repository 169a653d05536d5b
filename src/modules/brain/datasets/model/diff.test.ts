import { describe, expect, it } from 'vitest';
import { aggregate } from './aggregate';
import { diffRows, mergeRows } from './diff';
import type { DataRecord } from './schema';

const r = (id: string, n: number | null, extra: DataRecord = {}): DataRecord => ({ id, n, ...extra });

describe('diffRows by key', () => {
  it('finds added, removed, changed (with the columns) and unchanged rows', () => {
    const prev = [r('a', 1), r('b', 2), r('c', 3, { t: 'x' })];
    const next = [r('c', 3, { t: 'y' }), r('a', 1), r('d', 4)];
    const d = diffRows(prev, next, 'id');
    expect(d.added).toEqual([r('d', 4)]);
    expect(d.removed).toEqual([r('b', 2)]);
    expect(d.changed).toEqual([
      { key: 'c', columns: ['t'], before: r('c', 3, { t: 'x' }), after: r('c', 3, { t: 'y' }) },
    ]);
    expect(d.unchanged).toBe(1);
  });

  it('treats a missing column and null alike, and a value becoming null as a change', () => {
    const d = diffRows([{ id: 'a', n: 1 }], [{ id: 'a', n: 1, extra: null }], 'id');
    expect(d.unchanged).toBe(1);
    const e = diffRows([r('a', 1)], [r('a', null)], 'id');
    expect(e.changed.map((c) => c.columns)).toEqual([['n']]);
  });

  it('matches numeric keys with their text', () => {
    const d = diffRows([{ id: 1, n: 1 }], [{ id: 1, n: 2 }], 'id');
    expect(d.changed.map((c) => c.key)).toEqual(['1']);
  });

  it('gives every row as added for a first version and removed for an empty one', () => {
    expect(diffRows([], [r('a', 1), r('b', 2)], 'id')).toEqual({
      added: [r('a', 1), r('b', 2)],
      removed: [],
      changed: [],
      unchanged: 0,
    });
    expect(diffRows([r('a', 1)], [], 'id')).toEqual({ added: [], removed: [r('a', 1)], changed: [], unchanged: 0 });
  });
});

describe('diffRows without a key', () => {
  it('matches whole rows, counting copies, whatever the key order', () => {
    const prev = [r('a', 1), r('a', 1), r('b', 2)];
    const next = [{ n: 1, id: 'a' }, r('b', 3), r('b', 2)];
    const d = diffRows(prev, next, null);
    expect(d.unchanged).toBe(2);
    expect(d.added).toEqual([r('b', 3)]);
    expect(d.removed).toEqual([r('a', 1)]);
    expect(d.changed).toEqual([]);
  });
});

describe('mergeRows', () => {
  it('replaces rows of the same key in place, appends new keys, keeps the rest', () => {
    const w = (id: string, n: number) => ({ values: r(id, n) });
    const out = mergeRows([w('a', 1), w('b', 2), w('c', 3)], [w('d', 9), w('b', 20)], 'id');
    expect(out.map((x) => x.values)).toEqual([r('a', 1), r('b', 20), r('c', 3), r('d', 9)]);
  });
});

describe('aggregate', () => {
  const rows = [
    { community: 'C02', period: '2026-01', values: { v: 10, w: 1 } },
    { community: 'C01', period: '2026-02', values: { v: 5, w: null } },
    { community: 'C01', period: '2026-01', values: { v: 1.5, w: 2 } },
    { community: 'C01', period: '2026-01', values: { v: 2.5, w: 'x' } },
    { community: null, period: '2026-01', values: { v: 7, w: 7 } },
    { community: 'C01', period: null, values: { v: 1, w: 1 } },
  ];
  it('counts rows and sums each number column per community and period, sorted, nulls last', () => {
    expect(aggregate(rows, ['v', 'w'])).toEqual([
      { community: 'C01', period: '2026-01', rows: 2, sums: { v: 4, w: 2 }, counts: { v: 2, w: 1 } },
      { community: 'C01', period: '2026-02', rows: 1, sums: { v: 5, w: 0 }, counts: { v: 1, w: 0 } },
      { community: 'C01', period: null, rows: 1, sums: { v: 1, w: 1 }, counts: { v: 1, w: 1 } },
      { community: 'C02', period: '2026-01', rows: 1, sums: { v: 10, w: 1 }, counts: { v: 1, w: 1 } },
      { community: null, period: '2026-01', rows: 1, sums: { v: 7, w: 7 }, counts: { v: 1, w: 1 } },
    ]);
  });
  it('filters by community and period', () => {
    expect(aggregate(rows, ['v'], { community: 'C01' }).map((c) => c.period)).toEqual(['2026-01', '2026-02', null]);
    expect(aggregate(rows, ['v'], { period: '2026-01' }).map((c) => [c.community, c.sums.v])).toEqual([
      ['C01', 4],
      ['C02', 10],
      [null, 7],
    ]);
    expect(aggregate(rows, ['v'], { community: 'C09' })).toEqual([]);
  });
  it('sums every row of a large random set exactly as a plain loop does', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const many = Array.from({ length: 5000 }, () => ({
      community: `C${Math.floor(rand() * 5)}`,
      period: `2026-0${1 + Math.floor(rand() * 3)}`,
      values: { v: Math.floor(rand() * 1000) },
    }));
    const cells = aggregate(many, ['v']);
    expect(cells.reduce((s, c) => s + c.rows, 0)).toBe(5000);
    for (const c of cells) {
      const mine = many.filter((m) => m.community === c.community && m.period === c.period);
      expect(c.rows).toBe(mine.length);
      expect(c.sums.v).toBe(mine.reduce((s, m) => s + m.values.v, 0));
    }
  });
});
