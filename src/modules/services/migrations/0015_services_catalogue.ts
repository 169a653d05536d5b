import type { Kysely } from 'kysely';

/**
 * 一网通办, part 1: sites and their windows, the item catalogue (GB/T 39554 hierarchy) with its
 * working drafts and immutable published versions, and the published catalogue's search index
 * (jieba terms, sites, life events). Same DDL on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('svc_sites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('halls', 'text', (c) => c.notNull())
    .addColumn('hours', 'text', (c) => c.notNull())
    .addColumn('community_org_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('svc_windows')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('svc_sites.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('hall_code', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('svc_windows_site_number')
    .unique()
    .on('svc_windows')
    .columns(['site_id', 'number'])
    .execute();

  await db.schema
    .createTable('svc_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('svc_items.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('draft', 'text', (c) => c.notNull())
    .addColumn('draft_dirty', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('svc_items_parent').on('svc_items').column('parent_id').execute();
  await db.schema.createIndex('svc_items_department').on('svc_items').columns(['department_id', 'name']).execute();

  await db.schema
    .createTable('svc_item_versions')
    .addColumn('item_id', 'text', (c) => c.notNull().references('svc_items.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('guide', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    .addColumn('published_by', 'text')
    .addPrimaryKeyConstraint('svc_item_versions_pk', ['item_id', 'version'])
    .execute();

  await db.schema
    .createTable('svc_catalogue')
    .addColumn('item_id', 'text', (c) => c.primaryKey().references('svc_items.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('initials', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('department_name', 'text', (c) => c.notNull())
    .addColumn('item_type', 'text', (c) => c.notNull())
    .addColumn('case_type', 'text', (c) => c.notNull())
    .addColumn('online_depth', 'text', (c) => c.notNull())
    .addColumn('visits', 'integer', (c) => c.notNull())
    .addColumn('mailable', 'integer', (c) => c.notNull())
    .addColumn('promised_days', 'integer', (c) => c.notNull())
    .addColumn('legal_days', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('svc_catalogue_department')
    .on('svc_catalogue')
    .columns(['department_id', 'name'])
    .execute();
  await db.schema.createIndex('svc_catalogue_name').on('svc_catalogue').column('name').execute();

  await db.schema
    .createTable('svc_item_terms')
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('svc_item_terms_pk', ['term', 'item_id'])
    .execute();
  await db.schema.createIndex('svc_item_terms_item').on('svc_item_terms').column('item_id').execute();

  await db.schema
    .createTable('svc_site_items')
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('svc_site_items_pk', ['site_id', 'item_id'])
    .execute();
  await db.schema.createIndex('svc_site_items_item').on('svc_site_items').column('item_id').execute();

  await db.schema
    .createTable('svc_item_life_events')
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('life_event', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('svc_item_life_events_pk', ['life_event', 'item_id'])
    .execute();
  await db.schema.createIndex('svc_item_life_events_item').on('svc_item_life_events').column('item_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'svc_item_life_events',
    'svc_site_items',
    'svc_item_terms',
    'svc_catalogue',
    'svc_item_versions',
    'svc_items',
    'svc_windows',
    'svc_sites',
  ])
    await db.schema.dropTable(t).ifExists().execute();
}
