/**
 * Flight statistics over five years: ~20,000 sorties on 8 docks (scenarios, departments, outcomes as
 * a street's drone service has them, ~4 a day with more in summer), each with its track downsampled
 * (a point a minute), then `GET /api/drones/stats?by=dock|scenario|org|month` over the five years,
 * p50/p99 over the runs. Baseline in the same run: the same aggregation as one bare SQL GROUP BY on
 * the same table (no HTTP, no JSON). Target: < 200 ms.
 *
 *   npx tsx bench/drone-stats.bench.ts        (BENCH_SORTIES=20000, BENCH_RUNS=30)
 *   TEST_DATABASE_URL=postgres://… (or BENCH_DATABASE_URL) adds PostgreSQL
 */
import { sql } from 'kysely';
import { seedIfEmpty } from '../src/seed';
import { benchDialects, heading, ms, startBenchApp, summarize, type Dialect } from './lib';

if (process.env.BENCH_DATABASE_URL && !process.env.TEST_DATABASE_URL)
  process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;

const SORTIES = Number(process.env.BENCH_SORTIES ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const TRACK_POINTS = 20;
const TARGET_MS = 200;
const YEARS = 5;
const DAY = 86_400_000;
const KEYS = ['dock', 'scenario', 'org', 'month'] as const;
const SCENARIOS = ['river', 'park', 'campus', 'construction', 'environment', 'fire', 'emergency', 'verification'];
const ORGS = ['GC-SW', 'GC-CG', 'GC-HB', 'GC-AJ', 'GC-ZF', 'GC-JS', null];
const STATES = ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'partially_done', 'failed', 'rejected', 'timeout', 'canceled'];

async function fill(b: Awaited<ReturnType<typeof startBenchApp>>, end: number) {
  const db = b.app.platform.db;
  let seed = 11;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const start = end - YEARS * 365 * DAY;
  const flights = [];
  const points = [];
  for (let i = 0; i < SORTIES; i++) {
    const at = start + Math.floor(rnd() * (end - start));
    const state = STATES[Math.floor(rnd() * STATES.length)];
    const flew = state !== 'rejected' && state !== 'canceled';
    const s = flew ? 600 + Math.floor(rnd() * 1800) : null;
    const id = `bench-${i.toString(36).padStart(6, '0')}`;
    const dock = `BENCHDOCK${(i % 8) + 1}`;
    flights.push({
      id,
      name: `巡查 ${i}`,
      route_id: 'bench-route',
      scenario: SCENARIOS[Math.floor(rnd() * SCENARIOS.length)],
      org_id: ORGS[Math.floor(rnd() * ORGS.length)],
      kind: 'patrol',
      order_id: null,
      dock_sn: dock,
      aircraft_sn: `${dock}A`,
      state,
      execute_at: at,
      expected_end_at: at + 1800_000,
      checks: '[]',
      height_approval: null,
      result_code: state === 'ok' ? 0 : 314013,
      reason: null,
      percent: 100,
      waypoint_index: 10,
      media_count: 10,
      prepared_at: at - 60_000,
      executed_at: at,
      finished_at: at + (s ?? 0) * 1000,
      totals_start: null,
      flown_s: s,
      flown_m: s ? s * 8 : null,
      created_by: null,
      created_at: at - 3600_000,
      updated_at: at,
    });
    if (flew)
      for (let k = 0; k < TRACK_POINTS; k++)
        points.push({
          sn: `${dock}A`,
          at: at + k * 60_000,
          lng: 113.15 + rnd() * 0.05,
          lat: 23.03 + rnd() * 0.05,
          height: 60,
          speed: 10,
          heading: 90,
          battery: 90 - k,
          mode_code: 5,
          flight_id: id,
        });
  }
  const t0 = performance.now();
  for (let i = 0; i < flights.length; i += 500)
    await db
      .insertInto('drone_flights')
      .values(flights.slice(i, i + 500))
      .execute();
  for (let i = 0; i < points.length; i += 2000)
    await db
      .insertInto('drone_track_points')
      .values(points.slice(i, i + 2000))
      .onConflict((oc) => oc.columns(['sn', 'at']).doNothing())
      .execute();
  console.log(
    `${b.dialect}: ${flights.length} flights and ${points.length} track points inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return start;
}

/** The same figures as one GROUP BY: missions, sorties, seconds, metres, ok, failed per key. */
function bareQuery(b: Awaited<ReturnType<typeof startBenchApp>>, by: (typeof KEYS)[number], from: number, to: number) {
  const month =
    b.dialect === 'sqlite'
      ? sql`strftime('%Y-%m', (execute_at + 28800000) / 1000, 'unixepoch')`
      : sql`to_char(to_timestamp((execute_at + 28800000) / 1000.0) at time zone 'UTC', 'YYYY-MM')`;
  const key =
    by === 'dock' ? sql`dock_sn` : by === 'scenario' ? sql`scenario` : by === 'org' ? sql`coalesce(org_id, '')` : month;
  return sql`select ${key} as k, count(*) as missions,
      sum(case when flown_s > 0 then 1 else 0 end) as sorties,
      sum(coalesce(flown_s, 0)) as s, sum(coalesce(flown_m, 0)) as m,
      sum(case when state in ('ok', 'partially_done') then 1 else 0 end) as ok,
      sum(case when state in ('failed', 'rejected', 'timeout') then 1 else 0 end) as failed
    from drone_flights where execute_at >= ${from} and execute_at < ${to} and state not in ('planned', 'canceled')
    group by 1`.execute(b.app.platform.db);
}

async function time(fn: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn();
  const wall: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    wall.push(performance.now() - t);
  }
  return summarize(wall);
}

async function bench(dialect: Dialect) {
  const b = await startBenchApp(dialect, { JOBS: 'off' });
  try {
    await seedIfEmpty(b.app, { orders: 0, trainingSamples: 200 });
    const end = Date.now();
    const from = await fill(b, end);
    const to = end + 1;
    const login = await b.app.http.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'yiwang-demo' },
    });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    for (const by of KEYS) {
      const url = `/api/drones/stats?by=${by}&from=${from}&to=${to}`;
      let total = 0;
      const api = await time(async () => {
        const r = await b.app.http.inject({ method: 'GET', url, headers: { cookie } });
        if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
        total = r.json().total.missions;
      });
      let bareMissions = 0;
      const bare = await time(async () => {
        const rows = (await bareQuery(b, by, from, to)).rows as Array<{ missions: number | string }>;
        bareMissions = rows.reduce((n, r) => n + Number(r.missions), 0);
      });
      if (total !== bareMissions)
        throw new Error(`by ${by}: the API counts ${total} missions, bare SQL ${bareMissions}`);
      console.log(
        `  ${dialect} by=${by.padEnd(8)} API p50 ${ms(api.p50).padStart(9)} p99 ${ms(api.p99).padStart(9)}   bare SQL p50 ${ms(bare.p50).padStart(9)} p99 ${ms(bare.p99).padStart(9)}   ${(api.p50 / bare.p50).toFixed(1)}× bare   ${total} missions   target p99 < ${TARGET_MS} ms ${api.p99 < TARGET_MS ? 'MET' : 'MISSED'}`,
      );
    }
  } finally {
    await b.dispose();
  }
}

heading(`drone statistics: ${SORTIES} flights over ${YEARS} years, ${RUNS} runs per grouping`);
for (const d of benchDialects()) await bench(d);
