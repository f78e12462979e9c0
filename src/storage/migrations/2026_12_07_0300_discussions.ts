// Discussions and Q&A: threads (a class's discussion, a course question), their posts (threaded replies, edit
// history, tombstones), reactions, last-read marks, and the full-text index over titles and bodies.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

const onPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

// Ids app-generated text, instants ISO-8601 UTC text, flags 0/1 integers: the same on SQLite and PostgreSQL.
// The search index differs: an FTS5 table kept by triggers on SQLite, a generated tsvector with a GIN index on PostgreSQL.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('discussion_threads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    // 'class' (one per meeting) or 'question' (the course's Q&A board).
    .addColumn('kind', 'text', (c) => c.notNull())
    // The meeting of a class discussion; null for a question. Unique per course: one discussion per class.
    .addColumn('meeting_id', 'text')
    // logistics | project | papers | other for a question; null for a class discussion.
    .addColumn('category', 'text')
    // The summary hand-in the opening post links (a class discussion opened by its summary group).
    .addColumn('summary_submission_id', 'text')
    .addColumn('opening_post_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('closed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('resolved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('accepted_post_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    // The newest post's time (unread markers compare the reader's mark with it).
    .addColumn('last_post_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('discussion_threads_one_per_class', ['course_id', 'meeting_id'])
    .execute();
  await db.schema
    .createIndex('discussion_threads_course')
    .on('discussion_threads')
    .columns(['course_id', 'kind', 'last_post_at'])
    .execute();

  await db.schema
    .createTable('discussion_posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('thread_id', 'text', (c) =>
      c.notNull().references('discussion_threads.id').onDelete('cascade'),
    )
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    // The post replied to; null for the opening post.
    .addColumn('parent_id', 'text')
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // The thread's title on its opening post; null on replies.
    .addColumn('title', 'text')
    // Markdown, rendered (sanitized) when shown; '' once deleted.
    .addColumn('body', 'text', (c) => c.notNull())
    // Anonymous to classmates (staff always see the author).
    .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
    // Private to staff: only the author and staff see it (and every reply under it).
    .addColumn('private', 'integer', (c) => c.notNull().defaultTo(0))
    // Whose private conversation with the staff a private post belongs to (they see it too); null when not private.
    .addColumn('private_owner_id', 'text')
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('endorsed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text')
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createIndex('discussion_posts_thread')
    .on('discussion_posts')
    .columns(['thread_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('discussion_posts_author')
    .on('discussion_posts')
    .columns(['course_id', 'author_id'])
    .execute();

  await db.schema
    .createTable('discussion_post_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('discussion_posts.id').onDelete('cascade'))
    // What the post said before the edit made at replaced_at.
    .addColumn('title', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('written_at', 'text', (c) => c.notNull())
    .addColumn('replaced_at', 'text', (c) => c.notNull())
    .addColumn('editor_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('discussion_post_versions_post')
    .on('discussion_post_versions')
    .column('post_id')
    .execute();

  await db.schema
    .createTable('discussion_reactions')
    .addColumn('post_id', 'text', (c) => c.notNull().references('discussion_posts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('discussion_reactions_pk', ['post_id', 'user_id', 'kind'])
    .execute();

  await db.schema
    .createTable('discussion_reads')
    .addColumn('thread_id', 'text', (c) =>
      c.notNull().references('discussion_threads.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('discussion_reads_pk', ['thread_id', 'user_id'])
    .execute();

  if (onPostgres(db)) {
    await sql`alter table discussion_posts add column search tsvector generated always as (
      setweight(to_tsvector('english', coalesce(title, '')), 'A') || to_tsvector('english', body)) stored`.execute(
      db,
    );
    await sql`create index discussion_posts_search on discussion_posts using gin (search)`.execute(db);
  } else {
    await sql`create virtual table discussion_fts using fts5(title, body, content='discussion_posts', content_rowid='rowid', tokenize='porter unicode61')`.execute(
      db,
    );
    await sql`create trigger discussion_fts_ai after insert on discussion_posts begin
      insert into discussion_fts(rowid, title, body) values (new.rowid, coalesce(new.title, ''), new.body); end`.execute(
      db,
    );
    await sql`create trigger discussion_fts_ad after delete on discussion_posts begin
      insert into discussion_fts(discussion_fts, rowid, title, body) values ('delete', old.rowid, coalesce(old.title, ''), old.body); end`.execute(
      db,
    );
    await sql`create trigger discussion_fts_au after update of title, body on discussion_posts begin
      insert into discussion_fts(discussion_fts, rowid, title, body) values ('delete', old.rowid, coalesce(old.title, ''), old.body);
      insert into discussion_fts(rowid, title, body) values (new.rowid, coalesce(new.title, ''), new.body); end`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!onPostgres(db)) {
    await sql`drop trigger if exists discussion_fts_au`.execute(db);
    await sql`drop trigger if exists discussion_fts_ad`.execute(db);
    await sql`drop trigger if exists discussion_fts_ai`.execute(db);
    await sql`drop table if exists discussion_fts`.execute(db);
  }
  await db.schema.dropTable('discussion_reads').execute();
  await db.schema.dropTable('discussion_reactions').execute();
  await db.schema.dropTable('discussion_post_versions').execute();
  await db.schema.dropTable('discussion_posts').execute();
  await db.schema.dropTable('discussion_threads').execute();
}
