/**
 * A year of demo work-order history, written as an IMPORT: the rows and timelines the service
 * would have produced (built by history-builder.ts through the pure state machine), inserted in
 * batched multi-row INSERTs, a few thousand rows per transaction, with ONE audit row for the
 * whole import (`seed.orders_history`) — not 95,000 replayed use cases with their audit rows,
 * outbox events and hooks. Rows are marked `demo = 1`. What hooks would have derived is caught up
 * after: the SLA module's replan job is enqueued with the audit row, and the seed rebuilds the
 * metrics ledger (`orders.metrics.rebuild`).
 *
 * Business numbers: the per-day sequences are RESERVED first (one upsert adding each day's count
 * to `order_numbers`), so the history takes the next numbers of every day it touches and orders
 * created afterwards (or meanwhile) continue after them. On an empty database that is simply
 * 1…n per day, in time order.
 */
import { CompiledQuery, sql } from 'kysely';
import type { PlatformContext } from '../../../platform/context';
import { SYSTEM_CONTEXT } from '../../../platform/audit';
import type { Queryable } from '../../../platform/db/connect';
import type { Areal } from '../../../platform/geo';
import { enqueueJob } from '../../../platform/jobs';
import type { OrdersServices } from '../services';
import { deadlineCalculator } from '../actions/deadlines';
import { HistoryBuilder, type HistoryArea, type HistoryInputs, type HistoryStats } from './history-builder';
import type { EventRow } from './history-plan';
import type { OrderRow } from '../row';
import { SLA_JOB } from '../sla';

/** What the first `npm start` seeds: a quick start that still fills every workbench and chart. */
export const DEFAULT_HISTORY_ORDERS = 5_000;
export const DEFAULT_HISTORY_SEED = 20_260_302;

export interface HistoryOptions {
  count: number;
  seed?: number;
  /** Orders per transaction (each with its ~8 timeline rows). Default 500. */
  batchOrders?: number;
  /** Write the timeline too (default true; benchmarks that only need orders may skip it). */
  events?: boolean;
  /** Called after every committed batch. */
  onProgress?(done: number, total: number): void;
  /**
   * Let the SLA module plan the clocks of the orders still open (default true: its replan job is
   * enqueued with the import). The metrics ledger is rebuilt by the caller (src/seed/index.ts
   * calls `orders.metrics.rebuild()` after the import). Benchmarks that only need rows skip it.
   */
  derived?: boolean;
}

export interface HistoryResult extends HistoryStats {
  /** The import itself: build and insert. */
  ms: number;
  from: number;
  to: number;
  summary: string;
}

/** The builder's inputs from the running module: units, rules, map, users, calendar, categories. */
export async function loadHistoryInputs(p: PlatformContext, m: OrdersServices, seed: number): Promise<HistoryInputs> {
  const areas = async (layer: 'community' | 'grid'): Promise<HistoryArea[]> =>
    (await m.deps.geo.layer(layer)).features.map((f) => ({
      code: String(f.properties?.code),
      name: String(f.properties?.name),
      orgId: (f.properties?.orgId as string | null) ?? null,
      parent: (f.properties?.communityCode as string | undefined) ?? null,
      geometry: f.geometry as Areal,
    }));
  const users = await p.db
    .selectFrom('users')
    .select(['id', 'username', 'name', 'phone'])
    .where('username', 'in', ['dispatcher', 'leader', 'handler', 'citizen'])
    .execute();
  const user = (username: string, fallback: string) => {
    const u = users.find((x) => x.username === username);
    return { id: u?.id ?? null, name: u?.name ?? fallback, phone: u?.phone ?? '13912345678' };
  };
  const cal = p.calendar;
  return {
    now: p.clock.now(),
    seed,
    calc: deadlineCalculator(cal, m.categories),
    workingMsBetween: (a, b, pauses) => (b <= a ? 0 : cal.workingMsBetween(a, b, pauses as any)),
    category: (code) => m.categories.get(code),
    units: m.units.all(),
    rules: await m.deps.rules(),
    communities: await areas('community'),
    grids: await areas('grid'),
    users: {
      dispatcher: user('dispatcher', '陈调度'),
      leader: user('leader', '梁主任'),
      handler: { ...user('handler', '李办理'), unitCode: 'GC-ZF' },
      citizen: user('citizen', '张市民'),
    },
  };
}

