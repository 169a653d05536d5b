/**
 * The real `yiwang` command as a user runs it: `node bin/yiwang.mjs start` in a child process on
 * free ports, health, first-run output, SIGINT, port conflicts, bad configuration, and the
 * `--no-demo` install whose first admin is created from the command line.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { dialects, PG_URL, type DialectName } from './helpers/env';
import { appendSchema, createPgSchema, dropPgSchema } from './helpers/app';
import { childEnv, freePort, killIfRunning, ROOT, spawnNode, type Child } from './helpers/child';

const CLI = join(ROOT, 'bin', 'yiwang.mjs');
const READY = /is running at/;
/** The last line of the start-up banner: everything above it has been printed. */
const BANNER_END = /Ctrl-C stops/;

const children: Child[] = [];
const dirs: string[] = [];
const schemas: string[] = [];

afterEach(() => {
  children.splice(0).forEach(killIfRunning);
});
afterAll(async () => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  for (const s of schemas) await dropPgSchema(s);
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'yiwang-start-'));
  dirs.push(d);
  return d;
}

/** Where a fresh install keeps its data: a new temp DATA_DIR, or a new PostgreSQL schema. */
async function freshStore(dialect: DialectName): Promise<{ dataDir: string; env: Record<string, string> }> {
  const dataDir = tempDir();
  if (dialect === 'sqlite') return { dataDir, env: { DATA_DIR: dataDir } };
  const schema = await createPgSchema();
  schemas.push(schema);
  return { dataDir, env: { DATA_DIR: dataDir, DATABASE_URL: appendSchema(PG_URL!, schema) } };
}

function cli(args: string[], env: Record<string, string | undefined>, cwd?: string): Child {
  const c = spawnNode([CLI, ...args], { env: childEnv({ LOG_LEVEL: 'warn', ...env }), cwd });
  children.push(c);
  return c;
}

/** Holds a port the way another program would (all interfaces), until released. */
function holdPort(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(port, () => resolve(srv));
  });
}

const release = (srv: Server) => new Promise<void>((r) => srv.close(() => r()));
const stderrLines = (c: Child) =>
  c
    .stderr()
    .split('\n')
    .filter((l) => l.trim() !== '');

/** CPU seconds (user + system) the process has used: a figure the machine's load barely moves. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

async function login(port: number, username: string, password: string) {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function countUsers(dialect: DialectName, dataDir: string, databaseUrl?: string): Promise<number> {
  if (dialect === 'sqlite') {
    const db = new SQLite(join(dataDir, 'yiwang.db'), { readonly: true });
    try {
      return (db.prepare('select count(*) as n from users').get() as { n: number }).n;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number((await client.query('select count(*) as n from users')).rows[0].n);
  } finally {
    await client.end();
  }
}

/** SIGINT, then the process must say so and exit 0 within a few seconds. */
async function stopWithSigint(c: Child): Promise<void> {
  const t = Date.now();
  c.proc.kill('SIGINT');
  expect(await c.exited(8_000)).toBe(0);
  expect(c.stdout()).toContain('stopped cleanly');
  expect(Date.now() - t).toBeLessThan(8_000);
}

