// Membership periods: when each person was enrolled in a course, and in a group, so obligations start when they join.
import type { Kysely } from 'kysely';
import { ulid } from 'ulid';

// Instants are ISO-8601 UTC text, ids app-generated text: the same on SQLite and PostgreSQL.
// A period is half-open [starts_at, ends_at); ends_at null = still enrolled / still a member.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('enrollment_periods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text')
    // Who set an effective start date by hand (null: the enrollment's own instant).
    .addColumn('start_set_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('enrollment_periods_person_idx')
    .on('enrollment_periods')
    .columns(['course_id', 'user_id', 'starts_at'])
    .execute();

  // No reference to groups: a group emptied and deleted keeps its members' history.
  await db.schema
    .createTable('group_member_periods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text')
    .execute();
  await db.schema
    .createIndex('group_member_periods_course_idx')
    .on('group_member_periods')
    .columns(['course_id', 'user_id', 'starts_at'])
    .execute();

  // What is known of the past: one period per enrollment (from its creation, to its drop), one per
  // current membership (from joining). Earlier drops and removals were not recorded.
  const enrollments = (await db
    .selectFrom('enrollments')
    .select(['course_id', 'user_id', 'created_at', 'dropped_at'])
    .execute()) as Array<{
    course_id: string;
    user_id: string;
    created_at: string;
    dropped_at: string | null;
  }>;
  for (const e of enrollments)
    await db
      .insertInto('enrollment_periods')
      .values({
        id: ulid(),
        course_id: e.course_id,
        user_id: e.user_id,
        starts_at: e.created_at,
        ends_at: e.dropped_at,
        start_set_by: null,
        created_at: e.created_at,
      })
      .execute();
  const members = (await db
    .selectFrom('group_members')
    .select(['course_id', 'group_id', 'user_id', 'joined_at'])
    .execute()) as Array<{ course_id: string; group_id: string; user_id: string; joined_at: string }>;
  for (const m of members)
    await db
      .insertInto('group_member_periods')
      .values({
        id: ulid(),
        course_id: m.course_id,
        group_id: m.group_id,
        user_id: m.user_id,
        starts_at: m.joined_at,
        ends_at: null,
      })
      .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('group_member_periods').execute();
  await db.schema.dropTable('enrollment_periods').execute();
}
