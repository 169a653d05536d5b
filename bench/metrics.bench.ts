/**
 * 工单考核 at city scale: 1,000,000 orders (12 months, 45 units) with their metric ledger rows,
 * bulk-inserted with batched INSERTs into a temporary SQLite database and, when TEST_DATABASE_URL
 * is set, a temporary PostgreSQL schema; the roll-ups are built from the ledger (as the hook would
 * have kept them); then the metrics query (all units: sums, open 超期, scores and ranking) is timed
 * on the product's own code path and compared with a baseline measured in the same run: the plain
 * per-unit count `select unit_id, count(*) from orders group by unit_id` over the same million rows.
 *
 *   npx tsx bench/metrics.bench.ts            (BENCH_ORDERS=200000 for a quicker run)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql, type Kysely } from 'kysely';
import { connect, openSqlite, type DialectName } from '../src/platform/db/connect';
import { migrateAll } from '../src/migrations';
import type { DB } from '../src/schema';
import {
  COLUMN_OF,
  COUNTERS,
  DEFAULT_WEIGHTS,
  dayOf,
  monthPeriod,
  monthsEndingWith,
  rangePeriod,
  type Counters,
  type Period,
} from '../src/modules/orders/metrics/definitions';
import { buildReport } from '../src/modules/orders/metrics/compute';
import {
  countersByUnit,
  countersByUnitFromLedger,
  overdueOpenByUnit,
  rebuildRollups,
} from '../src/modules/orders/metrics/repo';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const UNITS = 45;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FIRST = monthPeriod('2025-04').from;
const LAST = monthPeriod('2026-03').to;
const AS_OF = LAST + 9 * HOUR; // 1 April 2026, 09:00
const TARGET_MS = 200;

// ── deterministic data ─────────────────────────────────────────────────────────────────────

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ORDER_COLS = [
  'id',
  'number',
  'channel',
  'title',
  'description',
  'urgency',
  'state',
  'unit_id',
  'needs_visit',
  'attachments',
  'suspended',
  'pauses',
  'clock_started_at',
  'clock_stopped_at',
  'dispatched_at',
  'sign_deadline',
  'completion_deadline',
  'signed_at',
  'replied_at',
  'closed_at',
  'created_at',
  'updated_at',
] as const;
const ORDER_TYPES: Record<string, string> = {
  id: 'text',
  number: 'text',
  channel: 'text',
  title: 'text',
  description: 'text',
  urgency: 'text',
  state: 'text',
  unit_id: 'text',
  attachments: 'text',
  pauses: 'text',
  needs_visit: 'int4',
  suspended: 'int4',
};
const FACT_COLS = ['order_id', 'unit_id', 'at', 'day', ...COUNTERS.map((c) => COLUMN_OF[c])];

type Row = unknown[];

/** A ledger row: order, unit, instant, local day, then the counters in COUNTERS order. */
function factRow(orderId: string, unitId: string, at: number, c: Partial<Counters>): Row {
  const row: Row = new Array(FACT_COLS.length);
  row[0] = orderId;
  row[1] = unitId;
  row[2] = at;
  row[3] = dayOf(at);
  for (let k = 0; k < COUNTERS.length; k++) row[4 + k] = c[COUNTERS[k]] ?? 0;
  return row;
}

