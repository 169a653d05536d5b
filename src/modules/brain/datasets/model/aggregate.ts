/**
 * Figures per community and period from a version's raw rows: the row count and, per number
 * column, the sum and how many rows had a value (so a screen can show a sum or an average). Pure.
 */
import type { DataRecord } from './schema';

export interface AggregateRow {
  community: string | null;
  period: string | null;
  values: DataRecord;
}

export interface AggregateCell {
  community: string | null;
  period: string | null;
  rows: number;
  sums: Record<string, number>;
  counts: Record<string, number>;
}

export interface AggregateFilter {
  community?: string;
  period?: string;
}

/** nulls after every value, values in text order */
const order = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);

export function aggregate(
  rows: readonly AggregateRow[],
  numberColumns: readonly string[],
  filter: AggregateFilter = {},
): AggregateCell[] {
  const cells = new Map<string, AggregateCell>();
  for (const r of rows) {
    if (filter.community !== undefined && r.community !== filter.community) continue;
    if (filter.period !== undefined && r.period !== filter.period) continue;
    const k = JSON.stringify([r.community, r.period]);
    let cell = cells.get(k);
    if (!cell) {
      cell = {
        community: r.community,
        period: r.period,
        rows: 0,
        sums: Object.fromEntries(numberColumns.map((c) => [c, 0])),
        counts: Object.fromEntries(numberColumns.map((c) => [c, 0])),
      };
      cells.set(k, cell);
    }
    cell.rows++;
    for (const c of numberColumns) {
      const v = r.values[c];
      if (typeof v === 'number') {
        cell.sums[c]! += v;
        cell.counts[c]!++;
      }
    }
  }
  return [...cells.values()].sort((a, b) => order(a.community, b.community) || order(a.period, b.period));
}
