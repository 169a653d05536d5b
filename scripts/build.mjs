// Builds what production runs: the web UI (vite → dist/web) and the server (esbuild → dist/server),
// each only when its sources changed since its last build.
//   node scripts/build.mjs              what `npm start` runs: builds what is stale
//   node scripts/build.mjs --force      rebuild both
//   node scripts/build.mjs --typecheck  type-check first (tsc); `npm run build` uses --force --typecheck
//   node scripts/build.mjs --server     the server only
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, buildServer, inputHash, isCurrent, writeStamp } from './build-lib.mjs';

const args = process.argv.slice(2);
const force = args.includes('--force');
const seconds = (t0) => ((Date.now() - t0) / 1000).toFixed(1);

if (args.includes('--typecheck')) {
  const t0 = Date.now();
  const tsc = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmit'],
    { stdio: 'inherit', cwd: ROOT },
  );
  if (tsc.status !== 0) {
    console.error('type-check failed');
    process.exit(tsc.status ?? 1);
  }
  console.log(`types checked in ${seconds(t0)} s`);
}

if (!args.includes('--server')) {
  const hash = inputHash('web');
  if (force || !isCurrent('web', hash)) {
    const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    if (!existsSync(vite)) {
      console.error('the web UI needs building but vite is not installed: run `npm ci` (dev dependencies included)');
      process.exit(1);
    }
    console.log('building the web UI (first start, or its sources changed)…');
    const t0 = Date.now();
    const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { stdio: 'inherit', cwd: ROOT });
    if (r.status !== 0) {
      console.error('web build failed');
      process.exit(r.status ?? 1);
    }
    writeStamp('web', hash);
    console.log(`web UI built in ${seconds(t0)} s`);
  }
}

if (force || !isCurrent('server')) {
  const t0 = Date.now();
  await buildServer();
  console.log(`server built in ${seconds(t0)} s`);
}
