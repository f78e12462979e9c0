// A per-course counter bumped by every change to a course's deliverables: readers cache them per (course, version).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // No row means version 0. Instances compare it on every request (one indexed read, joined
  // with the course lookup), so an edit on one instance is seen by all on their next request.
  await db.schema
    .createTable('course_work_versions')
    .addColumn('course_id', 'text', (c) => c.primaryKey().references('courses.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('course_work_versions').ifExists().execute();
}
