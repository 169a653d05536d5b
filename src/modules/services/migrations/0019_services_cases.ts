import type { Kysely } from 'kysely';

/**
 * 一网通办, cases (办件): the case, its steps, materials, 联办 parts, pauses and the daily number
 * sequence. Same DDL on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('svc_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.unique())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('item_version', 'integer', (c) => c.notNull())
    .addColumn('item_terms', 'text', (c) => c.notNull())
    .addColumn('item_type', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('situation', 'text', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('applicant_kind', 'text', (c) => c.notNull())
    .addColumn('applicant_id_no', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('applicant_phone', 'text', (c) => c.notNull())
    .addColumn('applicant_user_id', 'text')
    .addColumn('agent', 'text')
    .addColumn('agent_user_id', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('decided_site_id', 'text')
    .addColumn('issue_site_id', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('draft_expires_at', 'bigint', (c) => c.notNull())
    .addColumn('submitted_at', 'bigint')
    .addColumn('accepted_at', 'bigint')
    .addColumn('accepted_by', 'text')
    .addColumn('step_index', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pre_review', 'text', (c) => c.notNull())
    .addColumn('originals', 'text')
    .addColumn('corrections', 'text', (c) => c.notNull())
    .addColumn('review_steps', 'text', (c) => c.notNull())
    .addColumn('extension', 'text')
    .addColumn('fee', 'text')
    .addColumn('decision', 'text')
    .addColumn('outcome', 'text')
    .addColumn('decided_at', 'bigint')
    .addColumn('delivery', 'text')
    .addColumn('rating', 'text')
    .addColumn('closing', 'text')
    .addColumn('due_at', 'bigint')
    .addColumn('due_soon_at', 'bigint')
    .addColumn('overdue_alerted_for', 'bigint')
    .addColumn('due_soon_alerted_for', 'bigint')
    .execute();
  // the queues: a site's (window), a department's, an applicant's, by state; the ID card lookup
  await db.schema.createIndex('svc_cases_site_state').on('svc_cases').columns(['site_id', 'state', 'id']).execute();
  await db.schema
    .createIndex('svc_cases_dept_state')
    .on('svc_cases')
    .columns(['department_id', 'state', 'id'])
    .execute();
  await db.schema.createIndex('svc_cases_applicant').on('svc_cases').columns(['applicant_user_id', 'id']).execute();
  await db.schema.createIndex('svc_cases_id_no').on('svc_cases').columns(['applicant_id_no', 'id']).execute();
  await db.schema.createIndex('svc_cases_state_due').on('svc_cases').columns(['state', 'due_at']).execute();

  await db.schema
    .createTable('svc_case_steps')
    .addColumn('case_id', 'text', (c) => c.notNull().references('svc_cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('svc_case_steps_pk', ['case_id', 'seq'])
    .execute();

  await db.schema
    .createTable('svc_case_materials')
    .addColumn('case_id', 'text', (c) => c.notNull().references('svc_cases.id'))
    .addColumn('material_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('svc_case_materials_pk', ['case_id', 'material_id'])
    .execute();

  await db.schema
    .createTable('svc_case_parts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('svc_cases.id'))
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('done_at', 'bigint')
    .addColumn('done_by', 'text')
    .addColumn('opinion', 'text')
    .execute();
  await db.schema.createIndex('svc_case_parts_case').on('svc_case_parts').column('case_id').execute();
  await db.schema
    .createIndex('svc_case_parts_dept')
    .on('svc_case_parts')
    .columns(['department_id', 'case_id'])
    .execute();

  await db.schema
    .createTable('svc_case_pauses')
    .addColumn('case_id', 'text', (c) => c.notNull().references('svc_cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('from_at', 'bigint', (c) => c.notNull())
    .addColumn('to_at', 'bigint')
    .addPrimaryKeyConstraint('svc_case_pauses_pk', ['case_id', 'seq'])
    .execute();

  await db.schema
    .createTable('svc_case_numbers')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('svc_case_numbers_pk', ['code', 'day'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'svc_case_numbers',
    'svc_case_pauses',
    'svc_case_parts',
    'svc_case_materials',
    'svc_case_steps',
    'svc_cases',
  ])
    await db.schema.dropTable(t).ifExists().execute();
}
