/**
 * Intake throughput: the real app over real HTTP. `POST /api/orders` with an API key (a
 * cookie-less client, key made through the admin API), varied realistic texts and points, at
 * concurrency 64, from a separate client process; throughput and latency after a warm-up.
 * Baseline in the same run: every row those intakes wrote, committed again with bare SQL, one
 * transaction per order (bench/intake-bare.ts). Targets: ≥ 1,000 orders/s and at
 * least half the bare-SQL rate.
 *
 *   npx tsx bench/intake.bench.ts            (BENCH_COUNT=5000, BENCH_WARMUP=500, BENCH_CONCURRENCY=64)
 *   TEST_DATABASE_URL=postgres://… npx tsx bench/intake.bench.ts   (SQLite, then PostgreSQL; BENCH_DIALECTS=postgres for one)
 *   BENCH_PROFILE=/tmp/intake: a CPU profile of the app over the measured phase
 *   BENCH_JOBS=off: without the app's job runner (its per-job commits share SQLite's one connection)
 * Then the hot-spot case: every request at one spot (within ~10 m), so the duplicate check meets
 * thousands of open orders in its 50 m box (a flooded street, a stadium event); printed with its
 * ratio to the spread-out run. BENCH_HOTSPOT=only runs just that case, BENCH_HOTSPOT=off skips it.
 * Prints how many intakes shared each commit (platform/group-commit.ts).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pointInPolygon, bboxOf, type Areal, type LngLat } from '../src/platform/geo';
import { generateDemoRequests } from '../src/modules/orders/demo/demo-history';
import { seedIfEmpty } from '../src/seed';
import { bareSqlite, barePostgres, intakeWrites } from './intake-bare';
import {
  benchDialects,
  heading,
  ms,
  PG_URL,
  profiled,
  rate,
  startBenchApp,
  summarize,
  type BenchApp,
  type Dialect,
} from './lib';

const COUNT = Number(process.env.BENCH_COUNT ?? 5000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const HOTSPOT = process.env.BENCH_HOTSPOT ?? 'on';

export interface IntakeFigures {
  dialect: Dialect;
  perSecond: number;
  p50: number;
  p99: number;
  barePerSecond: number;
  ratio: number;
}

export async function benchIntake(dialect: Dialect, hotspot = false): Promise<IntakeFigures> {
  const b = await startBenchApp(dialect, process.env.BENCH_JOBS === 'off' ? { JOBS: 'off' } : {});
  try {
    const t0 = performance.now();
    await seedIfEmpty(b.app, { orders: 0, trainingSamples: 20_000 });
    console.log(
      `${dialect}: app started and seeded (orgs, map, rules, classifier on 20,000 texts) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const port = await b.app.listen();
    const key = await apiKey(port);
    const bodies = await requestBodies(b, WARMUP + COUNT, hotspot);
    const dir = mkdtempSync(join(tmpdir(), 'yiwang-bench-load-'));
    const file = join(dir, 'bodies.json');
    writeFileSync(file, JSON.stringify(bodies));
    const firstMeasured = b.app.platform.clock.now();
    const cpuBefore = process.cpuUsage();
    const out = await profiled(`intake-${dialect}`, () =>
      runClient([
        `http://127.0.0.1:${port}/api/orders`,
        file,
        String(CONCURRENCY),
        String(WARMUP),
        `authorization:Bearer ${key}`,
      ]),
    );
    const appCpu = process.cpuUsage(cpuBefore);
    rmSync(dir, { recursive: true, force: true });
    const bad = Object.entries(out.statuses).filter(([s]) => s !== '201');
    if (bad.length) throw new Error(`intake answered ${JSON.stringify(out.statuses)}`);
    const lat = summarize(out.latencies);
    const gc = (
      b.app.orders.intake as unknown as { commits?: { stats: { batches: number; jobs: number; ms: number } } }
    ).commits?.stats;
    if (gc)
      console.log(
        `${dialect}: group commit: ${gc.jobs} intakes in ${gc.batches} transactions (${(gc.jobs / gc.batches).toFixed(1)} per commit, ${(gc.ms / gc.batches).toFixed(1)} ms each)`,
      );
    const perSecond = (COUNT / out.elapsedMs) * 1000;
    console.log(
      `${dialect}: the load client used ${((100 * out.clientCpuMs) / out.elapsedMs).toFixed(0)}% of a core; the app ${((100 * (appCpu.user + appCpu.system)) / 1000 / out.elapsedMs).toFixed(0)}% (its process over warm-up and measured phase: user ${(appCpu.user / 1000).toFixed(0)} ms, system ${(appCpu.system / 1000).toFixed(0)} ms)`,
    );
    console.log(
      `${dialect}: intake ${COUNT} orders at concurrency ${CONCURRENCY} in ${(out.elapsedMs / 1000).toFixed(2)} s → ${rate(perSecond)}; latency p50 ${ms(lat.p50)}, p99 ${ms(lat.p99)}, max ${ms(lat.max)}`,
    );

    // every row intake committed in the measured phase, committed again with bare SQL
    const { writes, rowsPerOrder } = await intakeWrites(b.app.platform.db, firstMeasured);
    const bare = dialect === 'sqlite' ? await bareSqlite(writes) : await barePostgres(writes, PG_URL!, CONCURRENCY);
    const ratio = perSecond / bare.perOrder;
    console.log(
      `${dialect}: bare SQL, the same rows (${rowsPerOrder.toFixed(1)} writes per order), one transaction per order: ${rate(bare.perOrder)}; 64 orders per transaction: ${rate(bare.batched)} (the ceiling of group commit)`,
    );
    console.log(
      `${dialect}: ratio intake / bare SQL = ${ratio.toFixed(2)}×   targets: ≥ 1000/s ${perSecond >= 1000 ? 'MET' : 'MISSED'}, ≥ 0.5× bare ${ratio >= 0.5 ? 'MET' : 'MISSED'}`,
    );
    return { dialect, perSecond, p50: lat.p50, p99: lat.p99, barePerSecond: bare.perOrder, ratio };
  } finally {
    await b.dispose();
  }
}

/** An API key holding `orders.create`, created through the admin API as the demo admin. */
async function apiKey(port: number): Promise<string> {
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'yiwang-demo' }),
  });
  if (login.status !== 200) throw new Error(`admin login: ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'intake-bench', permissions: ['orders.create'] }),
  });
  if (res.status !== 201) throw new Error(`api key: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { key: string }).key;
}

