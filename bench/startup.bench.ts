/**
 * Start-up of the real `yiwang start` on a fresh SQLite data dir: time until "is running at" and RSS
 * 3 s after, for the built server (bin/yiwang.mjs → dist/server) against the baseline of the same
 * sources run through the tsx loader, measured in the same run. BENCH_STARTUP_DEMO=1 adds the
 * start that seeds the demo (slower: seeding dominates).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ROOT } from '../test/helpers/child';

interface Start {
  readyS: number;
  rssMiB: number;
}

async function start(entry: string, args: string[]): Promise<Start> {
  const dir = mkdtempSync(join(tmpdir(), 'yiwang-bench-start-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dir,
    PORT: String(await freePort()),
    MQTT_PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.MQTT_URL;
  const t0 = performance.now();
  const child = spawn(process.execPath, [entry, 'start', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    let out = '';
    const readyS = await new Promise<number>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        if (/is running at/.test(out)) resolve((performance.now() - t0) / 1000);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code} before ready`)));
    });
    await new Promise((r) => setTimeout(r, 3000));
    const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
    return { readyS, rssMiB: rss / 1024 };
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

// the baseline: the same main.ts through tsx's loader, as production ran before the built server;
// written inside node_modules so that 'tsx' resolves from the project
const tsxBin = join(ROOT, 'node_modules', '.yiwang-bench-tsx-bin.mjs');
writeFileSync(
  tsxBin,
  `import { register } from 'tsx/esm/api';\nregister();\nconst { main } = await import(${JSON.stringify(join(ROOT, 'src', 'main.ts'))});\nprocess.exitCode = await main(process.argv.slice(2));\n`,
);

const runs = process.env.BENCH_STARTUP_DEMO === '1' ? [['--no-demo'], []] : [['--no-demo']];
const ROUNDS = 3;
for (const args of runs) {
  const label = args.length ? args.join(' ') : 'with demo';
  const best = async (entry: string) => {
    const all: Start[] = [];
    for (let i = 0; i < ROUNDS; i++) all.push(await start(entry, args));
    return { readyS: Math.min(...all.map((s) => s.readyS)), rssMiB: Math.min(...all.map((s) => s.rssMiB)) };
  };
  const built = await best(join(ROOT, 'bin', 'yiwang.mjs'));
  const tsx = await best(tsxBin);
  console.log(
    `startup (${label}, best of ${ROUNDS}): built ${built.readyS.toFixed(2)} s / ${built.rssMiB.toFixed(0)} MiB; ` +
      `tsx loader ${tsx.readyS.toFixed(2)} s / ${tsx.rssMiB.toFixed(0)} MiB; ` +
      `ratio built/tsx: time ${(built.readyS / tsx.readyS).toFixed(2)}×, RSS ${(built.rssMiB / tsx.rssMiB).toFixed(2)}×`,
  );
}
rmSync(tsxBin, { force: true });
