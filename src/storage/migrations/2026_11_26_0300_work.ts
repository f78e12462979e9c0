// Deliverables and hand-ins: deliverables (policy as data), versioned submissions with files and blobs, extensions, attendance, reviews.
import type { Kysely } from 'kysely';

// Instants are ISO-8601 UTC text, booleans 0/1, ids app-generated text: the same on SQLite and PostgreSQL.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per deliverable of a course; `spec` is the whole domain Deliverable as JSON (staff edit it).
  await db.schema
    .createTable('deliverables')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('spec', 'text', (c) => c.notNull())
    .addColumn('closed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('deliverables_course_key', ['course_id', 'key'])
    .execute();

  // Content-addressed files: the bytes live in FILES_DIR/<aa>/<sha256>; the row says they are complete.
  await db.schema
    .createTable('blobs')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Every version of every hand-in. `owner` is "u:<userId>" for individual work, "g:<groupId>" for group work;
  // `slot` is "<meeting date or ->#<reading index or ->", so one (course, deliverable, slot, owner) has versions 1, 2, …
  await db.schema
    .createTable('submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('deliverable_key', 'text', (c) => c.notNull())
    .addColumn('meeting_date', 'text')
    .addColumn('reading_index', 'integer')
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('group_id', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('late', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull()) // on-time | late | late-zero
    .addColumn('late_by_ms', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('warnings', 'text', (c) => c.notNull().defaultTo('[]'))
    .addUniqueConstraint('submissions_version', ['course_id', 'deliverable_key', 'slot', 'owner', 'version'])
    .execute();
  await db.schema
    .createIndex('submissions_course_deliverable_idx')
    .on('submissions')
    .columns(['course_id', 'deliverable_key', 'meeting_date'])
    .execute();
  await db.schema
    .createIndex('submissions_owner_idx')
    .on('submissions')
    .columns(['course_id', 'owner'])
    .execute();

  await db.schema
    .createTable('submission_files')
    .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().references('blobs.sha256'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('pages', 'integer')
    .addColumn('readme', 'text')
    .addPrimaryKeyConstraint('submission_files_pk', ['submission_id', 'position'])
    .execute();

  // Staff's choice of the version that counts (otherwise the last on time counts).
  await db.schema
    .createTable('counted_versions')
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('deliverable_key', 'text', (c) => c.notNull())
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('counted_versions_pk', ['course_id', 'deliverable_key', 'slot', 'owner'])
    .execute();

  await db.schema
    .createTable('extensions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('deliverable_key', 'text', (c) => c.notNull())
    .addColumn('meeting_date', 'text')
    .addColumn('target_kind', 'text', (c) => c.notNull()) // student | group
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('granted_by', 'text', (c) => c.notNull())
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .execute();
  await db.schema
    .createIndex('extensions_course_idx')
    .on('extensions')
    .columns(['course_id', 'deliverable_key'])
    .execute();

  // A roll of a meeting: that staff took attendance (or opened check-in), with the optional check-in code.
  await db.schema
    .createTable('attendance_rolls')
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('meeting_date', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('check_in_code', 'text')
    .addColumn('code_expires_at', 'text')
    .addPrimaryKeyConstraint('attendance_rolls_pk', ['course_id', 'meeting_date'])
    .execute();

  await db.schema
    .createTable('attendance_records')
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('meeting_date', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull()) // present | absent | excused
    .addColumn('source', 'text', (c) => c.notNull()) // roll | check-in
    .addColumn('marked_by', 'text', (c) => c.notNull())
    .addColumn('marked_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('attendance_records_pk', ['course_id', 'meeting_date', 'user_id'])
    .execute();

  await db.schema
    .createTable('policy_acknowledgements')
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('policy', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('policy_acknowledgements_pk', ['course_id', 'user_id', 'policy'])
    .execute();

  // Staff comments on a summary, and approve / return decisions on a proposal.
  await db.schema
    .createTable('submission_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull()) // comment | approved | returned
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('submission_reviews_submission_idx')
    .on('submission_reviews')
    .column('submission_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'submission_reviews',
    'policy_acknowledgements',
    'attendance_records',
    'attendance_rolls',
    'extensions',
    'counted_versions',
    'submission_files',
    'submissions',
    'blobs',
    'deliverables',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