/** Generates and imports `count` orders dated over the 12 months before now. */
export async function generateOrderHistory(
  p: PlatformContext,
  m: OrdersServices,
  opts: HistoryOptions,
): Promise<HistoryResult> {
  const t0 = performance.now();
  const inputs = await loadHistoryInputs(p, m, opts.seed ?? DEFAULT_HISTORY_SEED);
  const builder = new HistoryBuilder(inputs, opts.count);
  const first = await reserveNumbers(p.db, builder.dayCounts());
  const withEvents = opts.events !== false;
  const derived = opts.derived !== false;
  let done = 0;
  for (const chunk of builder.chunks(opts.batchOrders ?? 500, (day) => first.get(day) ?? 1)) {
    await p.db.transaction().execute(async (trx) => {
      await insertRows(trx, p.dialect, 'orders', ORDER_COLUMNS, chunk.orders);
      // in key order: the timeline's primary-key B-tree then takes each batch in one sweep
      if (withEvents)
        await insertRows(
          trx,
          p.dialect,
          'order_events',
          EVENT_COLUMNS,
          chunk.events.sort((a, b) => (a.id < b.id ? -1 : 1)),
        );
    });
    done += chunk.orders.length;
    opts.onProgress?.(done, builder.count);
  }
  const stats = builder.stats;
  if (stats.refusals)
    p.logger.warn(
      { refusals: stats.refusals, first: stats.firstRefusal },
      'demo history: the state machine refused some steps',
    );
  const ms = Math.round(performance.now() - t0);
  const from = inputs.now - 365 * 86_400_000;
  await p.transact(SYSTEM_CONTEXT, async (w) => {
    w.audit({
      action: 'seed.orders_history',
      entityType: 'system',
      entityId: 'demo',
      after: {
        orders: stats.orders,
        events: withEvents ? stats.events : 0,
        from,
        to: inputs.now,
        seed: inputs.seed,
        byState: stats.byState,
        ms,
      },
    });
    // one event for the whole import, for whatever else keeps data derived from order changes
    w.emit({
      type: 'orders.history_imported',
      entityType: 'system',
      entityId: 'demo',
      data: { orders: stats.orders, from, to: inputs.now },
    });
    // the import ran no hooks: let the SLA module plan the clocks of the orders still open
    if (derived) await enqueueJob(w.trx, SLA_JOB.replan, { runAt: w.now, payload: {} }, w.now);
  });

  const summary = `${stats.orders} orders of demo history (${withEvents ? stats.events : 0} timeline entries) over the 12 months before now in ${(ms / 1000).toFixed(1)} s`;
  return { ...stats, ms, from, to: inputs.now, summary };
}

/**
 * `yiwang seed --orders N` on a database that already holds the demo: N MORE orders of history
 * (another seed, numbers after the existing ones). Refused unless the demo map is loaded, so a
 * real street's database never receives demo orders by mistake.
 */
export async function addOrderHistory(
  p: PlatformContext,
  m: OrdersServices,
  count: number,
): Promise<{ added: boolean; summary: string }> {
  const communities = (await m.deps.geo.layer('community')).features;
  if (communities.length === 0 || !communities.every((f) => f.properties?.demo)) {
    return {
      added: false,
      summary: 'not a demo database (no demo community map): demo history is added only to the Guicheng demo dataset',
    };
  }
  const existing = await p.db
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const res = await generateOrderHistory(p, m, { count, seed: DEFAULT_HISTORY_SEED + Number(existing.n) + 1 });
  return { added: true, summary: `added ${res.summary} to the ${Number(existing.n)} orders already there` };
}

