/**
 * SQL of 工单考核: the ledger and roll-up writes (inside an order change's transaction); the
 * aggregates — GROUP BY unit over the monthly roll-up's (month, unit) key for whole months, the
 * daily one's (day, unit) for whole days, the ledger's (at, unit) for part-days; the open-overdue
 * count over orders_metrics_open; the timeline for the reference; the weights setting.
 */
import { CompiledQuery, sql, type Kysely, type RawBuilder } from 'kysely';
import { dialectOf } from '../../../platform/db/columns';
import type { DB } from '../../../schema';
import type { DialectName, Tx } from '../../../platform/db/connect';
import {
  COLUMN_OF,
  COUNTERS,
  dayOf,
  monthOfDay,
  splitPeriod,
  zeroCounters,
  type Counters,
  type Fact,
  type MetricWeights,
  WEIGHTS_SETTING_KEY,
} from './definitions';
import type { MetricsTables } from './tables';
import { readSetting, writeSetting } from '../../../platform/settings';
import type { TimelineEvent } from './reference';

type Db = Kysely<DB> | Tx;
const FACTS = 'order_metric_facts';
const DAYS = 'order_metric_days';
const MONTHS = 'order_metric_months';

/** Adds the facts of one change to the ledger and the roll-ups, rows in a fixed order (no deadlocks). */
export async function recordFacts(trx: Tx, orderId: string, facts: readonly Fact[]): Promise<void> {
  const merged = new Map<string, Fact>();
  for (const f of facts) {
    const key = `${f.unitId}\u0000${f.at}`;
    const prev = merged.get(key);
    if (!prev) merged.set(key, { ...f, counters: { ...f.counters } });
    else for (const c of COUNTERS) prev.counters[c] = (prev.counters[c] ?? 0) + (f.counters[c] ?? 0);
  }
  const list = [...merged.values()].sort(
    (a, b) => dayOf(a.at) - dayOf(b.at) || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0) || a.at - b.at,
  );
  const pg = dialectOf(trx as never) === 'postgres';
  for (const f of list) {
    const cols = COUNTERS.filter((c) => (f.counters[c] ?? 0) !== 0).map((c) => COLUMN_OF[c]);
    if (cols.length === 0) continue;
    const values = COUNTERS.filter((c) => (f.counters[c] ?? 0) !== 0).map((c) => f.counters[c]!);
    const day = dayOf(f.at);
    await trx.executeQuery(
      CompiledQuery.raw(addingUpsert(pg, FACTS, ['at', 'unit_id', 'order_id', 'day'], 3, cols), [
        f.at,
        f.unitId,
        orderId,
        day,
        ...values,
      ]),
    );
    await trx.executeQuery(
      CompiledQuery.raw(addingUpsert(pg, DAYS, ['day', 'unit_id'], 2, cols), [day, f.unitId, ...values]),
    );
    await trx.executeQuery(
      CompiledQuery.raw(addingUpsert(pg, MONTHS, ['month', 'unit_id'], 2, cols), [
        monthOfDay(day),
        f.unitId,
        ...values,
      ]),
    );
  }
}

const upserts = new Map<string, string>();

/**
 * `insert … on conflict (<the first `keyCount` columns>) do update set c = c + excluded.c` for the
 * counters given, its text kept per table and counter set (Kysely would build and compile these
 * three statements anew for every order change).
 */
function addingUpsert(
  pg: boolean,
  table: string,
  keys: readonly string[],
  keyCount: number,
  counters: readonly string[],
): string {
  const cacheKey = `${pg ? 'p' : 's'}|${table}|${keys.join(',')}|${counters.join(',')}`;
  let text = upserts.get(cacheKey);
  if (text === undefined) {
    const all = [...keys, ...counters];
    let n = 0;
    const params = all.map(() => (pg ? `$${++n}` : '?')).join(', ');
    const conflict = keys
      .slice(0, keyCount)
      .map((k) => `"${k}"`)
      .join(', ');
    const set = counters.map((c) => `"${c}" = "${table}"."${c}" + excluded."${c}"`).join(', ');
    text = `insert into "${table}" (${all.map((c) => `"${c}"`).join(', ')}) values (${params}) on conflict (${conflict}) do update set ${set}`;
    upserts.set(cacheKey, text);
  }
  return text;
}