/** Orders and their ledger rows, as the metrics hook would have left them, in batches. */
function* generate(batch: number): Generator<{ orders: Row[]; facts: Row[] }> {
  const rand = prng(20260401);
  const weights = Array.from({ length: UNITS }, (_, i) => 1 / (i + 1) ** 0.8);
  const total = weights.reduce((a, b) => a + b, 0);
  const unitIds = Array.from({ length: UNITS }, (_, i) => `unit-${String(i + 1).padStart(2, '0')}`);
  const pickUnit = () => {
    let r = rand() * total;
    for (let i = 0; i < UNITS; i++) if ((r -= weights[i]) <= 0) return unitIds[i];
    return unitIds[UNITS - 1];
  };
  let orders: Row[] = [];
  let facts: Row[] = [];
  for (let i = 0; i < ORDERS; i++) {
    const id = `o${String(i).padStart(8, '0')}`;
    const created = FIRST + Math.floor(rand() * (AS_OF - FIRST - HOUR));
    let unit = pickUnit();
    let dispatched = created + Math.floor(rand() * HOUR);
    const signDeadline = dispatched + 4 * HOUR;
    const deadline = dispatched + 7 * DAY;
    if (rand() < 0.012) {
      // 退单 and 改派
      facts.push(factRow(id, unit, dispatched, { dispatched: 1, returned: 1 }));
      dispatched += 2 * HOUR;
      unit = pickUnit();
    }
    const signedAt = dispatched + (rand() < 0.97 ? Math.floor(rand() * 3 * HOUR) : 5 * HOUR + Math.floor(rand() * DAY));
    const signed = signedAt <= AS_OF;
    facts.push(
      factRow(
        id,
        unit,
        dispatched,
        signed
          ? signedAt <= signDeadline
            ? { dispatched: 1, signedOnTime: 1 }
            : { dispatched: 1, signedLate: 1 }
          : { dispatched: 1 },
      ),
    );
    const replied = signedAt + Math.floor((rand() < 0.95 ? rand() * 6 : 6 + rand() * 6) * DAY);
    const approved = replied + Math.floor(rand() * 4 * HOUR) + 60_000;
    const visited = approved + Math.floor(rand() * DAY) + 60_000;
    const needsVisit = rand() < 0.85;
    let state = signed ? 'handling' : 'pending_sign';
    let deadlineNow = deadline;
    if (approved <= AS_OF) {
      const onTime = replied <= deadline;
      const handlingMs = Math.floor((replied - dispatched) * 0.3);
      facts.push(
        factRow(
          id,
          unit,
          approved,
          needsVisit
            ? { completed: 1, completedOnTime: onTime ? 1 : 0, handlingMs }
            : { completed: 1, completedOnTime: onTime ? 1 : 0, handlingMs, closed: 1, solved: 1 },
        ),
      );
      if (!onTime) facts.push(factRow(id, unit, deadline, { overdueClosed: 1 }));
      state = needsVisit ? 'pending_visit' : 'closed';
      if (needsVisit && visited <= AS_OF) {
        const r = rand();
        if (r < 0.95) {
          facts.push(
            factRow(id, unit, visited, {
              visited: 1,
              satisfied: 1,
              closed: 1,
              solved: 1,
              reworked: rand() < 0.03 ? 1 : 0,
            }),
          );
          state = 'closed';
        } else if (r < 0.98) {
          facts.push(factRow(id, unit, visited, { visited: 1, reopened: 1 })); // unsatisfied: 重办 with 3 more days
          state = 'handling';
          deadlineNow = visited + 3 * DAY;
        } else {
          facts.push(factRow(id, unit, visited, { closed: 1 })); // unreachable
          state = 'closed';
        }
      }
    }
    const closed = state === 'closed';
    // one open order in twenty is 挂起 (suspended), some of them after their deadline
    const suspendedAt =
      state === 'handling' && rand() < 0.05 ? Math.min(AS_OF - HOUR, signedAt + Math.floor(rand() * 10 * DAY)) : null;
    const pauses =
      suspendedAt === null
        ? '[]'
        : JSON.stringify([{ from: suspendedAt, to: null, kind: 'suspend', reason: '等待资料', by: 'bench' }]);
    orders.push([
      id,
      `B${i}`,
      'hotline',
      '工单',
      '基准测试工单',
      'normal',
      state,
      unit,
      needsVisit ? 1 : 0,
      '[]',
      suspendedAt === null ? 0 : 1,
      pauses,
      dispatched,
      approved <= AS_OF && state !== 'handling' ? replied : null,
      dispatched,
      signDeadline,
      deadlineNow,
      signed ? signedAt : null,
      approved <= AS_OF ? replied : null,
      closed ? Math.min(visited, AS_OF) : null,
      created,
      AS_OF,
    ]);
    if (orders.length >= batch) {
      yield { orders, facts };
      orders = [];
      facts = [];
    }
  }
  if (orders.length) yield { orders, facts };
}

// ── loading ────────────────────────────────────────────────────────────────────────────────

/**
 * Loads with the orders' secondary indexes dropped and rebuilds them afterwards (the usual bulk
 * load; the tables end up exactly as migrated). The ledger is stored in key order: no indexes.
 */
