import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { dialectOf } from '../../../platform/db/columns';

/** Counters of 工单考核 (src/modules/orders/metrics/definitions.ts): integers, handling time in ms. */
const COUNTERS = [
  'dispatched',
  'signed_on_time',
  'signed_late',
  'returned',
  'completed',
  'completed_on_time',
  'overdue_closed',
  'visited',
  'satisfied',
  'reopened',
  'closed',
  'solved',
  'reworked',
];

function counters<T extends string>(t: CreateTableBuilder<T, any>): CreateTableBuilder<T, any> {
  for (const c of COUNTERS) t = t.addColumn(c, 'integer', (col) => col.notNull().defaultTo(0));
  return t.addColumn('handling_ms', 'bigint', (col) => col.notNull().defaultTo(0));
}

/**
 * 工单考核: a ledger of per-order facts (order × unit × attribution instant) and its roll-ups per
 * unit and local day / local month, all written by the orders metrics hook in each change's
 * transaction (src/modules/orders/metrics).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = dialectOf(db) === 'sqlite';
  // Both tables are read by a range of their first key column, so on SQLite they are stored in
  // key order (WITHOUT ROWID): a period is one sequential range, with no lookups into a heap.
  const facts = counters(
    db.schema
      .createTable('order_metric_facts')
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('order_id', 'text', (c) => c.notNull())
      .addColumn('day', 'integer', (c) => c.notNull()),
  ).addPrimaryKeyConstraint('order_metric_facts_pk', ['at', 'unit_id', 'order_id']);
  await (sqlite ? facts.modifyEnd(sql`without rowid`) : facts).execute();

  const days = counters(
    db.schema
      .createTable('order_metric_days')
      .addColumn('day', 'integer', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull()),
  ).addPrimaryKeyConstraint('order_metric_days_pk', ['day', 'unit_id']);
  await (sqlite ? days.modifyEnd(sql`without rowid`) : days).execute();

  const months = counters(
    db.schema
      .createTable('order_metric_months')
      .addColumn('month', 'integer', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull()),
  ).addPrimaryKeyConstraint('order_metric_months_pk', ['month', 'unit_id']);
  await (sqlite ? months.modifyEnd(sql`without rowid`) : months).execute();

  // 超期 still unanswered: open orders by deadline, with every column the count needs (index-only)
  await db.schema
    .createIndex('orders_metrics_open')
    .on('orders')
    .columns(['state', 'completion_deadline', 'unit_id', 'suspended', 'clock_stopped_at'])
    .execute();
  // ...and the few 挂起 ones, whose open span's start is read from `pauses`
  await db.schema
    .createIndex('orders_metrics_suspended')
    .on('orders')
    .columns(['state', 'completion_deadline'])
    .where(sql<boolean>`suspended <> 0`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('orders_metrics_suspended').execute();
  await db.schema.dropIndex('orders_metrics_open').execute();
  await db.schema.dropTable('order_metric_months').execute();
  await db.schema.dropTable('order_metric_days').execute();
  await db.schema.dropTable('order_metric_facts').execute();
}
