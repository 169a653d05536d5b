import type { Kysely } from 'kysely';

/**
 * 一网通办 hall queue (取号叫号): service groups (业务分组) per site with their number series,
 * counters (windows) with work profiles, tickets, the daily number series per group and each
 * ticket's history. Same DDL on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('svc_hall_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('svc_sites.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('target_wait_min', 'integer', (c) => c.notNull())
    .addColumn('item_codes', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // the letter of the number series is unique per site, so A023 names one ticket per site and day
  await db.schema
    .createIndex('svc_hall_groups_code')
    .unique()
    .on('svc_hall_groups')
    .columns(['site_id', 'code'])
    .execute();

  await db.schema
    .createTable('svc_hall_counters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('svc_sites.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('profile', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('pause_reason', 'text')
    .addColumn('clerk_id', 'text')
    .addColumn('clerk_name', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('svc_hall_counters_number')
    .unique()
    .on('svc_hall_counters')
    .columns(['site_id', 'number'])
    .execute();

  await db.schema
    .createTable('svc_hall_numbers')
    .addColumn('group_id', 'text', (c) => c.notNull().references('svc_hall_groups.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('svc_hall_numbers_pk', ['group_id', 'day'])
    .execute();

  await db.schema
    .createTable('svc_hall_tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('svc_sites.id'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('svc_hall_groups.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'bigint', (c) => c.notNull())
    .addColumn('called_at', 'bigint')
    .addColumn('served_at', 'bigint')
    .addColumn('finished_at', 'bigint')
    .addColumn('counter_id', 'text')
    .addColumn('for_counter_id', 'text')
    .addColumn('transferred_at', 'bigint')
    .addColumn('recalls', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('call_reason', 'text')
    .addColumn('outcome', 'text')
    .addColumn('phone', 'text')
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('svc_hall_tickets_number')
    .unique()
    .on('svc_hall_tickets')
    .columns(['site_id', 'day', 'number'])
    .execute();
  await db.schema.createIndex('svc_hall_tickets_queue').on('svc_hall_tickets').columns(['site_id', 'state']).execute();
  await db.schema
    .createIndex('svc_hall_tickets_counter')
    .on('svc_hall_tickets')
    .columns(['counter_id', 'state'])
    .execute();

  await db.schema
    .createTable('svc_hall_ticket_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('svc_hall_tickets.id'))
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('counter_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('svc_hall_ticket_events_ticket')
    .on('svc_hall_ticket_events')
    .columns(['ticket_id', 'at'])
    .execute();
  await db.schema
    .createIndex('svc_hall_ticket_events_site')
    .on('svc_hall_ticket_events')
    .columns(['site_id', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'svc_hall_ticket_events',
    'svc_hall_tickets',
    'svc_hall_numbers',
    'svc_hall_counters',
    'svc_hall_groups',
  ])
    await db.schema.dropTable(t).ifExists().execute();
}