async function loadSqlite(file: string): Promise<{ orders: number; facts: number }> {
  const db = openSqlite(file);
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -200000');
  const indexes = db
    .prepare(`select name, sql from sqlite_master where type = 'index' and tbl_name = 'orders' and sql is not null`)
    .all() as Array<{ name: string; sql: string }>;
  for (const i of indexes) db.exec(`drop index ${i.name}`);
  const statements = new Map<string, ReturnType<typeof db.prepare>>();
  const insert = (table: string, cols: readonly string[], rows: Row[]) => {
    const key = `${table}:${rows.length}`;
    let stmt = statements.get(key);
    if (!stmt) {
      stmt = db.prepare(
        `insert into ${table} (${cols.join(', ')}) values ${Array.from({ length: rows.length }, () => `(${cols.map(() => '?').join(', ')})`).join(', ')}`,
      );
      statements.set(key, stmt);
    }
    stmt.run(rows.flat());
  };
  const B = 500;
  let nOrders = 0;
  let nFacts = 0;
  for (const g of generate(50_000)) {
    db.transaction(() => {
      for (let i = 0; i < g.orders.length; i += B) insert('orders', ORDER_COLS, g.orders.slice(i, i + B));
      for (let i = 0; i < g.facts.length; i += B) insert('order_metric_facts', FACT_COLS, g.facts.slice(i, i + B));
    })();
    nOrders += g.orders.length;
    nFacts += g.facts.length;
  }
  for (const i of indexes) db.exec(i.sql);
  db.pragma('synchronous = FULL');
  db.close();
  return { orders: nOrders, facts: nFacts };
}

async function loadPostgres(pool: pg.Pool): Promise<{ orders: number; facts: number }> {
  const indexes = (
    await pool.query(
      `select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = 'orders' and indexdef not like 'CREATE UNIQUE%'`,
    )
  ).rows as Array<{ indexname: string; indexdef: string }>;
  for (const i of indexes) await pool.query(`drop index ${i.indexname}`);
  const factTypes = FACT_COLS.map((c) =>
    c === 'order_id' || c === 'unit_id' ? 'text' : c === 'day' ? 'int4' : 'int8',
  );
  const orderTypes = ORDER_COLS.map((c) => ORDER_TYPES[c] ?? 'int8');
  const unnest = (table: string, cols: readonly string[], types: string[]) =>
    `insert into ${table} (${cols.join(', ')}) select * from unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`;
  const columns = (rows: Row[], n: number) => Array.from({ length: n }, (_, j) => rows.map((r) => r[j]));
  let nOrders = 0;
  let nFacts = 0;
  for (const g of generate(20_000)) {
    await pool.query(unnest('orders', ORDER_COLS, orderTypes), columns(g.orders, ORDER_COLS.length));
    await pool.query(unnest('order_metric_facts', FACT_COLS, factTypes), columns(g.facts, FACT_COLS.length));
    nOrders += g.orders.length;
    nFacts += g.facts.length;
  }
  for (const i of indexes) await pool.query(i.indexdef);
  return { orders: nOrders, facts: nFacts };
}

// ── timing ─────────────────────────────────────────────────────────────────────────────────

async function median(fn: () => Promise<unknown>, runs = 7): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

/** The product's path: per-unit sums (roll-up or ledger), open 超期, scores and ranking. */
async function metrics(db: Kysely<DB>, dialect: DialectName, p: Period) {
  const [counters, overdueOpen] = await Promise.all([
    countersByUnit(db, p.from, p.to),
    overdueOpenByUnit(db, dialect, p.from, p.to, AS_OF),
  ]);
  return buildReport(p, AS_OF, { counters, overdueOpen }, (id) => id, DEFAULT_WEIGHTS);
}

