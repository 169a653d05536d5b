/**
 * Pre-flight check of a 200-waypoint route against 500 geofence polygons and 50 other planned flights
 * (the issue's target: p99 < 20 ms). The pure check the service runs (missions/preflight.ts with the
 * compiled zones of geofences/geometry.ts), over 200 runs:
 *   - baseline: the same check without geofences (dock state, battery, range, height, conflicts);
 *   - product: with 500 no-fly polygons (circles and 8–24-sided polygons, 60–400 m across, spread over
 *     a 12 km × 10 km street; the route's lawn-mower pattern crosses about a dozen of them, all of which
 *     the check names) and one stay-inside area around the whole street, so every leg is also tested
 *     for staying inside;
 *   - the same against every zone without the bounding-box prefilter (what the prefilter saves);
 *   - compiling the 500 zones (done once per change and cached by the service).
 *
 *   npx tsx bench/preflight.bench.ts            (BENCH_RUNS=1000 for steadier figures)
 */
import { cpus, loadavg } from 'node:os';
import { booleanIntersects, booleanWithin, lineString } from '@turf/turf';
import { compileZones, type CompiledZone, type GeofenceDef } from '../src/modules/drones/geofences/geometry';
import { flownPath } from '../src/modules/drones/geofences/route-checks';
import { preflight, type PreflightInput } from '../src/modules/drones/missions/preflight';
import type { DockSnapshot } from '../src/modules/drones/dji/osd';
import type { Route } from '../src/modules/drones/waylines/route';

// bench/lib.ts's figures (same percentile rule), written out here: lib.ts loads the whole app
function summarize(samples: readonly number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
  return { n: s.length, p50: at(50), p99: at(99), max: s[s.length - 1] ?? Number.NaN };
}
const ms = (x: number) => `${x < 10 ? x.toFixed(3) : x.toFixed(1)} ms`;

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const WARMUP = 20;
const TARGET_P99_MS = 20;
const DOCK = { lng: 113.125, lat: 23.035 };

function benchRoute(): Route {
  return {
    name: '桂城 200 点巡查',
    droneEnum: 91,
    droneSubEnum: 0,
    payloadEnum: 80,
    takeOffSecurityHeight: 30,
    globalSpeed: 10,
    globalRthHeight: 100,
    heightMode: 'relativeToStartPoint',
    finishAction: 'goHome',
    exitOnRcLost: 'goContinue',
    // a lawn-mower pattern of 20 × 10 waypoints over ~2 km × 1.5 km
    waypoints: Array.from({ length: 200 }, (_, i) => {
      const row = Math.floor(i / 20);
      const col = row % 2 === 0 ? i % 20 : 19 - (i % 20);
      return { lng: 113.12 + col * 0.001, lat: 23.03 + row * 0.0015, height: 60 + (i % 5) * 5, actions: [] };
    }),
  };
}

/** 500 no-fly zones over the street (a deterministic pseudo-random spread) and one stay-inside area. */
function benchZones(): GeofenceDef[] {
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const zones: GeofenceDef[] = [];
  for (let i = 0; i < 500; i++) {
    const lng = 113.06 + rnd() * 0.12;
    const lat = 22.99 + rnd() * 0.09;
    const size = (30 + rnd() * 170) / 111_000; // 60–400 m across
    const base = {
      id: `z${i}`,
      name: `禁飞区${i}`,
      kind: 'no_fly' as const,
      enabled: true,
      minHeightM: null,
      maxHeightM: null,
    };
    if (i % 5 === 0) {
      zones.push({ ...base, shape: 'circle', polygon: null, center: { lng, lat }, radiusM: size * 111_000 });
      continue;
    }
    const sides = 8 + (i % 17);
    const ring = Array.from({ length: sides }, (_, k) => {
      const a = (k / sides) * 2 * Math.PI;
      const r = size * (0.6 + 0.4 * rnd());
      return [lng + r * Math.cos(a), lat + r * Math.sin(a)] as [number, number];
    });
    zones.push({ ...base, shape: 'polygon', polygon: ring, center: null, radiusM: null });
  }
  zones.push({
    id: 'street',
    name: '桂城街道作业区',
    kind: 'stay_inside',
    shape: 'polygon',
    polygon: [
      [113.05, 22.98],
      [113.19, 22.98],
      [113.19, 23.09],
      [113.05, 23.09],
    ],
    center: null,
    radiusM: null,
    enabled: true,
    minHeightM: null,
    maxHeightM: 120,
  });
  return zones;
}

