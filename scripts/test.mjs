// `npm test`: type-check, format + lint, then every Vitest suite; ends with one plain line "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

console.log('» type-check (tsc --noEmit)');
if (run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']) !== 0) {
  console.log('0 passed, 1 failed, 0 skipped');
  process.exit(1);
}

console.log('» format and lint (biome ci: formatting differences and lint errors fail)');
if (run('npx', ['biome', 'ci', '--diagnostic-level=error', '.']) !== 0) {
  console.log('0 passed, 1 failed, 0 skipped');
  process.exit(1);
}

// the tests that start the real `yiwang` command run the built server: build it once, up front
console.log('» build the server (esbuild, when src/ changed)');
if (run(process.execPath, ['scripts/build.mjs', '--server']) !== 0) {
  console.log('0 passed, 1 failed, 0 skipped');
  process.exit(1);
}

const report = '.vitest-report.json';
rmSync(report, { force: true });
const extra = process.argv.slice(2);
const status = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...extra,
]);
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  // a suite that fails outside its tests (a beforeAll that throws) counts as one failure
  const brokenSuites = (r.testResults ?? []).filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length;
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests + brokenSuites} failed, ${skipped} skipped`);
}
process.exit(status);
