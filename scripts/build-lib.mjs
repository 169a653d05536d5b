// What the build produces and how to tell whether it is current. Shared by scripts/build.mjs
// (which builds) and bin/yiwang.mjs (which runs the built server, building it first when stale).
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_DIR = join(ROOT, 'dist', 'server');
export const WEB_DIR = join(ROOT, 'dist', 'web');

const SHARED_INPUTS = ['package-lock.json', 'tsconfig.json', 'scripts/build-lib.mjs'];

/** The two build targets: what each is made from and where its stamp lives. */
export const TARGETS = {
  web: { stamp: join(WEB_DIR, '.build-hash'), inputs: ['src/web', 'vite.config.ts', ...SHARED_INPUTS] },
  // the server is every non-web, non-test file under src/ (the web's own code never reaches it)
  server: {
    stamp: join(SERVER_DIR, '.build-hash'),
    inputs: ['src', ...SHARED_INPUTS],
    skip: (rel) => rel.startsWith('src/web/') || /\.test\.tsx?$/.test(rel),
  },
};

/** A hash of the target's input files (names and contents), so a stamp says exactly what was built. */
export function inputHash(target) {
  const { inputs, skip } = TARGETS[target];
  const h = createHash('sha256');
  const walk = (rel) => {
    const abs = join(ROOT, rel);
    if (!existsSync(abs)) return;
    if (statSync(abs).isDirectory()) {
      for (const name of readdirSync(abs).sort()) walk(`${rel}/${name}`);
    } else if (!skip?.(rel)) {
      h.update(rel);
      h.update(readFileSync(abs));
    }
  };
  inputs.forEach(walk);
  return h.digest('hex');
}

export function isCurrent(target, hash = inputHash(target)) {
  const { stamp } = TARGETS[target];
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== hash) return false;
  return target !== 'server' || serverEntry() !== undefined;
}

export function writeStamp(target, hash) {
  mkdirSync(dirname(TARGETS[target].stamp), { recursive: true });
  writeFileAtomic(TARGETS[target].stamp, hash);
}

/** Several test processes may build at once: each writes beside the target and renames over it. */
export function writeFileAtomic(path, data) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/** A package's JSON data (chinese-days' holiday table) goes into the bundle: kept external, Node
 *  would need the import attribute esbuild drops. */
const bundleJson = {
  name: 'bundle-package-json',
  setup(build) {
    const require = createRequire(join(ROOT, 'package.json'));
    build.onResolve({ filter: /\.json$/ }, (args) =>
      args.path.startsWith('.') ? undefined : { path: require.resolve(args.path) },
    );
  },
};

/** The built server's entry: each build has its own folder, named by its input hash, so a process
 *  starting during a rebuild loads one whole build, never chunks of two. */
export function serverEntry() {
  const { stamp } = TARGETS.server;
  if (!existsSync(stamp)) return undefined;
  const entry = join(SERVER_DIR, buildFolder(readFileSync(stamp, 'utf8')), 'main.js');
  return existsSync(entry) ? entry : undefined;
}

const buildFolder = (hash) => `b-${hash.slice(0, 16)}`;

/**
 * Bundles the server with esbuild (ESM, dependencies left in node_modules). Code splitting keeps
 * main.ts's lazy imports lazy: `yiwang help` does not load Fastify, the database drivers and the rest.
 * The stamp, renamed into place last, switches to the new build; builds older than an hour go.
 */
export async function buildServer() {
  const hash = inputHash('server');
  const outdir = join(SERVER_DIR, buildFolder(hash));
  const tmp = `${outdir}.${process.pid}.tmp`;
  const { build } = await import('esbuild');
  await build({
    entryPoints: { main: join(ROOT, 'src', 'main.ts') },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    sourcesContent: false,
    outdir: tmp,
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
    legalComments: 'none',
    plugins: [bundleJson],
  });
  // built aside and renamed in whole: another process building the same sources at the same time
  // may have got there first, and then its identical build stays
  try {
    renameSync(tmp, outdir);
  } catch {
    rmSync(tmp, { recursive: true, force: true });
  }
  writeStamp('server', hash);
  const hourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync(SERVER_DIR)) {
    const dir = join(SERVER_DIR, name);
    if (name.startsWith('b-') && dir !== outdir && !name.endsWith('.tmp') && statSync(dir).mtimeMs < hourAgo)
      rmSync(dir, { recursive: true, force: true });
  }
}
