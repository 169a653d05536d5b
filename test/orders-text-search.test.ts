/**
 * The workbench search box (`GET /api/orders?q=`): title or address contains the term, taken
 * literally and case-insensitively, through the trigram index where the term is long enough
 * (SQLite FTS5 `orders_text`, PostgreSQL pg_trgm) — the same answers as a plain substring test
 * in JavaScript over every order, on both engines.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, PG_URL } from './helpers/env';
import { startTestApp, type TestApp } from './helpers/app';
import { login, type Client } from './helpers/client';
import { ftsPhrase, likeLiteral, textMatches } from '../src/modules/orders/queries/text-search.repo';
import { connect } from '../src/platform/db/connect';
import { migrateAll } from '../src/migrations';

const ORDERS: Array<{ description: string; address?: string }> = [
  { description: '小区申请加装电梯，想了解审批进度', address: '桂城街道海八路12号' },
  { description: '加装电梯施工噪音扰民，晚上十点还在施工', address: '南海大道北' },
  { description: '路灯不亮，晚上出行不便', address: '灯湖东路' },
  { description: 'Road sign ABC-12 is broken 路牌损坏', address: '桂澜路' },
  { description: '折扣标注100%_返现的预付卡商家跑路', address: '千灯湖广场' },
  { description: '商铺招牌写着"全场五折"实为虚假宣传', address: '宝石东路' },
  { description: '井盖缺失很危险', address: '海八路与灯湖东路交界' },
];

describe.each(dialects('orders text search'))('order text search (%s)', (dialect) => {
  let app: TestApp;
  let dispatcher: Client;
  const numbers = new Map<string, string>();

  beforeAll(async () => {
    app = await startTestApp(dialect, { trainingSamples: 300 });
    dispatcher = await login(app, 'dispatcher');
    for (const o of ORDERS) {
      const res = await dispatcher.post('/api/orders', { channel: 'hotline', ...o });
      expect(res.status).toBe(201);
      numbers.set(o.description, res.body.order.number);
    }
  }, 120_000);
  afterAll(() => app?.dispose());

  /** The numbers the API finds for `q`, all pages. */
  async function found(q: string): Promise<string[]> {
    const out: string[] = [];
    let before: string | undefined;
    do {
      const res = await dispatcher.get(
        `/api/orders?q=${encodeURIComponent(q)}&limit=2${before ? `&before=${before}` : ''}`,
      );
      expect(res.status).toBe(200);
      out.push(...res.body.items.map((o: { number: string }) => o.number));
      before = res.body.next ?? undefined;
    } while (before);
    return out.sort();
  }

  /** The reference: every order read back, filtered by a JavaScript substring test. */
  async function expected(q: string): Promise<string[]> {
    const rows = await app.platform.db.selectFrom('orders').select(['number', 'title', 'address']).execute();
    const t = q.trim().toLowerCase();
    return rows
      .filter((r) => r.title.toLowerCase().includes(t) || (r.address ?? '').toLowerCase().includes(t))
      .map((r) => r.number)
      .sort();
  }

  it.each([
    ['a rare term of 4 characters (trigram index)', '加装电梯'],
    ['a term of 3 characters', '海八路'],
    ['a 2-character term (below the trigram length: scanned)', '电梯'],
    ['a single character', '路'],
    ['Latin letters in another case', 'abc'],
    ['LIKE wildcards taken literally', '100%_'],
    ['a lone %', '%'],
    ['a lone _', '_'],
    ['a double quote (FTS syntax) taken literally', '"全场'],
    ['a term in the address only', '灯湖东路'],
    ['a term nobody wrote', '不存在的词语'],
  ])('%s: %s', async (_what, q) => {
    const want = await expected(q);
    expect(await found(q)).toEqual(want);
    if (!['不存在的词语', '%', '_'].includes(q)) expect(want.length).toBeGreaterThan(0);
  });

  it('finds an order by its new title after the title changes, and no longer by the old one', async () => {
    const number = numbers.get('井盖缺失很危险')!;
    await app.platform.db.updateTable('orders').set({ title: '雨水篦子被盗' }).where('number', '=', number).execute();
    expect(await found('雨水篦子')).toEqual([number]);
    expect(await found('井盖缺失')).toEqual([]);
  });

  it('uses the trigram index for a term of 3 or more characters', async () => {
    if (dialect === 'sqlite') {
      const plan = await sql<{
        detail: string;
      }>`explain query plan select id from orders where orders.rowid in (select rowid from orders_text where orders_text match ${ftsPhrase('加装电梯')})`.execute(
        app.platform.db,
      );
      expect(plan.rows.map((r) => r.detail).join('\n')).toMatch(/VIRTUAL TABLE INDEX/);
    } else {
      const idx = await sql<{
        indexname: string;
      }>`select indexname from pg_indexes where schemaname = current_schema() and indexname in ('orders_title_trgm', 'orders_address_trgm')`.execute(
        app.platform.db,
      );
      expect(idx.rows.map((r) => r.indexname).sort()).toEqual(['orders_address_trgm', 'orders_title_trgm']);
    }
  });
});

describe('text search helpers', () => {
  it('escapes LIKE wildcards and FTS quotes', () => {
    expect(likeLiteral('100%_\\x')).toBe('100\\%\\_\\\\x');
    expect(ftsPhrase('say "hi"')).toBe('"say ""hi"""');
  });
});

describe.each(dialects('text search without pg_trgm').filter((d) => d === 'postgres'))(
  'text search where pg_trgm cannot be created (%s)',
  () => {
    // A database without the extension and a user who may not create it (no CREATE on the database)
    const tag = Math.random().toString(36).slice(2, 8);
    const dbName = `yw_notrgm_${tag}`;
    const role = `yw_limited_${tag}`;
    const admin = async (database: string, statements: string[]) => {
      const url = new URL(PG_URL!);
      url.pathname = `/${database}`;
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      try {
        for (const s of statements) await c.query(s);
      } finally {
        await c.end();
      }
    };
    const adminDb = () => new URL(PG_URL!).pathname.slice(1) || 'postgres';

    beforeAll(async () => {
      await admin(adminDb(), [`create role ${role} login`, `create database ${dbName}`]);
      await admin(dbName, [`create schema app authorization ${role}`, 'revoke create on schema public from public']);
    });
    afterAll(async () => {
      await admin(adminDb(), [`drop database if exists ${dbName}`, `drop role if exists ${role}`]);
    });

    it('migrates without the trigram indexes, says so, and search still answers', async () => {
      const url = new URL(PG_URL!);
      url.username = role;
      url.pathname = `/${dbName}`;
      const database = connect({ databaseUrl: url.toString(), dataDir: '/tmp', pgSchema: 'app' });
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (...a: unknown[]) => void warnings.push(a.join(' '));
      try {
        await migrateAll(database.db);
        expect(warnings.join('\n')).toMatch(/pg_trgm is not available/);
        const idx = await sql<{
          n: number;
        }>`select count(*)::int as n from pg_indexes where indexname in ('orders_title_trgm', 'orders_address_trgm')`.execute(
          database.db,
        );
        expect(idx.rows[0].n).toBe(0);
        const found = await database.db
          .selectFrom('orders')
          .select('id')
          .where(textMatches('postgres', '加装电梯'))
          .execute();
        expect(found).toEqual([]);
      } finally {
        console.warn = warn;
        await database.close();
      }
    });
  },
);
