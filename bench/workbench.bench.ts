/**
 * Workbench list queries at city scale: 1,000,000 orders in the table, then the real query service
 * (`app.orders.queries.list(principal, filter)`) for a dispatcher (whole street) and a handler
 * (城管's subtree): by state, unit + state, overdue, text search, keyset page 2 — p50/p99 over many
 * runs. Baseline in the same run: `select * from orders order by id limit 50`. Target p99 < 50 ms.
 *
 * The rows: a year of demo history from the generator's row builder (BENCH_TEMPLATE orders, no
 * timelines), cloned with new ids and numbers up to BENCH_ORDERS — a street's year times twenty.
 *
 *   npx tsx bench/workbench.bench.ts        (BENCH_ORDERS=1000000, BENCH_TEMPLATE=50000, BENCH_RUNS=200)
 *   BENCH_DATA_DIR=/tmp/wb (SQLite) or BENCH_PG_SCHEMA=wb (PostgreSQL) keeps the filled store for the next run.
 */
import { sql } from 'kysely';
import { localDateKey } from '../src/platform/calendar';
import type { Principal } from '../src/platform/auth/principal';
import { loadHistoryInputs, insertRows, ORDER_COLUMNS } from '../src/modules/orders/demo/history-generator';
import { HistoryBuilder } from '../src/modules/orders/demo/history-builder';
import type { OrderFilter } from '../src/modules/orders/queries/queries.service';
import type { OrderRow } from '../src/modules/orders/row';
import { seedIfEmpty } from '../src/seed';
import { benchDialects, cpuMs, heading, ms, startBenchApp, summarize, type Dialect } from './lib';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const TEMPLATE = Math.min(ORDERS, Number(process.env.BENCH_TEMPLATE ?? 50_000));
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const TARGET_P99 = 50;

export interface WorkbenchFigure {
  dialect: Dialect;
  name: string;
  p50: number;
  p99: number;
  rows: number;
}

