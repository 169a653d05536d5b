/**
 * Shared bench helpers: a real app on a temp store (SQLite folder or a fresh PostgreSQL schema),
 * percentiles, and one line per figure. Benches are plain scripts (`npx tsx bench/<file>.ts`);
 * each prints its figures and its ratio to a baseline measured in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { loadConfig } from '../src/config';
import { createApp, type App } from '../src/app';
import { appendSchema, createPgSchema, dropPgSchema } from '../test/helpers/app';

export type Dialect = 'sqlite' | 'postgres';

export const PG_URL = process.env.TEST_DATABASE_URL || null;

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set (BENCH_DIALECTS=sqlite limits it). */
export function benchDialects(): Dialect[] {
  const only = process.env.BENCH_DIALECTS?.split(',');
  const all: Dialect[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];
  return only ? all.filter((d) => only.includes(d)) : all;
}

export interface BenchApp {
  app: App;
  dialect: Dialect;
  dataDir: string;
  pgSchema?: string;
  databaseUrl: string | null;
  dispose(): Promise<void>;
}

/** The real app (createApp) on a temp store: MQTT and the web UI off, jobs as configured. */
export async function startBenchApp(dialect: Dialect, env: Record<string, string> = {}): Promise<BenchApp> {
  // BENCH_DATA_DIR (SQLite) / BENCH_PG_SCHEMA (PostgreSQL): keep the store between runs (not removed at the end)
  const kept = dialect === 'sqlite' ? process.env.BENCH_DATA_DIR : process.env.BENCH_PG_SCHEMA;
  const dataDir = dialect === 'sqlite' && kept ? kept : mkdtempSync(join(tmpdir(), 'yiwang-bench-'));
  const pgSchema = dialect === 'postgres' ? kept || (await createPgSchema()) : undefined;
  if (dialect === 'postgres' && kept) await ensurePgSchema(kept);
  const databaseUrl = pgSchema ? appendSchema(PG_URL!, pgSchema) : null;
  const config = loadConfig({
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...env,
  } as NodeJS.ProcessEnv);
  const app = await createApp(config, { mqtt: false, web: false, pgSchema, logger: pino({ level: config.logLevel }) });
  return {
    app,
    dialect,
    dataDir,
    pgSchema,
    databaseUrl,
    async dispose() {
      await app.close();
      if (kept) return;
      if (pgSchema) await dropPgSchema(pgSchema);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function ensurePgSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL! });
  await client.connect();
  await client.query(`create schema if not exists ${schema}`);
  await client.end();
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarize(samples: readonly number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1] ?? NaN };
}

export const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`;
export const rate = (x: number) => `${x.toFixed(0)}/s`;

/** The machine's state, printed with every run: figures from a busy machine are not comparable. */
export function machineLine(): string {
  const [l1] = loadavg();
  return `node ${process.version}, load average ${l1.toFixed(1)} at start`;
}

export function heading(title: string): void {
  console.log(`\n== ${title} ==  (${machineLine()})`);
}

export function cpuMs(since?: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
}

/**
 * BENCH_PROFILE=<file>: a V8 CPU profile of this process over the measured phase only (open it in
 * Chrome DevTools or summarise it); without it, `fn` just runs.
 */
export async function profiled<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const target = process.env.BENCH_PROFILE;
  if (!target) return fn();
  const { Session } = await import('node:inspector/promises');
  const { writeFileSync } = await import('node:fs');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    const file = target.replace(/(\.cpuprofile)?$/, `-${label}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(`profile of the measured phase: ${file}`);
    session.disconnect();
  }
}