/** Realistic requests: demo texts of every channel, points inside the communities, callers, half with a category. */
async function requestBodies(b: BenchApp, n: number, hotspot: boolean) {
  const areas = (await b.app.geography.layer('community')).features.map((f) => ({
    geometry: f.geometry as Areal,
    box: bboxOf(f.geometry as Areal),
  }));
  const now = Date.now();
  const reqs = generateDemoRequests(n, 4242, { startMs: now - 30 * 86_400_000, endMs: now });
  let seed = 7;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const spot: LngLat = [113.1524, 23.0312];
  return reqs.map((q, i) => {
    const a = areas[i % areas.length];
    let p: LngLat = [a.box[0], a.box[1]];
    if (hotspot) p = [spot[0] + (rnd() - 0.5) * 1e-4, spot[1] + (rnd() - 0.5) * 1e-4];
    else
      for (let t = 0; t < 100; t++) {
        p = [a.box[0] + rnd() * (a.box[2] - a.box[0]), a.box[1] + rnd() * (a.box[3] - a.box[1])];
        if (pointInPolygon(p, a.geometry)) break;
      }
    const person = q.channel === 'hotline' || q.channel === 'web' || q.channel === 'wechat';
    return {
      channel: q.channel,
      description: q.text,
      urgency: q.urgency,
      address: q.address,
      location: { lng: Math.round(p[0] * 1e6) / 1e6, lat: Math.round(p[1] * 1e6) / 1e6 },
      ...(i % 2 === 0 ? { categoryCode: q.categoryCode } : {}),
      ...(person ? { reporter: { name: '陈先生', phone: `139${String(10_000_000 + i).slice(-8)}` } } : {}),
    };
  });
}

function runClient(
  args: string[],
): Promise<{ latencies: number[]; statuses: Record<string, number>; elapsedMs: number; clientCpuMs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'http-load.ts'), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load client exited ${code}`)),
    );
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  heading(`intake bench: POST /api/orders, ${COUNT} orders after ${WARMUP} warm-up, concurrency ${CONCURRENCY}`);
  for (const d of benchDialects()) {
    const spread = HOTSPOT === 'only' ? null : await benchIntake(d);
    if (HOTSPOT === 'off') continue;
    console.log(`${d}: hot spot — every order within ~10 m of one point`);
    const hot = await benchIntake(d, true);
    if (spread)
      console.log(
        `${d}: hot spot / spread out = ${(hot.perSecond / spread.perSecond).toFixed(2)}× (${rate(hot.perSecond)} against ${rate(spread.perSecond)})`,
      );
  }
}
