/**
 * `npm run bench`: every benchmark in bench/, one after another, each in its own process (so one's
 * heap, caches and open handles do not colour the next). Each prints its figures and its ratio to
 * a baseline measured in the same run. TEST_DATABASE_URL adds the PostgreSQL runs; BENCH_* variables
 * (see each file's header) scale them. Not part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { machineLine } from './lib';

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o))))
  .sort();
console.log(
  `benchmarks: ${files.join(', ')}  (${machineLine()}${process.env.TEST_DATABASE_URL ? ', with PostgreSQL' : ', SQLite only: set TEST_DATABASE_URL for PostgreSQL'})`,
);
let failed = 0;
for (const f of files) {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(dir, f)], { stdio: 'inherit', env: process.env });
  console.log(
    `-- ${f}: ${r.status === 0 ? 'done' : `FAILED (exit ${r.status})`} in ${((performance.now() - t) / 1000).toFixed(0)} s`,
  );
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
