// Staff's fixes of a course's syllabus as read (import review), kept so that a re-import re-applies them.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('syllabus_fixes')
    .addColumn('course_id', 'text', (c) => c.primaryKey().references('courses.id').onDelete('cascade'))
    // JSON array of fixes (src/syllabus/fixes.ts), in the order they apply.
    .addColumn('fixes', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('syllabus_fixes').ifExists().execute();
}
