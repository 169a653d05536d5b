import type { Kysely } from 'kysely';

/**
 * 城市大脑 部门数据: department datasets (a declared schema, an owner department, a cadence), their
 * versions (every upload or push kept, with who and when) and the rows of each version.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('brain_datasets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('owner_org_id', 'text', (c) => c.notNull())
    .addColumn('cadence', 'text', (c) => c.notNull())
    // { columns: [{ name, label, type, unit, required }], communityColumn, periodColumn, keyColumn }
    .addColumn('schema', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('last_updated_at', 'bigint')
    .addColumn('last_updated_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('brain_dataset_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dataset_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('uploaded_by', 'text')
    .addColumn('uploaded_by_name', 'text')
    .addColumn('uploaded_at', 'bigint', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    // the schema the rows were checked against (a later edit does not rewrite old versions)
    .addColumn('schema', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('brain_dataset_versions_no')
    .on('brain_dataset_versions')
    .columns(['dataset_id', 'version'])
    .unique()
    .execute();

  await db.schema
    .createTable('brain_dataset_rows')
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('row_no', 'integer', (c) => c.notNull())
    .addColumn('dataset_id', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('community', 'text')
    .addColumn('period', 'text')
    .addPrimaryKeyConstraint('brain_dataset_rows_pk', ['version_id', 'row_no'])
    .execute();
  await db.schema
    .createIndex('brain_dataset_rows_place')
    .on('brain_dataset_rows')
    .columns(['version_id', 'community', 'period'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('brain_dataset_rows').execute();
  await db.schema.dropTable('brain_dataset_versions').execute();
  await db.schema.dropTable('brain_datasets').execute();
}