const dock: DockSnapshot = {
  modeCode: 0,
  taskStep: 5,
  point: DOCK,
  coverState: 0,
  droneInDock: true,
  emergencyStop: false,
  rainfall: 0,
  windSpeed: 3,
  temperatureOutside: 26,
  humidity: 70,
  droneBattery: 95,
  droneCharging: false,
  subDeviceSn: '1581F5BKD225D00BP899',
  subDevicePaired: true,
  storageFreeMb: 50_000,
  remainUpload: 0,
  networkQuality: 4,
};

interface Timing {
  wall: ReturnType<typeof summarize>;
  /** CPU time of this process per run: on a shared machine, closer to what an idle one would show */
  cpu: ReturnType<typeof summarize>;
}

function time(fn: () => unknown, runs = RUNS, warmup = WARMUP): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    wall.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
  }
  return { wall: summarize(wall), cpu: summarize(cpu) };
}

/** Every zone, no bounding-box prefilter: the cost the prefilter avoids (the same turf predicates). */
function unfiltered(route: Route, zones: readonly CompiledZone[]): number {
  const path = flownPath(route, DOCK);
  let hits = 0;
  for (const z of zones)
    for (let k = 1; k < path.length; k++) {
      const leg = lineString([
        [path[k - 1].lng, path[k - 1].lat],
        [path[k].lng, path[k].lat],
      ]);
      if (z.kind === 'no_fly' ? booleanIntersects(leg, z.feature) : !booleanWithin(leg, z.feature)) hits++;
    }
  return hits;
}

const route = benchRoute();
const defs = benchZones();
const conflicts = Array.from({ length: 50 }, (_, i) => ({ id: `f${i}`, name: `计划航班 ${i}` }));
const input = (geofences?: CompiledZone[]): PreflightInput => ({
  dockOnline: true,
  dock,
  dockPoint: DOCK,
  route,
  heightApproved: false,
  conflicts,
  limits: { maxRangeM: 10_000 },
  geofences,
});

console.log(
  `\n== pre-flight check: ${route.waypoints.length} waypoints, ${defs.length - 1} no-fly zones + 1 stay-inside area, ${conflicts.length} planned flights, ${RUNS} runs ==  (node ${process.version}, load average ${loadavg()[0].toFixed(1)} at start)`,
);
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} (a busy machine inflates every figure; the ratios less)`,
);

const zones = compileZones(defs);
const result = preflight(input(zones));
const g = result.filter((c) => c.code.startsWith('geofence_'));
console.log(
  `  the route's geofence checks: ${g.map((c) => `${c.code} ${c.ok ? 'ok' : 'FAIL'}: ${c.message.slice(0, 90)}`).join('; ')}`,
);

const compile = time(() => compileZones(defs));
const baseline = time(() => preflight(input()));
const product = time(() => preflight(input(zones)));
const slow = time(() => unfiltered(route, zones), 2, 0);

const line = (label: string, s: Timing, extra = '') =>
  console.log(
    `  ${label.padEnd(52)} p50 ${ms(s.wall.p50).padStart(10)}  p99 ${ms(s.wall.p99).padStart(10)}  (cpu p50 ${ms(s.cpu.p50).padStart(9)}, p99 ${ms(s.cpu.p99).padStart(9)})${extra}`,
  );
console.log('baseline');
line('pre-flight without geofences (50 conflicts)', baseline);
console.log('product');
line(
  'pre-flight with 501 compiled zones (bbox prefilter)',
  product,
  `  ${(product.wall.p50 / baseline.wall.p50).toFixed(0)}× baseline`,
);
line(
  `every zone × every leg, no prefilter (${slow.wall.n} runs)`,
  slow,
  `  ${(slow.wall.p50 / product.wall.p50).toFixed(0)}× prefiltered`,
);
line('compiling the 501 zones (once per change, cached)', compile);
console.log(
  `  target: p99 < ${TARGET_P99_MS} ms → ${product.wall.p99 < TARGET_P99_MS ? 'PASS' : 'FAIL'} (wall p99 ${ms(product.wall.p99)}; cpu p99 ${ms(product.cpu.p99)} → ${product.cpu.p99 < TARGET_P99_MS ? 'PASS' : 'FAIL'} on cpu time; a fresh compile adds ${ms(compile.wall.p50)})`,
);
