// The live room of a class: its timer and phase, the events clients resume from, live questions, status marks,
// votes (one per person and question), the reviewers' critique points, and the course's room settings.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('room_settings')
    .addColumn('course_id', 'text', (c) => c.primaryKey().references('courses.id').onDelete('cascade'))
    // Null: the syllabus's "at most N minutes", else 40.
    .addColumn('timer_minutes', 'integer')
    .addColumn('anonymous_questions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // One row per class once anyone acts in its room; last_event_id numbers the room's events (taken under the row's lock).
  await db.schema
    .createTable('rooms')
    .addColumn('meeting_id', 'text', (c) => c.primaryKey().references('meetings.id').onDelete('cascade'))
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('timer_duration_ms', 'integer', (c) => c.notNull())
    .addColumn('timer_started_at', 'text')
    .addColumn('timer_elapsed_ms', 'integer', (c) => c.notNull())
    .addColumn('show_check_in', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_event_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // The recent events of a room (older ones pruned): a reconnecting client resumes from them.
  await db.schema
    .createTable('room_events')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('rooms.meeting_id').onDelete('cascade'))
    .addColumn('id', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('room_events_pk', ['meeting_id', 'id'])
    .execute();

  await db.schema
    .createTable('room_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('reading_index', 'integer')
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('room_questions_meeting_idx')
    .on('room_questions')
    .column('meeting_id')
    .execute();

  // Status of any question of the board (handed-in ones by their submission id, live ones by their own).
  await db.schema
    .createTable('room_question_marks')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('room_question_marks_pk', ['meeting_id', 'question_id'])
    .execute();

  await db.schema
    .createTable('room_votes')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('room_votes_pk', ['meeting_id', 'question_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('room_critique')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('ticked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('room_critique_meeting_idx').on('room_critique').column('meeting_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'room_critique',
    'room_votes',
    'room_question_marks',
    'room_questions',
    'room_events',
    'rooms',
    'room_settings',
  ])
    await db.schema.dropTable(table).ifExists().execute();
}
