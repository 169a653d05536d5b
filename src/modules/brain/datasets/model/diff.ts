/**
 * What a version changed against the one before: rows added, removed and changed, matched by the
 * key column (without one, rows are matched whole: only added and removed). Pure.
 */
import type { DataRecord } from './schema';

export interface RowChange {
  key: string;
  /** the columns whose value differs */
  columns: string[];
  before: DataRecord;
  after: DataRecord;
}

export interface Diff {
  added: DataRecord[];
  removed: DataRecord[];
  changed: RowChange[];
  unchanged: number;
}

/** A record as text with its keys in order: equal records give equal texts. */
const canonical = (r: DataRecord) =>
  JSON.stringify(
    Object.keys(r)
      .sort()
      .map((k) => [k, r[k] ?? null]),
  );

export function diffRows(prev: readonly DataRecord[], next: readonly DataRecord[], keyColumn: string | null): Diff {
  if (keyColumn === null) return diffWhole(prev, next);
  const keyOf = (r: DataRecord) => String(r[keyColumn] ?? '');
  const before = new Map(prev.map((r) => [keyOf(r), r]));
  const seen = new Set<string>();
  const out: Diff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const r of next) {
    const k = keyOf(r);
    seen.add(k);
    const b = before.get(k);
    if (!b) {
      out.added.push(r);
      continue;
    }
    const columns = [...new Set([...Object.keys(b), ...Object.keys(r)])].filter(
      (c) => (b[c] ?? null) !== (r[c] ?? null),
    );
    if (columns.length) out.changed.push({ key: k, columns, before: b, after: r });
    else out.unchanged++;
  }
  for (const r of prev) if (!seen.has(keyOf(r))) out.removed.push(r);
  return out;
}

function diffWhole(prev: readonly DataRecord[], next: readonly DataRecord[]): Diff {
  const left = new Map<string, number>();
  for (const r of prev) left.set(canonical(r), (left.get(canonical(r)) ?? 0) + 1);
  const out: Diff = { added: [], removed: [], changed: [], unchanged: 0 };
  const matched = new Map<string, number>();
  for (const r of next) {
    const c = canonical(r);
    const n = left.get(c) ?? 0;
    if (n > 0) {
      left.set(c, n - 1);
      matched.set(c, (matched.get(c) ?? 0) + 1);
      out.unchanged++;
    } else out.added.push(r);
  }
  // the previous rows not matched: each text's first `matched` copies were matched
  const used = new Map<string, number>();
  for (const r of prev) {
    const c = canonical(r);
    const u = used.get(c) ?? 0;
    used.set(c, u + 1);
    if (u >= (matched.get(c) ?? 0)) out.removed.push(r);
  }
  return out;
}

/**
 * A merge push: the pushed rows replace the previous rows of the same key, in their place; new
 * keys come after; the previous rows not named are kept.
 */
export function mergeRows<R extends { values: DataRecord }>(
  prev: readonly R[],
  pushed: readonly R[],
  keyColumn: string,
): R[] {
  const keyOf = (r: R) => String(r.values[keyColumn] ?? '');
  const byKey = new Map(pushed.map((r) => [keyOf(r), r]));
  const out: R[] = [];
  for (const r of prev) {
    const k = keyOf(r);
    const n = byKey.get(k);
    out.push(n ?? r);
    byKey.delete(k);
  }
  out.push(...byKey.values());
  return out;
}
