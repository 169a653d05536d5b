/**
 * The intake bench's baseline: every row the app's intakes wrote in the measured phase, committed
 * again with bare SQL, one transaction per order, into a fresh migrated store — the order, its
 * timeline, its notifications, its jobs, its outbox events, its audit rows with the chain head's
 * update, the day counter's upsert and (auto-dispatched orders) its evaluation facts and roll-ups.
 * No validation, classification, routing, duplicate search, hashing, HTTP or query builder: what
 * the database alone costs for the same writes. Also timed: 64 orders per transaction (the
 * ceiling group commit can approach).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Kysely } from 'kysely';
import type { DB } from '../src/schema';
import { connect, openSqlite } from '../src/platform/db/connect';
import { migrateAll } from '../src/migrations';
import { appendSchema, createPgSchema, dropPgSchema } from '../test/helpers/app';
import { monthOfDay } from '../src/modules/orders/metrics/definitions';

type Row = Record<string, unknown>;

/** One statement of a bare transaction: SQL text (with `?` placeholders) and its values. */
interface Statement {
  text: string;
  values: unknown[];
}

/** The writes of one intake, ready to replay. `suffix` makes keys unique for a second pass. */
export type IntakeWrites = (suffix: string) => Statement[];

const METRIC_KEYS = new Set(['at', 'unit_id', 'order_id', 'day', 'month']);
const insert = (table: string, row: Row): Statement => {
  const cols = Object.keys(row);
  return {
    text: `insert into "${table}" (${cols.map((c) => `"${c}"`).join(',')}) values (${cols.map(() => '?').join(',')})`,
    values: cols.map((c) => row[c]),
  };
};
const upsertAdding = (table: string, keys: string[], row: Row): Statement => {
  const cols = Object.keys(row);
  const counters = cols.filter((c) => !METRIC_KEYS.has(c));
  const set = counters.map((c) => `"${c}" = "${table}"."${c}" + excluded."${c}"`).join(', ');
  return {
    text: `insert into "${table}" (${cols.map((c) => `"${c}"`).join(',')}) values (${cols.map(() => '?').join(',')}) on conflict (${keys.map((k) => `"${k}"`).join(',')}) do update set ${set}`,
    values: cols.map((c) => row[c]),
  };
};
const nonZero = (row: Row) =>
  Object.fromEntries(Object.entries(row).filter(([k, v]) => METRIC_KEYS.has(k) || (typeof v === 'number' && v !== 0)));

/** Every row written at or after `since`, grouped by the order it belongs to. */
export async function intakeWrites(
  db: Kysely<DB>,
  since: number,
): Promise<{ writes: IntakeWrites[]; rowsPerOrder: number }> {
  const orders = await db
    .selectFrom('orders')
    .selectAll()
    .where('created_at', '>=', since)
    .orderBy('created_at')
    .execute();
  const byOrder = <T extends Row>(rows: T[], key: (r: T) => unknown) => {
    const m = new Map<unknown, T[]>();
    for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
    return m;
  };
  const timeline = byOrder(
    await db.selectFrom('order_events').selectAll().where('at', '>=', since).execute(),
    (r) => r.order_id,
  );
  const notices = byOrder(
    await db.selectFrom('notifications').selectAll().where('created_at', '>=', since).execute(),
    (r) => r.order_id,
  );
  const jobsRaw = await db.selectFrom('jobs').selectAll().where('created_at', '>=', since).execute();
  const noticeOrder = new Map<string, string>();
  for (const [orderId, list] of notices) for (const n of list) noticeOrder.set(n.id, orderId as string);
  const jobs = byOrder(jobsRaw, (j) => {
    const p = JSON.parse(j.payload) as { orderId?: string; notificationId?: string };
    return p.orderId ?? (p.notificationId ? noticeOrder.get(p.notificationId) : undefined);
  });
  const events = byOrder(
    await db.selectFrom('events').selectAll().where('at', '>=', since).execute(),
    (r) => r.entity_id,
  );
  const audits = byOrder(
    await db.selectFrom('audit_log').selectAll().where('at', '>=', since).execute(),
    (r) => r.entity_id,
  );
  const facts = byOrder(
    (await db
      .selectFrom('order_metric_facts' as never)
      .selectAll()
      .where('at' as never, '>=', since as never)
      .execute()) as Row[],
    (r) => r.order_id,
  );
  let rows = 0;
  const writes = orders.map((o): IntakeWrites => {
    const mine = {
      timeline: timeline.get(o.id) ?? [],
      notices: notices.get(o.id) ?? [],
      jobs: jobs.get(o.id) ?? [],
      events: events.get(o.id) ?? [],
      audits: audits.get(o.id) ?? [],
      facts: facts.get(o.id) ?? [],
    };
    rows +=
      2 +
      mine.timeline.length +
      mine.notices.length +
      mine.jobs.length +
      mine.events.length +
      2 * mine.audits.length +
      3 * mine.facts.length;
    return (suffix) => {
      const s = (v: unknown) => (v === null ? null : `${v}${suffix}`);
      const out: Statement[] = [
        {
          text: 'insert into "order_numbers" ("day","last") values (?, 1) on conflict ("day") do update set "last" = "order_numbers"."last" + 1 returning "last"',
          values: [String(o.number).slice(2, 10)],
        },
        insert('orders', { ...o, id: s(o.id), number: s(o.number) }),
      ];
      for (const e of mine.timeline) out.push(insert('order_events', { ...e, id: s(e.id), order_id: s(e.order_id) }));
      for (const n of mine.notices) out.push(insert('notifications', { ...n, id: s(n.id), order_id: s(n.order_id) }));
      for (const j of mine.jobs) out.push(insert('jobs', { ...j, id: s(j.id), dedupe_key: s(j.dedupe_key) }));
      for (const e of mine.events) {
        const { seq: _serial, ...rest } = e;
        out.push(insert('events', { ...rest, id: s(e.id), entity_id: s(e.entity_id) }));
      }
      for (const a of mine.audits) {
        const seq = Number(a.seq) + (suffix ? 1e9 : 0);
        out.push(insert('audit_log', { ...a, seq, entity_id: s(a.entity_id) }));
        out.push({ text: 'update "audit_head" set "seq" = ?, "hash" = ? where "id" = 1', values: [seq, a.hash] });
      }
      for (const f of mine.facts) {
        out.push(insert('order_metric_facts', nonZero({ ...f, order_id: s(f.order_id) })));
        const { order_id: _o, at: _a, ...counters } = nonZero(f);
        out.push(upsertAdding('order_metric_days', ['day', 'unit_id'], counters));
        const { day, ...rest } = counters;
        out.push(
          upsertAdding('order_metric_months', ['month', 'unit_id'], { month: monthOfDay(Number(day)), ...rest }),
        );
      }
      return out;
    };
  });
  return { writes, rowsPerOrder: rows / Math.max(1, orders.length) };
}

