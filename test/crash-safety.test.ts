/**
 * Crash safety of intake: the real server (`node bin/yiwang.mjs start`) is killed with SIGKILL while
 * writers post orders, several times over, on SQLite and PostgreSQL. Afterwards every order the
 * server acknowledged (201 with an id) is in the database exactly once, a retry with the same
 * Idempotency-Key returns that same order, requests cut off by the kill come out once when retried,
 * and the audit hash chain verifies (`yiwang audit verify`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { appendSchema, createPgSchema, dropPgSchema } from './helpers/app';
import { childEnv, freePort, killIfRunning, ROOT, spawnNode, type Child } from './helpers/child';
import { dialects, PG_URL, type DialectName } from './helpers/env';

const CLI = join(ROOT, 'bin', 'yiwang.mjs');
const CYCLES = 4;
const WRITERS = 6;
/** How long the writers run before the kill: long enough for hundreds of intakes, random within. */
const LOAD_MS = [700, 1800];
const USER = { username: 'crash', password: 'crash-test-password-1' };

const children: Child[] = [];
const dirs: string[] = [];
const schemas: string[] = [];
afterEach(() => children.splice(0).forEach(killIfRunning));
afterAll(async () => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  for (const s of schemas) await dropPgSchema(s);
});

interface Store {
  env: Record<string, string>;
  /** description → number of orders holding it, for the orders this suite wrote */
  counts(): Promise<Map<string, number>>;
}

async function freshStore(dialect: DialectName): Promise<Store> {
  const dataDir = mkdtempSync(join(tmpdir(), 'yiwang-crash-'));
  dirs.push(dataDir);
  const sql = `select description, count(*) as n from orders where description like '崩溃测试%' group by description`;
  if (dialect === 'sqlite') {
    return {
      env: { DATA_DIR: dataDir },
      async counts() {
        const db = new SQLite(join(dataDir, 'yiwang.db'), { readonly: true });
        try {
          return new Map(
            (db.prepare(sql).all() as { description: string; n: number }[]).map((r) => [r.description, r.n]),
          );
        } finally {
          db.close();
        }
      },
    };
  }
  const schema = await createPgSchema();
  schemas.push(schema);
  const url = appendSchema(PG_URL!, schema);
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: url },
    async counts() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return new Map((await client.query(sql)).rows.map((r) => [r.description as string, Number(r.n)]));
      } finally {
        await client.end();
      }
    },
  };
}

function cli(args: string[], env: Record<string, string>): Child {
  const c = spawnNode([CLI, ...args], { env: childEnv({ LOG_LEVEL: 'warn', ...env }) });
  children.push(c);
  return c;
}

/** A logged-in session against a running server: cookie + CSRF token. */
async function session(base: string) {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(USER),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const me = (await (await fetch(`${base}/api/me`, { headers: { cookie } })).json()) as { csrfToken: string };
  return { cookie, csrf: me.csrfToken };
}

const describeOf = (key: string) => `崩溃测试 ${key}：路灯不亮，晚上路过很危险`;

/** One intake; `undefined` when the connection died (the kill), else status and order id. */
async function post(
  base: string,
  s: { cookie: string; csrf: string },
  key: string,
): Promise<{ status: number; id?: string } | undefined> {
  try {
    const res = await fetch(`${base}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf, 'idempotency-key': key },
      body: JSON.stringify({ channel: 'hotline', description: describeOf(key), reporter: { phone: '13800138000' } }),
    });
    const body = (await res.json().catch(() => ({}))) as { id?: string };
    return { status: res.status, id: body.id };
  } catch {
    return undefined;
  }
}

async function start(store: Store): Promise<{ child: Child; base: string }> {
  const port = await freePort();
  const child = cli(['start', '--no-demo'], { ...store.env, PORT: String(port), MQTT_PORT: String(await freePort()) });
  await child.waitFor(/is running at/, 120_000);
  return { child, base: `http://127.0.0.1:${port}` };
}

for (const dialect of dialects('crash safety (SIGKILL under intake load)')) {
  describe(`crash safety on ${dialect}`, () => {
    it(`${CYCLES} SIGKILLs under intake load lose nothing acknowledged and double nothing`, async () => {
      const store = await freshStore(dialect);
      const create = cli(
        ['user', 'create', '--username', USER.username, '--password', USER.password, '--roles', 'dispatcher'],
        store.env,
      );
      expect(await create.exited(120_000)).toBe(0);

      const acknowledged = new Map<string, string>(); // key → order id
      const cutOff = new Set<string>(); // sent, no answer: the kill came first
      let seq = 0;
      for (let cycle = 0; cycle < CYCLES; cycle++) {
        const { child, base } = await start(store);
        const s = await session(base);
        let running = true;
        const writer = async (w: number) => {
          while (running) {
            const key = `c${cycle}-w${w}-${seq++}`;
            const r = await post(base, s, key);
            if (r === undefined) {
              cutOff.add(key);
              return;
            }
            expect(r.status, key).toBe(201);
            acknowledged.set(key, r.id!);
          }
        };
        const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
        await new Promise((r) => setTimeout(r, LOAD_MS[0] + Math.random() * (LOAD_MS[1] - LOAD_MS[0])));
        child.proc.kill('SIGKILL');
        running = false;
        await Promise.all(writers);
        await child.exited(15_000);
      }
      expect(acknowledged.size).toBeGreaterThan(CYCLES * 20);

      // after the last kill: every acknowledged order once, and each retry answers with the same order
      const { child, base } = await start(store);
      const s = await session(base);
      const counts = await store.counts();
      for (const key of acknowledged.keys()) expect(counts.get(describeOf(key)), key).toBe(1);
      for (const [key, id] of acknowledged) {
        const again = await post(base, s, key);
        expect(again?.id, key).toBe(id);
      }
      // a request cut off by the kill either committed or not; retried, it exists exactly once
      for (const key of cutOff) expect([200, 201]).toContain((await post(base, s, key))?.status);
      const after = await store.counts();
      for (const key of [...acknowledged.keys(), ...cutOff]) expect(after.get(describeOf(key)), key).toBe(1);
      expect(after.size).toBe(acknowledged.size + cutOff.size);

      child.proc.kill('SIGINT');
      await child.exited(20_000);
      const verify = cli(['audit', 'verify'], store.env);
      expect(await verify.exited(60_000), verify.stdout() + verify.stderr()).toBe(0);
      console.log(
        `crash safety on ${dialect}: ${CYCLES} kills, ${acknowledged.size} acknowledged, 0 lost, 0 doubled; ${cutOff.size} cut off, each once after retry`,
      );
    }, 600_000);
  });
}
