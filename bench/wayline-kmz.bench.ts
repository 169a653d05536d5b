/**
 * DJI WPML wayline KMZ export and import of a 500-waypoint route (every waypoint turns the gimbal and
 * takes a photo, every fifth also zooms and hovers), median and p99 over 50 runs each, target < 100 ms.
 * Baselines measured in the same run on the same route:
 *   - JSON.stringify + JSON.parse of the route (the cost of merely serialising it);
 *   - JSZip over the KMZ's two XML texts (export: zip them; import: unzip them to strings) — the floor
 *     of any JSZip-based reader, before a single element is parsed.
 *
 *   npx tsx bench/wayline-kmz.bench.ts            (BENCH_RUNS=200 for steadier figures)
 */
import { cpus, loadavg } from 'node:os';
import JSZip from 'jszip';
import {
  exportKmz,
  TEMPLATE_PATH,
  templateXml,
  WAYLINES_PATH,
  waylinesXml,
} from '../src/modules/drones/waylines/kmz-export';
import { importKmz } from '../src/modules/drones/waylines/kmz-import';
import type { Action, Route } from '../src/modules/drones/waylines/route';

// bench/lib.ts's figures (same percentile rule and output), written out here: lib.ts loads the whole app
// (src/app.ts) for its database helpers, and this bench runs pure code only
function summarize(samples: readonly number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
  return { n: s.length, p50: at(50), p99: at(99), max: s[s.length - 1] ?? Number.NaN };
}
const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`;
const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};
const heading = (title: string) =>
  console.log(`\n== ${title} ==  (node ${process.version}, load average ${loadavg()[0].toFixed(1)} at start)`);

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const WARMUP = 5;
const WAYPOINTS = 500;
const TARGET_MS = 100;

function benchRoute(): Route {
  return {
    name: '桂城街道 500 点巡查',
    droneEnum: 91,
    droneSubEnum: 1,
    payloadEnum: 81,
    takeOffSecurityHeight: 30,
    globalSpeed: 10,
    globalRthHeight: 100,
    heightMode: 'relativeToStartPoint',
    finishAction: 'goHome',
    exitOnRcLost: 'executeLostAction',
    rcLostAction: 'goBack',
    flyToWaylineMode: 'safely',
    waypoints: Array.from({ length: WAYPOINTS }, (_, i) => {
      const actions: Action[] = [
        { kind: 'gimbalRotate', pitch: -45 - (i % 45), yaw: (i % 360) - 180 },
        { kind: 'takePhoto', lenses: ['visable', 'ir'], fileSuffix: `p${i}` },
      ];
      if (i % 5 === 0) actions.push({ kind: 'zoom', focalLength: 48 }, { kind: 'hover', seconds: 2 });
      return {
        // a lawn-mower pattern over ~1.2 km × 1 km of Guicheng
        lng: 113.1234567 + (i % 25) * 0.0004567891,
        lat: 23.0345678 + Math.floor(i / 25) * 0.0004321987,
        height: 60 + (i % 10) * 1.5,
        ...(i % 7 === 0 ? { speed: 6.5 } : {}),
        actions,
      };
    }),
  };
}

interface Timing {
  wall: ReturnType<typeof summarize>;
  /** CPU time of this process per run: on a shared machine, closer to what an idle one would show. */
  cpu: ReturnType<typeof summarize>;
}

async function time(fn: () => unknown | Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    wall.push(performance.now() - t);
    cpu.push(cpuMs(c));
  }
  return { wall: summarize(wall), cpu: summarize(cpu) };
}

const line = (label: string, s: Timing, extra = '') =>
  console.log(
    `  ${label.padEnd(48)} median ${ms(s.wall.p50).padStart(9)}  p99 ${ms(s.wall.p99).padStart(9)}  (cpu median ${ms(s.cpu.p50).padStart(9)})${extra}`,
  );
const ratio = (a: Timing, b: Timing) => `${(a.wall.p50 / b.wall.p50).toFixed(1)}×`;

heading(`wayline KMZ, ${WAYPOINTS} waypoints, ${RUNS} runs each`);
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} (a busy machine inflates every figure; the ratios less)`,
);

const route = benchRoute();
const { kmz, md5 } = exportKmz(route);
const wpml = waylinesXml(route);
const kml = templateXml(route);
console.log(
  `  KMZ ${(kmz.length / 1024).toFixed(0)} KiB (waylines.wpml ${(wpml.length / 1024).toFixed(0)} KiB + template.kml ${(kml.length / 1024).toFixed(0)} KiB), md5 ${md5}`,
);
const check = await importKmz(kmz, { name: route.name });
if (!check.ok) throw new Error(`the bench route does not import: ${check.message}`);
if (check.route.waypoints.length !== WAYPOINTS) throw new Error('the bench route lost waypoints');

const json = await time(() => JSON.parse(JSON.stringify(route)));
const zipStrings = await time(() => {
  const z = new JSZip();
  z.file(TEMPLATE_PATH, kml);
  z.file(WAYLINES_PATH, wpml);
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
});
const unzipStrings = await time(async () => {
  const z = await JSZip.loadAsync(kmz);
  return Promise.all([z.file(TEMPLATE_PATH)!.async('string'), z.file(WAYLINES_PATH)!.async('string')]);
});
const exported = await time(() => exportKmz(route));
const imported = await time(() => importKmz(kmz, { name: route.name }));

console.log('baselines');
line('JSON.stringify + JSON.parse of the route', json);
line('JSZip: zip the two XML texts (DEFLATE)', zipStrings);
line('JSZip: unzip the KMZ to its two texts', unzipStrings);
console.log('product');
line(
  'exportKmz (validate, write XML, zip, MD5)',
  exported,
  `  ${ratio(exported, json)} JSON, ${ratio(exported, zipStrings)} zip-only`,
);
line(
  'importKmz (guards, unzip, parse, map, validate)',
  imported,
  `  ${ratio(imported, json)} JSON, ${ratio(imported, unzipStrings)} unzip-only`,
);
for (const [what, s] of [
  ['export', exported],
  ['import', imported],
] as const)
  console.log(
    `  target: ${what} median < ${TARGET_MS} ms → ${s.wall.p50 < TARGET_MS ? 'PASS' : 'FAIL'} (wall ${ms(s.wall.p50)}, p99 ${ms(s.wall.p99)}; cpu ${ms(s.cpu.p50)} → ${s.cpu.p50 < TARGET_MS ? 'PASS' : 'FAIL'} on cpu time)`,
  );
