/**
 * Nearest cameras to a point among 7,000 (a street) and 70,000 (a city) channels: the in-memory
 * kd-tree (kdbush + geokdbush, what GET /api/brain/cameras/nearest answers from), 10 nearest within
 * 1 km, p50/p99 over BENCH_RUNS random points, target p99 < 5 ms; and the ratio to a brute-force
 * scan of every camera (haversine, sort) measured in the same run on the same points. Also the
 * index rebuild after a change (the kd-tree is static: a moved camera rebuilds it on the next query).
 *
 *   npx tsx bench/cameras-nearest.bench.ts        (BENCH_RUNS=5000 for steadier figures)
 */
import { cpus, loadavg } from 'node:os';
import { CameraIndex, type IndexedCamera, nearestByScan } from '../src/modules/brain/video/nearest';

function summarize(samples: readonly number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
  return { n: s.length, p50: at(50), p99: at(99), max: s[s.length - 1] ?? Number.NaN };
}
const ms = (x: number) => `${x < 10 ? x.toFixed(3) : x.toFixed(1)} ms`;
const RUNS = Number(process.env.BENCH_RUNS ?? 1000);

function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 16807) % 2147483647) - 1) / 2147483646;
}

/** n cameras over an area growing with n (a street ~ 8×7 km; a city ten times the cameras over ~25×22 km). */
function cameras(n: number): { all: IndexedCamera[]; span: number } {
  const rnd = rng(42);
  const span = 0.08 * Math.sqrt(n / 7000);
  const all = Array.from({ length: n }, (_, i) => ({
    id: String(i).padStart(20, '0'),
    name: `cam ${i}`,
    lng: 113.15 - span / 2 + rnd() * span,
    lat: 23.02 - span / 2 + rnd() * span,
    kind: (i % 4 === 0 ? 'ptz' : 'fixed') as 'ptz' | 'fixed',
    online: i % 10 !== 0,
    direction: i % 4 === 0 ? null : (i * 37) % 360,
    communityCode: null,
  }));
  return { all, span };
}

console.log(
  `\n== nearest cameras ==  (node ${process.version}, ${cpus().length} CPUs, load ${loadavg()[0].toFixed(1)})`,
);
let fail = false;
for (const n of [7000, 70_000]) {
  const { all, span } = cameras(n);
  const idx = new CameraIndex();
  let t = performance.now();
  idx.load(all);
  idx.nearest(113.15, 23.02, 1, 1); // builds the tree
  const build = performance.now() - t;
  const rnd = rng(7);
  const points = Array.from(
    { length: RUNS },
    () => [113.15 - span / 2 + rnd() * span, 23.02 - span / 2 + rnd() * span] as const,
  );
  for (const [lng, lat] of points.slice(0, 50)) idx.nearest(lng, lat, 10, 1000);
  // the two measured in separate loops: the scan's garbage is not collected inside the tree's samples
  const tree: number[] = [];
  const answers: string[] = [];
  for (const [lng, lat] of points) {
    t = performance.now();
    const got = idx.nearest(lng, lat, 10, 1000);
    tree.push(performance.now() - t);
    answers.push(got.map((c) => c.id).join());
  }
  const scan: number[] = [];
  let agree = 0;
  points.forEach(([lng, lat], i) => {
    t = performance.now();
    const want = nearestByScan(all, lng, lat, 10, 1000);
    scan.push(performance.now() - t);
    if (answers[i] === want.map((c) => c.id).join()) agree++;
  });
  // a moved camera: the next query rebuilds the tree
  const rebuild: number[] = [];
  for (let i = 0; i < 20; i++) {
    const c = all[i]!;
    idx.set({ ...c, lng: c.lng + 0.0001 });
    t = performance.now();
    idx.nearest(113.15, 23.02, 10, 1000);
    rebuild.push(performance.now() - t);
  }
  const a = summarize(tree);
  const b = summarize(scan);
  const r = summarize(rebuild);
  console.log(
    `${String(n).padStart(6)} cameras: kd-tree p50 ${ms(a.p50)} p99 ${ms(a.p99)} max ${ms(a.max)} | scan p50 ${ms(b.p50)} p99 ${ms(b.p99)} | ` +
      `scan/tree at p50 ${(b.p50 / a.p50).toFixed(0)}× | same answer ${agree}/${RUNS} | first build ${ms(build)}, rebuild after a move p50 ${ms(r.p50)}`,
  );
  if (a.p99 >= 5) {
    console.log(`  FAIL: p99 ${ms(a.p99)} is not under 5 ms`);
    fail = true;
  }
  if (agree !== RUNS) {
    console.log('  FAIL: the index and the scan disagree');
    fail = true;
  }
}
process.exit(fail ? 1 : 0);
