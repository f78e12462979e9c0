// Browser edits of a course (a class moved, a reading added…), kept until a re-import of the syllabus replaces them.
import type { Kysely } from 'kysely';

// The audit log says who did what; this table says which edits the next re-import would overwrite,
// so that re-import can name them ("replaced: the class of Oct 2 moved to Oct 3") instead of discarding them silently.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('course_edits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('actor_id', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Set by the re-import that overwrote it; null while the edit is what the course shows.
    .addColumn('replaced_at', 'text')
    .execute();
  await db.schema
    .createIndex('course_edits_course_idx')
    .on('course_edits')
    .columns(['course_id', 'replaced_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('course_edits').execute();
}
