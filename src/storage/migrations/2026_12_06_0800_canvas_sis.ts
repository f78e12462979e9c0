// Canvas identifiers on enrollments: read from a Canvas roster or gradebook export, written back into the Canvas gradebook CSV.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Canvas's own user id ("ID"), the SIS User ID and the SIS Login ID; null until a Canvas import matched the student.
  await db.schema.alterTable('enrollments').addColumn('canvas_id', 'text').execute();
  await db.schema.alterTable('enrollments').addColumn('sis_user_id', 'text').execute();
  await db.schema.alterTable('enrollments').addColumn('sis_login_id', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('enrollments').dropColumn('sis_login_id').execute();
  await db.schema.alterTable('enrollments').dropColumn('sis_user_id').execute();
  await db.schema.alterTable('enrollments').dropColumn('canvas_id').execute();
}
