// Comments on a passage of a summary hand-in: threads anchored by a quote (TextQuoteSelector), their replies, resolved or open.
import type { Kysely } from 'kysely';

// Threads belong to a hand-in's owner (deliverable, class, "g:<group>" or "u:<user>"), not to one version, so that
// they outlive new versions; the version they were written on and the quote they were written about are kept.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('comment_threads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('deliverable_key', 'text', (c) => c.notNull())
    .addColumn('meeting_date', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    // The version (and the submission row) the comment was written on.
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('submission_id', 'text', (c) => c.notNull())
    .addColumn('quote_exact', 'text', (c) => c.notNull())
    .addColumn('quote_prefix', 'text', (c) => c.notNull())
    .addColumn('quote_suffix', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // Markdown, rendered (sanitized) when shown.
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('comment_threads_handin_idx')
    .on('comment_threads')
    .columns(['course_id', 'deliverable_key', 'meeting_date', 'owner'])
    .execute();

  await db.schema
    .createTable('comment_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('thread_id', 'text', (c) => c.notNull().references('comment_threads.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('comment_replies_thread_idx')
    .on('comment_replies')
    .column('thread_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('comment_replies').ifExists().execute();
  await db.schema.dropTable('comment_threads').ifExists().execute();
}