async function measure(
  name: string,
  db: Kysely<DB>,
  dialect: DialectName,
  loaded: { orders: number; facts: number },
  loadMs: number,
) {
  const t = performance.now();
  await rebuildRollups(db);
  const rollupMs = performance.now() - t;
  await sql`analyze`.execute(db);
  const month = monthPeriod('2026-03');
  const year = rangePeriod(FIRST, LAST);
  const odd = rangePeriod(month.from + 9 * HOUR, month.to - 6 * HOUR); // not at midnight: roll-up + ledger for the part-days
  const check = await metrics(db, dialect, year);
  // the roll-up and the ledger agree (the fast path's two halves)
  const ledger = await countersByUnitFromLedger(db, year.from, year.to);
  for (const [unit, c] of await countersByUnit(db, year.from, year.to)) {
    if (JSON.stringify(c) !== JSON.stringify(ledger.get(unit)))
      throw new Error(`roll-up and ledger disagree for ${unit}`);
  }
  const count = await median(() => sql`select count(*) as n from orders`.execute(db));
  const baseline = await median(() => sql`select unit_id, count(*) as n from orders group by unit_id`.execute(db));
  const rows: Array<[string, number]> = [
    ['metrics, one month (roll-up)', await median(() => metrics(db, dialect, month))],
    [
      `metrics, 12 months = all ${loaded.orders.toLocaleString('en')} orders (roll-up)`,
      await median(() => metrics(db, dialect, year)),
    ],
    ['metrics, one month 09:00 to 18:00 (roll-up + ledger ends)', await median(() => metrics(db, dialect, odd))],
    [
      'ledger sums, 12 months (no roll-up), for comparison',
      await median(() => countersByUnitFromLedger(db, year.from, year.to), 3),
    ],
    [
      'trend, 12 months × all units (roll-up)',
      await median(async () => {
        for (const m of monthsEndingWith('2026-03', 12)) await metrics(db, dialect, monthPeriod(m));
      }, 3),
    ],
  ];
  console.log(
    `\n${name}: ${loaded.orders.toLocaleString('en')} orders, ${loaded.facts.toLocaleString('en')} ledger rows loaded in ${(loadMs / 1000).toFixed(1)} s; roll-ups built in ${rollupMs.toFixed(0)} ms`,
  );
  console.log(
    `  ${check.units.length} units ranked; ${check.total.dispatched.toLocaleString('en')} dispatches, ${check.total.overdue.toLocaleString('en')} 超期, 及时签收率 ${(100 * (check.total.rates.signOnTime ?? 0)).toFixed(2)}%`,
  );
  console.log(
    `  select count(*) from orders (${name === 'SQLite' ? 'SQLite counts b-tree entries without reading rows' : 'a plain scan'}) ${count.toFixed(2)} ms`,
  );
  console.log(`  BASELINE select unit_id, count(*) from orders group by unit_id ... ${baseline.toFixed(2)} ms`);
  for (const [label, ms] of rows)
    console.log(
      `  ${label.padEnd(58, '.')} ${ms.toFixed(2).padStart(9)} ms   ×${(ms / baseline).toFixed(3)} of baseline`,
    );
  const all = rows[1][1];
  console.log(
    `  load average now ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `  target: all units over ${loaded.orders.toLocaleString('en')} orders < ${TARGET_MS} ms → ${all < TARGET_MS ? 'PASS' : 'FAIL'} (${all.toFixed(2)} ms)`,
  );
}

async function benchSqlite() {
  const dir = mkdtempSync(join(tmpdir(), 'yiwang-metrics-bench-'));
  try {
    const schema = connect({ databaseUrl: null, dataDir: dir });
    await migrateAll(schema.db);
    await schema.close();
    const t = performance.now();
    const loaded = await loadSqlite(join(dir, 'yiwang.db'));
    const loadMs = performance.now() - t;
    const database = connect({ databaseUrl: null, dataDir: dir });
    try {
      await measure('SQLite', database.db, 'sqlite', loaded, loadMs);
    } finally {
      await database.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchPostgres(url: string) {
  const schema = `bench_metrics_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  try {
    const database = connect({ databaseUrl: url, dataDir: tmpdir(), pgSchema: schema });
    try {
      await migrateAll(database.db);
      const pool = new pg.Pool({ connectionString: url, max: 2, options: `-c search_path=${schema}` });
      const t = performance.now();
      const loaded = await loadPostgres(pool);
      const loadMs = performance.now() - t;
      await pool.end();
      await sql`vacuum analyze`.execute(database.db).catch(() => {});
      await measure('PostgreSQL', database.db, 'postgres', loaded, loadMs);
    } finally {
      await database.close();
    }
  } finally {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }
}

console.log(
  `工单考核 benchmark: ${ORDERS.toLocaleString('en')} orders over 12 months, ${UNITS} units, as of ${new Date(AS_OF).toISOString()}`,
);
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} (times are medians; a busy machine inflates them all, the ratios less)`,
);
await benchSqlite();
if (process.env.TEST_DATABASE_URL) await benchPostgres(process.env.TEST_DATABASE_URL);
else console.log('\nPostgreSQL: skipped (set TEST_DATABASE_URL to include it)');