const sums = (): RawBuilder<unknown> =>
  sql.join(COUNTERS.map((c) => sql`sum(${sql.ref(COLUMN_OF[c])}) as ${sql.ref(c)}`));

/**
 * Per-unit counters of the facts in [from, to): whole months from the monthly roll-up, whole days
 * from the daily one (a few rows per unit, whatever the number of orders), the part-days at
 * either end from the ledger by instant (definitions.ts splitPeriod).
 */
export async function countersByUnit(
  db: Db,
  from: number,
  to: number,
  unitIds?: readonly string[],
): Promise<Map<string, Counters>> {
  if (unitIds && unitIds.length === 0) return new Map();
  const p = splitPeriod(from, to);
  const between = (col: string, [a, b]: [number, number]) => sql`${sql.ref(col)} >= ${a} and ${sql.ref(col)} < ${b}`;
  const parts: Array<Promise<Map<string, Counters>>> = [
    ...p.ledger.map((r) => sumsOf(db, FACTS, between('at', r), unitIds)),
    ...p.days.map((r) => sumsOf(db, DAYS, between('day', r), unitIds)),
    ...(p.months ? [sumsOf(db, MONTHS, between('month', p.months), unitIds)] : []),
  ];
  const out = new Map<string, Counters>();
  for (const part of await Promise.all(parts)) {
    for (const [unit, c] of part) {
      const prev = out.get(unit);
      if (prev) for (const k of COUNTERS) prev[k] += c[k];
      else out.set(unit, c);
    }
  }
  return out;
}

async function sumsOf(
  db: Db,
  table: string,
  where: RawBuilder<unknown>,
  unitIds?: readonly string[],
): Promise<Map<string, Counters>> {
  const units = unitIds ? sql` and unit_id in (${sql.join(unitIds.map((u) => sql`${u}`))})` : sql``;
  const res = await sql<
    Record<string, unknown>
  >`select unit_id, ${sums()} from ${sql.table(table)} where ${where}${units} group by unit_id`.execute(db);
  const out = new Map<string, Counters>();
  for (const r of res.rows) {
    const c = zeroCounters();
    for (const k of COUNTERS) c[k] = Number(r[k] ?? 0);
    out.set(String(r.unit_id), c);
  }
  return out;
}

/** The same sums from the ledger alone (the test and the benchmark compare the two paths). */
export function countersByUnitFromLedger(db: Db, from: number, to: number): Promise<Map<string, Counters>> {
  return sumsOf(db, FACTS, sql`${sql.ref('at')} >= ${from} and ${sql.ref('at')} < ${to}`);
}

/**
 * Missed completion deadlines in [from, min(to, asOf)) of orders still unanswered at asOf, per
 * unit: held (待签收/办理中) past the deadline — a 挂起 order only if suspended after it — or
 * awaiting review with a late reply. Mirrors reference.ts isOverdueOpen.
 */
export async function overdueOpenByUnit(
  db: Db,
  dialect: DialectName,
  from: number,
  to: number,
  asOf: number,
  unitIds?: readonly string[],
): Promise<Map<string, number>> {
  const cut = Math.min(to, asOf);
  if (cut <= from || (unitIds && unitIds.length === 0)) return new Map();
  const units = unitIds ? sql` and unit_id in (${sql.join(unitIds.map((u) => sql`${u}`))})` : sql``;
  const range = sql`completion_deadline >= ${from} and completion_deadline < ${cut} and unit_id is not null${units}`;
  // every column here is in orders_metrics_open: an index-only count
  const held = sql<{ unit_id: string; n: number }>`
    select unit_id, count(*) as n from orders
    where state in ('pending_sign', 'handling', 'pending_review') and ${range}
      and ((state <> 'pending_review' and suspended = 0) or (state = 'pending_review' and clock_stopped_at > completion_deadline))
    group by unit_id`;
  // 挂起 orders (few) need their open span's start: while suspended it is the last one in `pauses`
  const suspendedAt =
    dialect === 'postgres' ? sql`((pauses::jsonb) -> -1 ->> 'from')::bigint` : sql`json_extract(pauses, '$[#-1].from')`;
  const suspended = sql<{ unit_id: string; n: number }>`
    select unit_id, count(*) as n from orders
    where state in ('pending_sign', 'handling') and ${range} and suspended <> 0 and ${suspendedAt} > completion_deadline
    group by unit_id`;
  const out = new Map<string, number>();
  for (const res of await Promise.all([held.execute(db), suspended.execute(db)])) {
    for (const r of res.rows) out.set(String(r.unit_id), (out.get(String(r.unit_id)) ?? 0) + Number(r.n));
  }
  return out;
}