/**
 * Adds each day's count to its `order_numbers` row in one statement and returns each day's first
 * reserved number. Concurrent intake on the same day simply gets the numbers after ours.
 */
export async function reserveNumbers(db: Queryable, counts: Map<string, number>): Promise<Map<string, number>> {
  const first = new Map<string, number>();
  const days = [...counts.entries()];
  for (let i = 0; i < days.length; i += 1000) {
    const part = days.slice(i, i + 1000);
    const rows = await db
      .insertInto('order_numbers')
      .values(part.map(([day, n]) => ({ day, last: n })))
      .onConflict((oc) => oc.column('day').doUpdateSet({ last: sql`order_numbers.last + excluded.last` }))
      .returning(['day', 'last'])
      .execute();
    for (const r of rows) first.set(r.day, Number(r.last) - counts.get(r.day)! + 1);
  }
  return first;
}

export const ORDER_COLUMNS: readonly (keyof OrderRow)[] = [
  'id',
  'number',
  'channel',
  'category_code',
  'suggested_category',
  'suggestion_confidence',
  'request_type',
  'title',
  'description',
  'address',
  'lng',
  'lat',
  'community_code',
  'grid_code',
  'reporter_name',
  'reporter_phone',
  'reporter_user_id',
  'urgency',
  'state',
  'unit_id',
  'main_order_id',
  'needs_visit',
  'attachments',
  'source_ref',
  'clock_started_at',
  'clock_stopped_at',
  'dispatched_at',
  'sign_deadline',
  'completion_deadline',
  'reopened_at',
  'suspended',
  'pauses',
  'signed_at',
  'first_contact_at',
  'reply',
  'replied_at',
  'visit_result',
  'visited_at',
  'closed_at',
  'archived_at',
  'cancelled_at',
  'return_request',
  'extension_request',
  'supervision_level',
  'bounce_count',
  'reopen_count',
  'extension_count',
  'urge_count',
  'last_urged_at',
  'sla_status',
  'created_at',
  'updated_at',
  'version',
  'demo',
];
export const EVENT_COLUMNS: readonly (keyof EventRow)[] = [
  'id',
  'order_id',
  'at',
  'type',
  'actor_id',
  'actor_name',
  'unit_id',
  'from_state',
  'to_state',
  'note',
  'data',
];

/** Bound parameters per statement: SQLite's default limit is 32,766, PostgreSQL's 65,535. */
const MAX_PARAMS = { sqlite: 32_000, postgres: 65_000 } as const;
const statements = new Map<string, string>();

/**
 * Multi-row INSERTs as prepared text with bound parameters, bypassing the query builder (which
 * costs more than the database at this volume). Runs on `q`, so inside the caller's transaction.
 */
export async function insertRows<R>(
  q: Queryable,
  dialect: 'sqlite' | 'postgres',
  table: string,
  columns: readonly (keyof R)[],
  rows: readonly R[],
): Promise<void> {
  const per = Math.max(1, Math.floor(MAX_PARAMS[dialect] / columns.length));
  for (let i = 0; i < rows.length; i += per) {
    const part = rows.slice(i, i + per);
    const params: unknown[] = new Array(part.length * columns.length);
    let k = 0;
    for (const row of part) for (const c of columns) params[k++] = row[c] ?? null;
    await q.executeQuery(
      CompiledQuery.raw(insertText(dialect, table, columns as readonly string[], part.length), params),
    );
  }
}

function insertText(dialect: 'sqlite' | 'postgres', table: string, columns: readonly string[], n: number): string {
  const key = `${dialect}:${table}:${columns.length}:${n}`;
  let text = statements.get(key);
  if (!text) {
    const tuples: string[] = [];
    let k = 1;
    for (let i = 0; i < n; i++) {
      const ph = columns.map(() => (dialect === 'postgres' ? `$${k++}` : '?'));
      tuples.push(`(${ph.join(',')})`);
    }
    text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(',')}) values ${tuples.join(',')}`;
    statements.set(key, text);
  }
  return text;
}