export interface BareFigures {
  perOrder: number;
  batched: number;
}

/** better-sqlite3 directly on a fresh, migrated file with the app's pragmas (WAL, synchronous=FULL). */
export async function bareSqlite(writes: IntakeWrites[]): Promise<BareFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'yiwang-bench-bare-'));
  const setup = connect({ databaseUrl: null, dataDir: dir });
  await migrateAll(setup.db);
  await setup.close();
  const db = openSqlite(join(dir, 'yiwang.db'));
  try {
    const prepared = new Map<string, ReturnType<typeof db.prepare>>();
    const exec = (st: Statement) => {
      let p = prepared.get(st.text);
      if (!p) prepared.set(st.text, (p = db.prepare(st.text)));
      if (p.reader) p.all(st.values);
      else p.run(st.values);
    };
    const one = db.transaction((w: IntakeWrites, suffix: string) => w(suffix).forEach(exec));
    let t = performance.now();
    for (const w of writes) one(w, '');
    const perOrder = (writes.length / (performance.now() - t)) * 1000;
    const many = db.transaction((ws: IntakeWrites[]) => ws.forEach((w) => w('b').forEach(exec)));
    t = performance.now();
    for (let i = 0; i < writes.length; i += 64) many(writes.slice(i, i + 64));
    return { perOrder, batched: (writes.length / (performance.now() - t)) * 1000 };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** node-postgres on a fresh, migrated schema: a pool like the app's (10), `concurrency` callers, named prepared statements. */
export async function barePostgres(writes: IntakeWrites[], pgUrl: string, concurrency: number): Promise<BareFigures> {
  const schema = await createPgSchema();
  const url = appendSchema(pgUrl, schema);
  const setup = connect({ databaseUrl: url, dataDir: tmpdir(), pgSchema: schema });
  await migrateAll(setup.db);
  await setup.close();
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const names = new Map<string, string>();
  const pgText = (text: string) => {
    let n = 0;
    return text.replace(/\?/g, () => `$${++n}`);
  };
  try {
    const commit = async (group: IntakeWrites[], suffix: string) => {
      const c = await pool.connect();
      try {
        await c.query('begin');
        for (const w of group) {
          for (const st of w(suffix)) {
            let name = names.get(st.text);
            if (!name) names.set(st.text, (name = `s${names.size}`));
            await c.query({ name, text: pgText(st.text), values: st.values });
          }
        }
        await c.query('commit');
      } catch (e) {
        await c.query('rollback');
        throw e;
      } finally {
        c.release();
      }
    };
    const drive = async (groups: IntakeWrites[][], suffix: string) => {
      let next = 0;
      const t = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < groups.length) await commit(groups[next++], suffix);
        }),
      );
      return (writes.length / (performance.now() - t)) * 1000;
    };
    const perOrder = await drive(
      writes.map((w) => [w]),
      '',
    );
    const groups: IntakeWrites[][] = [];
    for (let i = 0; i < writes.length; i += 64) groups.push(writes.slice(i, i + 64));
    return { perOrder, batched: await drive(groups, 'b') };
  } finally {
    await pool.end();
    await dropPgSchema(schema);
  }
}
