import type { Kysely } from 'kysely';

/**
 * A user's telephone extension (坐席分机号): the phone system's caller-ID hook names the extension
 * a call rings on, and the call is shown to the agent logged in with it. One user per extension.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('extension', 'text').execute();
  await db.schema.createIndex('users_extension').on('users').column('extension').unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('users_extension').execute();
  await db.schema.alterTable('users').dropColumn('extension').execute();
}
