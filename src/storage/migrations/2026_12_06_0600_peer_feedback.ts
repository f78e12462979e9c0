// Peer feedback on presentations: one rating per classmate per student-led class, and whether (and how much) the peer median counts.
import type { Kysely } from 'kysely';

// Instants ISO-8601 UTC text, ids app-generated text, the weight decimal text (read by src/domain/exact.ts):
// the same on SQLite and PostgreSQL.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('peer_ratings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    // The class's local date (a student-led class is one per date).
    .addColumn('meeting_date', 'text', (c) => c.notNull())
    .addColumn('rater_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // JSON {criterionKey: 1..5}.
    .addColumn('scores', 'text', (c) => c.notNull())
    // Markdown, rendered (sanitized) when shown.
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('peer_ratings_once', ['course_id', 'meeting_date', 'rater_id'])
    .execute();

  await db.schema
    .createTable('peer_settings')
    .addColumn('course_id', 'text', (c) => c.primaryKey().references('courses.id').onDelete('cascade'))
    // Whether the peer median enters the presentation's score, and with which weight (percent, 0–100).
    .addColumn('counts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('weight', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('peer_settings').execute();
  await db.schema.dropTable('peer_ratings').execute();
}
