import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('category_code', 'text')
    .addColumn('suggested_category', 'text')
    .addColumn('suggestion_confidence', 'double precision')
    .addColumn('request_type', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('lng', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('community_code', 'text')
    .addColumn('grid_code', 'text')
    .addColumn('reporter_name', 'text')
    .addColumn('reporter_phone', 'text')
    .addColumn('reporter_user_id', 'text')
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('main_order_id', 'text')
    .addColumn('needs_visit', 'integer', (c) => c.notNull())
    .addColumn('attachments', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text')
    .addColumn('clock_started_at', 'bigint')
    .addColumn('clock_stopped_at', 'bigint')
    .addColumn('dispatched_at', 'bigint')
    .addColumn('sign_deadline', 'bigint')
    .addColumn('completion_deadline', 'bigint')
    .addColumn('reopened_at', 'bigint')
    .addColumn('suspended', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pauses', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'bigint')
    .addColumn('first_contact_at', 'bigint')
    .addColumn('reply', 'text')
    .addColumn('replied_at', 'bigint')
    .addColumn('visit_result', 'text')
    .addColumn('visited_at', 'bigint')
    .addColumn('closed_at', 'bigint')
    .addColumn('archived_at', 'bigint')
    .addColumn('cancelled_at', 'bigint')
    .addColumn('return_request', 'text')
    .addColumn('extension_request', 'text')
    .addColumn('supervision_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('bounce_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('extension_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('urge_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_urged_at', 'bigint')
    .addColumn('sla_status', 'text', (c) => c.notNull().defaultTo('normal'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Workbench queues: by state (and unit), newest or most urgent first.
  await db.schema.createIndex('orders_state_created').on('orders').columns(['state', 'created_at']).execute();
  await db.schema
    .createIndex('orders_unit_state')
    .on('orders')
    .columns(['unit_id', 'state', 'completion_deadline'])
    .execute();
  await db.schema.createIndex('orders_state_deadline').on('orders').columns(['state', 'completion_deadline']).execute();
  await db.schema.createIndex('orders_created').on('orders').column('created_at').execute();
  await db.schema.createIndex('orders_phone').on('orders').columns(['reporter_phone', 'created_at']).execute();
  await db.schema
    .createIndex('orders_reporter_user')
    .on('orders')
    .columns(['reporter_user_id', 'created_at'])
    .execute();
  await db.schema.createIndex('orders_main').on('orders').column('main_order_id').execute();
  await db.schema.createIndex('orders_sla').on('orders').columns(['sla_status', 'state']).execute();
  await db.schema.createIndex('orders_community').on('orders').columns(['community_code', 'created_at']).execute();
  await db.schema.createIndex('orders_lat_lng').on('orders').columns(['lat', 'lng']).execute();

  await db.schema
    .createTable('order_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('unit_id', 'text')
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text')
    .addColumn('note', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('order_events_order').on('order_events').columns(['order_id', 'at']).execute();
  await db.schema.createIndex('order_events_type_at').on('order_events').columns(['type', 'at']).execute();
  await db.schema.createIndex('order_events_unit_at').on('order_events').columns(['unit_id', 'at']).execute();

  await db.schema
    .createTable('order_numbers')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('order_categories')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('parent_code', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('leaf', 'integer', (c) => c.notNull())
    .addColumn('request_type', 'text')
    .addColumn('department_type', 'text')
    .addColumn('sign_hours', 'double precision')
    .addColumn('contact_days', 'double precision')
    .addColumn('complete_normal', 'double precision')
    .addColumn('complete_urgent', 'double precision')
    .addColumn('complete_emergency', 'double precision')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('routing_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('category_prefix', 'text', (c) => c.notNull())
    .addColumn('community_code', 'text')
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('auto_dispatch', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('min_confidence', 'double precision', (c) => c.notNull().defaultTo(0.9))
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('classifier_models')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('samples', 'integer', (c) => c.notNull())
    .addColumn('accuracy', 'double precision')
    .addColumn('model', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('classifier_samples')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('category_code', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('recipient_kind', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('notifications_order').on('notifications').columns(['order_id', 'created_at']).execute();
  await db.schema.createIndex('notifications_status').on('notifications').columns(['status', 'created_at']).execute();
}