describe.each(dialects('start-up and shutdown'))('yiwang start (%s)', (dialect) => {
  it('starts on an empty store, answers health, prints the URL and demo logins, stops cleanly on SIGINT', async () => {
    const store = await freshStore(dialect);
    const [port, mqttPort] = [await freePort(), await freePort()];
    const t0 = performance.now();
    const c = cli(['start'], { ...store.env, PORT: String(port), MQTT_PORT: String(mqttPort) });
    const readyLine = await c.waitFor(READY, 150_000);
    const wallMs = performance.now() - t0;
    const rss = rssKb(c.proc.pid!);
    const cpu = cpuSeconds(c.proc.pid!);
    await c.waitFor(BANNER_END);

    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      db: { ok: true, dialect },
      mqtt: { ok: true, mode: 'embedded' },
    });
    if (dialect === 'sqlite') expect(existsSync(join(store.dataDir, 'yiwang.db'))).toBe(true);

    const out = c.stdout();
    expect(readyLine).toContain(`http://localhost:${port}`);
    expect(out).toMatch(/demo logins \(password yiwang-demo\): admin, dispatcher/);
    expect((await login(port, 'admin', 'yiwang-demo')).status).toBe(200);

    const selfReported = /ready in ([\d.]+) s/.exec(readyLine)?.[1];
    console.log(
      `[startup ${dialect}] empty store → ready: ${(wallMs / 1000).toFixed(2)} s from spawn ` +
        `(the app's own figure: ${selfReported} s, includes migrations and demo seeding); CPU used to get there: ${cpu.toFixed(1)} s; RSS after ready: ${(rss / 1024).toFixed(1)} MiB ` +
        `(machine load average ${loadavg()[0].toFixed(1)})`,
    );

    await stopWithSigint(c);
    expect(stderrLines(c)).toEqual([]);
  }, 240_000);

  it('--no-demo leaves the database without users and says how to create the first admin; `user create` makes one who can log in', async () => {
    const store = await freshStore(dialect);
    // No DATA_DIR on SQLite: the default ./data under the working directory.
    const cwd = tempDir();
    const env = dialect === 'sqlite' ? {} : { DATABASE_URL: store.env.DATABASE_URL };
    const dataDir = join(cwd, 'data');
    const [port, mqttPort] = [await freePort(), await freePort()];

    const first = cli(['start', '--no-demo'], { ...env, PORT: String(port), MQTT_PORT: String(mqttPort) }, cwd);
    await first.waitFor(READY, 150_000);
    await first.waitFor(BANNER_END);
    expect(first.stdout()).toMatch(/create the first admin with\s+npx yiwang user create --username admin --password/);
    expect(first.stdout()).not.toContain('demo logins');
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    expect((await login(port, 'admin', 'yiwang-demo')).status).toBe(401);
    await stopWithSigint(first);
    if (dialect === 'sqlite') expect(existsSync(join(dataDir, 'yiwang.db'))).toBe(true);
    expect(await countUsers(dialect, dataDir, env.DATABASE_URL)).toBe(0);

    const create = cli(['user', 'create', '--username', 'boss', '--password', 'long-enough-1'], env, cwd);
    expect(await create.exited(150_000)).toBe(0);
    expect(create.stdout()).toMatch(/created user boss/);
    expect(await countUsers(dialect, dataDir, env.DATABASE_URL)).toBe(1);

    const again = cli(['start', '--no-demo'], { ...env, PORT: String(port), MQTT_PORT: String(mqttPort) }, cwd);
    await again.waitFor(READY, 150_000);
    const boss = await login(port, 'boss', 'long-enough-1');
    expect(boss.status).toBe(200);
    expect(boss.body.user).toMatchObject({ username: 'boss', roles: ['admin'] });
    expect((await login(port, 'boss', 'wrong-password')).status).toBe(401);
    await stopWithSigint(again);
  }, 480_000);
});

describe('yiwang start refuses clearly', () => {
  it('a taken HTTP port: exit code ≠ 0 and one line on stderr naming PORT', async () => {
    const [port, mqttPort] = [await freePort(), await freePort()];
    const held = await holdPort(port);
    try {
      const c = cli(['start', '--no-demo'], { DATA_DIR: tempDir(), PORT: String(port), MQTT_PORT: String(mqttPort) });
      const code = await c.exited(150_000);
      expect(code).not.toBe(0);
      expect(typeof code).toBe('number');
      const lines = stderrLines(c);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/\bPORT\b/);
      expect(lines[0]).not.toMatch(/MQTT_PORT/);
      expect(lines[0]).toContain(String(port));
    } finally {
      await release(held);
    }
  }, 180_000);

  it('a taken MQTT port: exit code ≠ 0 and one line on stderr naming MQTT_PORT', async () => {
    const [port, mqttPort] = [await freePort(), await freePort()];
    const held = await holdPort(mqttPort);
    try {
      const c = cli(['start', '--no-demo'], { DATA_DIR: tempDir(), PORT: String(port), MQTT_PORT: String(mqttPort) });
      const code = await c.exited(150_000);
      expect(code).not.toBe(0);
      expect(typeof code).toBe('number');
      const lines = stderrLines(c);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/\bMQTT_PORT\b/);
      expect(lines[0]).toContain(String(mqttPort));
      // It gave up before serving anything.
      expect(c.stdout()).not.toMatch(READY);
    } finally {
      await release(held);
    }
  }, 180_000);

  it('a taken object store port: exit code ≠ 0 and one line on stderr naming S3_PORT', async () => {
    const [port, mqttPort, s3Port] = [await freePort(), await freePort(), await freePort()];
    const held = await holdPort(s3Port);
    try {
      const env = { DATA_DIR: tempDir(), PORT: String(port), MQTT_PORT: String(mqttPort), S3_PORT: String(s3Port) };
      const c = cli(['start', '--no-demo'], env);
      const code = await c.exited(150_000);
      expect(code).not.toBe(0);
      const lines = stderrLines(c);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/\bS3_PORT\b/);
      expect(lines[0]).toContain(String(s3Port));
      expect(c.stdout()).not.toMatch(READY);
    } finally {
      await release(held);
    }
  }, 180_000);

  it.each([
    ['PORT', { PORT: 'abc' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
    ['MQTT_URL', { MQTT_URL: 'http://broker' }],
  ])(
    'bad configuration (%s) → a configuration error naming the variable, exit 2',
    async (variable, env) => {
      const c = cli(['start'], { DATA_DIR: tempDir(), ...env });
      expect(await c.exited(60_000)).toBe(2);
      const lines = stderrLines(c);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^configuration error: /);
      expect(lines[0]).toContain(variable);
      expect(c.stdout()).not.toMatch(READY);
    },
    90_000,
  );
});
