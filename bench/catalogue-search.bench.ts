/**
 * 一网通办 catalogue search over the published catalogue (the demo's items plus generated ones up to
 * BENCH_ITEMS, default 1,200, with situations and materials): GET /api/services/catalogue for a mix of
 * Chinese phrases (jieba terms), pinyin initials and filters, p50/p99 over BENCH_RUNS requests each,
 * target p99 < 20 ms; and the ratio to a bare-SQL baseline measured in the same run: a LIKE scan of the
 * items' names (what a search without the term index would do), same texts, same database.
 *
 *   npx tsx bench/catalogue-search.bench.ts     (TEST_DATABASE_URL=… adds PostgreSQL)
 */
import { sql } from 'kysely';
import { seedIfEmpty } from '../src/seed';
import { benchDialects, type Dialect, heading, ms, startBenchApp, summarize } from './lib';

const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 1200);
const TARGET_MS = 20;

/** What people type: phrases, one word, initials, a phrase with a filter. */
const QUERIES: Array<{ label: string; query: string; like: string }> = [
  { label: '营业执照 (phrase)', query: 'q=办理营业执照', like: '营业执照' },
  { label: '社保 (one word)', query: 'q=社保', like: '社保' },
  { label: '残疾 (word)', query: 'q=残疾人补贴', like: '残疾' },
  { label: 'yyzz (initials)', query: 'q=yyzz', like: '营业执照' },
  { label: '户口 + online', query: 'q=户口迁移&onlineDepth=full_online', like: '户口' },
  { label: 'no text, 1st page', query: '', like: '' },
];

async function timed(fn: () => Promise<void>) {
  for (let i = 0; i < 5; i++) await fn();
  const wall: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    wall.push(performance.now() - t);
  }
  return summarize(wall);
}

async function bench(dialect: Dialect) {
  const b = await startBenchApp(dialect, { JOBS: 'off' });
  try {
    await seedIfEmpty(b.app, { orders: 0, trainingSamples: 200, serviceItems: ITEMS });
    const db = b.app.platform.db;
    const items = Number(
      (
        await db
          .selectFrom('svc_catalogue')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    console.log(`  ${dialect}: ${items} published items`);
    for (const q of QUERIES) {
      const url = `/api/services/catalogue?${encodeURI(q.query)}`;
      let hits = 0;
      const api = await timed(async () => {
        const r = await b.app.http.inject({ method: 'GET', url });
        if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
        hits = r.json().total;
      });
      const bare = await timed(async () => {
        await sql`select item_id, name from svc_catalogue where name like ${`%${q.like}%`} order by name limit 20`.execute(
          db,
        );
      });
      console.log(
        `  ${dialect} ${q.label.padEnd(20)} API p50 ${ms(api.p50).padStart(8)} p99 ${ms(api.p99).padStart(8)}   bare LIKE p50 ${ms(bare.p50).padStart(8)} p99 ${ms(bare.p99).padStart(8)}   ${(api.p50 / bare.p50).toFixed(1)}× bare   ${hits} hits   target p99 < ${TARGET_MS} ms ${api.p99 < TARGET_MS ? 'MET' : 'MISSED'}`,
      );
    }
  } finally {
    await b.dispose();
  }
}

heading(`catalogue search: ${ITEMS} items, ${RUNS} requests per query`);
for (const d of benchDialects()) await bench(d);
