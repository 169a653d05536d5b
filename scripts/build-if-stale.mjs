// Builds the web UI into dist/web when its sources changed since the last build (or with --force).
// `npm start` calls this, so a fresh clone builds once and later starts are instant.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const stamp = join(root, 'dist', 'web', '.build-hash');
const inputs = [join(root, 'src', 'web'), join(root, 'vite.config.ts'), join(root, 'package-lock.json')];

function hashTree(paths) {
  const h = createHash('sha256');
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) walk(join(p, name));
    } else {
      h.update(p.slice(root.length));
      h.update(readFileSync(p));
    }
  };
  paths.forEach(walk);
  return h.digest('hex');
}

const force = process.argv.includes('--force');
const hash = hashTree(inputs);
if (!force && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) process.exit(0);

console.log('building the web UI (first start, or its sources changed)…');
const t0 = Date.now();
const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { stdio: 'inherit', cwd: root });
if (r.status !== 0) {
  console.error('web build failed');
  process.exit(r.status ?? 1);
}
writeFileSync(stamp, hash);
console.log(`web UI built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