export async function benchWorkbench(dialect: Dialect): Promise<WorkbenchFigure[]> {
  const b = await startBenchApp(dialect, { JOBS: 'off' });
  try {
    const app = b.app;
    await seedIfEmpty(app, { orders: 0, trainingSamples: 500 });
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const have = Number(
      (
        await app.platform.db
          .selectFrom('orders')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    if (have >= ORDERS)
      console.log(`${dialect}: reusing the ${have.toLocaleString('en')} orders already in the kept store`);
    else {
      await fill(app, dialect);
      console.log(
        `${dialect}: ${ORDERS.toLocaleString('en')} orders inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s (cpu ${(cpuMs(c0) / 1000).toFixed(1)} s)`,
      );
    }
    if (dialect === 'postgres') await sql`vacuum analyze orders`.execute(app.platform.db); // as autovacuum would have, after a bulk load

    const userId = async (username: string) =>
      (
        await app.platform.db
          .selectFrom('users')
          .select('id')
          .where('username', '=', username)
          .executeTakeFirstOrThrow()
      ).id;
    const dispatcher = (await app.identity.auth.principalOf(await userId('dispatcher')))!;
    const handler = (await app.identity.auth.principalOf(await userId('handler')))!;
    const zf = app.orders.units.all().find((u) => u.code === 'GC-ZF')!.id;
    const page1 = await app.orders.queries.list(dispatcher, { state: ['handling'] });
    const hPage1 = await app.orders.queries.list(handler, { state: ['handling'] });

    const cases: Array<[string, Principal, OrderFilter]> = [
      ['dispatcher: state=待分拨', dispatcher, { state: ['pending_dispatch'] }],
      ['dispatcher: state=办理中', dispatcher, { state: ['handling'] }],
      ['dispatcher: state=已办结 (a big one)', dispatcher, { state: ['closed'] }],
      ['dispatcher: unit 城管 + state=办理中', dispatcher, { unitId: zf, state: ['handling'] }],
      ['dispatcher: open + overdue', dispatcher, { open: true, sla: 'overdue' }],
      ['dispatcher: text "占道" (common)', dispatcher, { q: '占道' }],
      ['dispatcher: text "加装电梯" (rarer)', dispatcher, { q: '加装电梯' }],
      ['dispatcher: text "垃圾桶" (3 characters, common)', dispatcher, { q: '垃圾桶' }],
      ['dispatcher: 办理中, keyset page 2', dispatcher, { state: ['handling'], before: page1.next ?? undefined }],
      ['dispatcher: open, by deadline', dispatcher, { open: true, sort: 'deadline' }],
      ['handler: state=待签收', handler, { state: ['pending_sign'] }],
      ['handler: state=办理中', handler, { state: ['handling'] }],
      ['handler: state=归档 (a big one)', handler, { state: ['archived'] }],
      ['handler: open + overdue', handler, { open: true, sla: 'overdue' }],
      ['handler: text "占道"', handler, { q: '占道' }],
      ['handler: text "加装电梯" (rarer)', handler, { q: '加装电梯' }],
      ['handler: text "垃圾桶" (3 characters, common)', handler, { q: '垃圾桶' }],
      ['handler: 办理中, keyset page 2', handler, { state: ['handling'], before: hPage1.next ?? undefined }],
    ];
    const base = await time(RUNS, () =>
      sql`select * from orders order by id limit 50`.execute(app.platform.db).then((r) => r.rows.length),
    );
    console.log(
      `${dialect}: baseline select * from orders order by id limit 50: p50 ${ms(base.p50)}, p99 ${ms(base.p99)}`,
    );
    const out: WorkbenchFigure[] = [];
    for (const [name, principal, filter] of cases) {
      const r = await time(RUNS, async () => (await app.orders.queries.list(principal, filter)).items.length);
      out.push({ dialect, name, p50: r.p50, p99: r.p99, rows: r.rows });
      console.log(
        `${dialect}: ${name.padEnd(34)} ${String(r.rows).padStart(3)} rows  p50 ${ms(r.p50).padStart(9)}  p99 ${ms(r.p99).padStart(9)}  ` +
          `(${(r.p99 / base.p99).toFixed(1)}× baseline p99)  ${r.p99 < TARGET_P99 ? 'ok' : `MISSES p99 < ${TARGET_P99} ms`}`,
      );
    }
    // the workbench tab counts (GET /api/orders/counts): one GROUP BY over the open orders in scope
    for (const [who, principal] of [
      ['dispatcher', dispatcher],
      ['handler', handler],
    ] as const) {
      const r = await time(RUNS, async () =>
        Object.values((await app.orders.queries.counts(principal)).byState).reduce((a, b) => a + b, 0),
      );
      const name = `${who}: tab counts (${r.rows} open orders)`;
      out.push({ dialect, name, p50: r.p50, p99: r.p99, rows: r.rows });
      console.log(
        `${dialect}: ${name.padEnd(34)}            p50 ${ms(r.p50).padStart(9)}  p99 ${ms(r.p99).padStart(9)}  ` +
          `(${(r.p99 / base.p99).toFixed(1)}× baseline p99)  ${r.p99 < TARGET_P99 ? 'ok' : `MISSES p99 < ${TARGET_P99} ms`}`,
      );
    }
    return out;
  } finally {
    await b.dispose();
  }
}

async function time(runs: number, fn: () => Promise<number>) {
  let rows = 0;
  for (let i = 0; i < 5; i++) rows = await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return { ...summarize(samples), rows };
}

/** TEMPLATE orders from the history builder, then clones with fresh ids and numbers up to ORDERS. */
async function fill(app: Awaited<ReturnType<typeof startBenchApp>>['app'], dialect: Dialect) {
  const inputs = await loadHistoryInputs(app.platform, app.orders, 90210);
  const template: OrderRow[] = [];
  for (const chunk of new HistoryBuilder(inputs, TEMPLATE).chunks(5000)) template.push(...chunk.orders);
  const perDay = new Map<string, number>();
  let rnd = 12345;
  const next = () => (rnd = (Math.imul(rnd, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const batch: OrderRow[] = [];
  const flush = async () => {
    await app.platform.db.transaction().execute((trx) => insertRows(trx, dialect, 'orders', ORDER_COLUMNS, batch));
    batch.length = 0;
  };
  for (let n = 0; n < ORDERS; n++) {
    const t = template[n % TEMPLATE];
    const copy = Math.floor(n / TEMPLATE);
    const created = copy === 0 ? Number(t.created_at) : Number(t.created_at) - Math.floor(next() * 60_000);
    const day = localDateKey(created).replace(/-/g, '');
    const seq = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, seq);
    const suffix = `X${copy.toString(32).padStart(2, '0')}`; // upper case: never in a generated id
    batch.push({
      ...t,
      id: copy === 0 ? t.id : `${t.id.slice(0, 19)}${suffix}`,
      number: `GC${day}${String(seq).padStart(5, '0')}`,
      created_at: created,
      main_order_id: t.main_order_id && copy > 0 ? `${t.main_order_id.slice(0, 19)}${suffix}` : t.main_order_id,
    });
    if (batch.length >= 5000) await flush();
  }
  if (batch.length) await flush();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  heading(`workbench bench: list queries over ${ORDERS.toLocaleString('en')} orders, ${RUNS} runs each`);
  for (const d of benchDialects()) await benchWorkbench(d);
}