/** Every timeline entry (the reference replays them). Heavy on a large database: on demand only. */
export async function loadTimeline(db: Db): Promise<TimelineEvent[]> {
  const rows = await db
    .selectFrom('order_events')
    .select(['id', 'order_id', 'at', 'type', 'unit_id', 'to_state', 'data'])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    orderId: r.order_id,
    at: Number(r.at),
    type: r.type,
    unitId: r.unit_id,
    toState: r.to_state,
    data: JSON.parse(r.data || '{}'),
  }));
}

/** Replaces the ledger with `facts` and rebuilds the roll-ups from it (repair, backfill). */
export async function replaceLedger(trx: Tx, facts: ReadonlyArray<Fact & { orderId: string }>): Promise<void> {
  const m = trx.withTables<MetricsTables>();
  await m.deleteFrom(FACTS).execute();
  const rows = new Map<string, Record<string, unknown>>();
  for (const f of facts) {
    const key = `${f.orderId}\u0000${f.unitId}\u0000${f.at}`;
    const row = rows.get(key) ?? {
      at: f.at,
      unit_id: f.unitId,
      order_id: f.orderId,
      day: dayOf(f.at),
      ...Object.fromEntries(COUNTERS.map((c) => [COLUMN_OF[c], 0])),
    };
    for (const c of COUNTERS) (row[COLUMN_OF[c]] as number) += f.counters[c] ?? 0;
    rows.set(key, row);
  }
  const all = [...rows.values()];
  for (let i = 0; i < all.length; i += 500)
    await m
      .insertInto(FACTS)
      .values(all.slice(i, i + 500) as any)
      .execute();
  await rebuildRollups(trx);
}

/** The roll-ups recomputed from the ledger (days in SQL, months from the days). */
export async function rebuildRollups(db: Db): Promise<void> {
  const cols = COUNTERS.map((c) => COLUMN_OF[c]);
  await sql`delete from ${sql.table(DAYS)}`.execute(db);
  await sql`insert into ${sql.table(DAYS)} (day, unit_id, ${sql.join(cols.map((c) => sql.ref(c)))})
    select day, unit_id, ${sql.join(cols.map((c) => sql`sum(${sql.ref(c)})`))} from ${sql.table(FACTS)} group by day, unit_id`.execute(
    db,
  );
  const days = await sql<
    Record<string, number | string>
  >`select day, unit_id, ${sql.join(cols.map((c) => sql.ref(c)))} from ${sql.table(DAYS)}`.execute(db);
  const months = new Map<string, Record<string, number | string>>();
  for (const d of days.rows) {
    const month = monthOfDay(Number(d.day));
    const key = `${month}\u0000${d.unit_id}`;
    const row = months.get(key) ?? {
      month,
      unit_id: String(d.unit_id),
      ...Object.fromEntries(cols.map((c) => [c, 0])),
    };
    for (const c of cols) (row[c] as number) += Number(d[c]);
    months.set(key, row);
  }
  await sql`delete from ${sql.table(MONTHS)}`.execute(db);
  const all = [...months.values()];
  const m = (db as Kysely<DB>).withTables<MetricsTables>();
  for (let i = 0; i < all.length; i += 500)
    await m
      .insertInto(MONTHS)
      .values(all.slice(i, i + 500) as any)
      .execute();
}

// ── the weights setting ──────────────────────────────────────────────────────────────────

export async function readWeights(db: Db): Promise<{ value: unknown; updatedAt: number } | null> {
  const row = await readSetting(db, WEIGHTS_SETTING_KEY);
  return row ? { value: JSON.parse(row.value), updatedAt: row.updatedAt } : null;
}

export async function writeWeights(trx: Tx, value: MetricWeights, now: number): Promise<void> {
  await writeSetting(trx, WEIGHTS_SETTING_KEY, JSON.stringify(value), now);
}
