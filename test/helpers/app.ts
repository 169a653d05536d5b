import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { loadConfig, type Config } from '../../src/config';
import { createApp, type App } from '../../src/app';
import { ManualClock, type Clock } from '../../src/platform/clock';
import { seedIfEmpty } from '../../src/seed';
import { PG_URL, type DialectName } from './env';

export interface TestApp extends App {
  dialect: DialectName;
  clock: Clock;
  config: Config;
  dataDir: string;
  pgSchema?: string;
  /** Closes the app and removes its data (folder or schema). */
  dispose(): Promise<void>;
}

export interface TestAppOptions {
  seed?: boolean;
  clock?: Clock;
  mqtt?: boolean;
  /** Start the object store (the embedded S3 server on a free port unless env names S3_ENDPOINT). */
  objectStore?: boolean;
  web?: boolean;
  env?: Record<string, string>;
  /** Reuse an existing data dir / schema (a second node on the same database). */
  share?: { dataDir: string; pgSchema?: string };
  orders?: number;
  /** Classifier training texts for the demo seed (tests use fewer than a real start). */
  trainingSamples?: number;
  /** The app's logger (default: silent). */
  logger?: pino.Logger;
}

export async function createPgSchema(): Promise<string> {
  const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: PG_URL! });
  await client.connect();
  await client.query(`create schema ${schema}`);
  await client.end();
  return schema;
}

export async function dropPgSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL! });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
}

export async function startTestApp(dialect: DialectName, opts: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = opts.share?.dataDir ?? mkdtempSync(join(tmpdir(), 'yiwang-test-'));
  let pgSchema: string | undefined;
  if (dialect === 'postgres') pgSchema = opts.share?.pgSchema ?? (await createPgSchema());
  const databaseUrl = dialect === 'postgres' ? appendSchema(PG_URL!, pgSchema!) : '';
  const config = loadConfig({
    DATA_DIR: dataDir,
    PORT: '0',
    MQTT_PORT: '0',
    S3_PORT: '0',
    LOG_LEVEL: 'silent',
    JOBS: 'off',
    NODE_ID: `test-${Math.random().toString(36).slice(2, 8)}`,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...opts.env,
  } as NodeJS.ProcessEnv);
  const clock = opts.clock ?? new ManualClock(Date.parse('2026-03-02T01:00:00Z'));
  let app: App;
  try {
    app = await createApp(config, {
      clock,
      pgSchema,
      mqtt: opts.mqtt ?? false,
      objectStore: opts.objectStore ?? false,
      web: opts.web ?? false,
      logger: opts.logger ?? pino({ level: 'silent' }),
    });
  } catch (e) {
    // an app that never started is never disposed: clean up here, or its schema leaks
    if (!opts.share && pgSchema) await dropPgSchema(pgSchema).catch(() => {});
    if (!opts.share) rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  if (opts.seed !== false)
    await seedIfEmpty(app, { orders: opts.orders ?? 0, trainingSamples: opts.trainingSamples ?? 3000 });
  const owned = !opts.share;
  return Object.assign(app, {
    dialect,
    clock,
    config,
    dataDir,
    pgSchema,
    async dispose() {
      await app.close();
      if (!owned) return;
      if (pgSchema) await dropPgSchema(pgSchema);
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

/** PostgreSQL URL whose connections use `schema` (for child processes that only get a URL). */
export function appendSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}
