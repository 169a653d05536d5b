import type { Kysely } from 'kysely';

/**
 * 一网通办 好差评: the subjects that may be rated (cases and window visits, registered by their
 * modules), the ratings (one per subject, a second only after a rectification), the
 * rectification ledger of bad ratings, staff appeals, invitations to rate and the messages for
 * the provincial 好差评 system. Same DDL on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('svc_rating_subjects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('window_id', 'text')
    .addColumn('item_code', 'text')
    .addColumn('handled_by', 'text')
    .addColumn('finished_at', 'bigint', (c) => c.notNull())
    .addColumn('invited_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('svc_rating_subjects_ref')
    .unique()
    .on('svc_rating_subjects')
    .columns(['kind', 'subject_id'])
    .execute();
  await db.schema
    .createIndex('svc_rating_subjects_number')
    .unique()
    .on('svc_rating_subjects')
    .columns(['kind', 'number'])
    .execute();

  await db.schema
    .createTable('svc_ratings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_row_id', 'text', (c) => c.notNull().references('svc_rating_subjects.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('window_id', 'text')
    .addColumn('item_code', 'text')
    .addColumn('handled_by', 'text')
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('bad', 'integer', (c) => c.notNull())
    .addColumn('indicators', 'text', (c) => c.notNull())
    .addColumn('labels', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('current', 'integer', (c) => c.notNull())
    .addColumn('voided', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('groundless', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_at', 'bigint', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  // 一事一评 / 一次一评: at most one rating per subject and round, enforced by the database too
  await db.schema
    .createIndex('svc_ratings_subject_round')
    .unique()
    .on('svc_ratings')
    .columns(['subject_row_id', 'round'])
    .execute();
  await db.schema.createIndex('svc_ratings_first_at').on('svc_ratings').columns(['first_at']).execute();
  await db.schema
    .createIndex('svc_ratings_department')
    .on('svc_ratings')
    .columns(['department_id', 'first_at'])
    .execute();

  await db.schema
    .createTable('svc_rating_rectifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rating_id', 'text', (c) => c.notNull().unique().references('svc_ratings.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('window_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text')
    .addColumn('assignee_name', 'text')
    .addColumn('callback_due', 'bigint', (c) => c.notNull())
    .addColumn('fix_due', 'bigint', (c) => c.notNull())
    .addColumn('callback_at', 'bigint')
    .addColumn('callback_by', 'text')
    .addColumn('callback_note', 'text')
    .addColumn('callback_reached', 'integer')
    .addColumn('fixed_at', 'bigint')
    .addColumn('fixed_by', 'text')
    .addColumn('fix_text', 'text')
    .addColumn('explanation', 'text')
    .addColumn('callback_overdue', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fix_overdue', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rerating_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('svc_rating_rect_status')
    .on('svc_rating_rectifications')
    .columns(['status', 'fix_due'])
    .execute();

  await db.schema
    .createTable('svc_rating_appeals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rating_id', 'text', (c) => c.notNull().unique().references('svc_ratings.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('filed_by', 'text')
    .addColumn('filed_by_name', 'text')
    .addColumn('filed_at', 'bigint', (c) => c.notNull())
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_by_name', 'text')
    .addColumn('review_note', 'text')
    .addColumn('reviewed_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('svc_rating_appeals_status')
    .on('svc_rating_appeals')
    .columns(['status', 'filed_at'])
    .execute();

  await db.schema
    .createTable('svc_rating_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_row_id', 'text', (c) => c.notNull().unique().references('svc_rating_subjects.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('svc_rating_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('remote_ref', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .execute();
  await db.schema.createIndex('svc_rating_reports_created').on('svc_rating_reports').columns(['created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'svc_rating_reports',
    'svc_rating_invitations',
    'svc_rating_appeals',
    'svc_rating_rectifications',
    'svc_ratings',
    'svc_rating_subjects',
  ])
    await db.schema.dropTable(t).ifExists().execute();
}
