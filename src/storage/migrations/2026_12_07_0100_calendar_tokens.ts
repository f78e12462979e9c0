// Personal calendar feeds: one secret URL per member and course; only the sha-256 of the token is kept.
import type { Kysely } from 'kysely';

// Ids app-generated text, instants ISO-8601 UTC text: the same on SQLite and PostgreSQL.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // Looked up by equality on the digest; the token itself is shown once, when made.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // A rotation replaces the row's hash: one live URL per member and course.
    .addUniqueConstraint('calendar_tokens_once', ['course_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_tokens').ifExists().execute();
}
