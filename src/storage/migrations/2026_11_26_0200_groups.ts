// Groups and role assignment: groups, members, invitations, preferences (+ history), roles, exclusions, plans, settings.
import type { Kysely } from 'kysely';

/*
 * Foreign keys to meetings cascade on delete: a syllabus re-import keeps the ids of meetings it
 * matches (by date) and deletes the rest, so a meeting that disappears takes its preferences,
 * roles and exclusions along instead of making the re-import fail. Stored plans keep meeting ids
 * only inside their JSON; a plan computed before the re-import is stale by its input hash anyway.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addUniqueConstraint('groups_course_name_uq', ['course_id', 'name'])
    .execute();

  // One group per student per course: the unique (course_id, user_id) makes "a student in two groups" impossible.
  await db.schema
    .createTable('group_members')
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_members_pk', ['group_id', 'user_id'])
    .addUniqueConstraint('group_members_course_user_uq', ['course_id', 'user_id'])
    .execute();

  // status: pending | accepted | declined | withdrawn. One row per (group, invitee); re-inviting reopens it.
  await db.schema
    .createTable('group_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('invited_by', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('responded_at', 'text')
    .addUniqueConstraint('group_invitations_group_user_uq', ['group_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('group_invitations_user_idx')
    .on('group_invitations')
    .columns(['course_id', 'user_id'])
    .execute();

  // The group's current ranking: rank 1 = best. The latest ranking by any member replaces it whole.
  await db.schema
    .createTable('preferences')
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('preferences_pk', ['group_id', 'meeting_id'])
    .execute();
  await db.schema.createIndex('preferences_course_idx').on('preferences').column('course_id').execute();

  // Who changed the ranking and when; ranking is a JSON array of meeting ids, best first.
  await db.schema
    .createTable('preference_history')
    .addColumn('id', 'text', (c) => c.primaryKey()) // ULID: sorts by time
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('user_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('ranking', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('preference_history_group_idx')
    .on('preference_history')
    .columns(['group_id', 'id'])
    .execute();

  await db.schema
    .createTable('role_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('role_assignments_meeting_group_uq', ['meeting_id', 'group_id'])
    .execute();
  await db.schema
    .createIndex('role_assignments_course_idx')
    .on('role_assignments')
    .column('course_id')
    .execute();

  await db.schema
    .createTable('exclusions')
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addPrimaryKeyConstraint('exclusions_pk', ['group_id', 'meeting_id'])
    .execute();

  // kind: 'roles' | 'groups'. input_hash: sha-256 of the input the plan was computed from (stale check on apply).
  await db.schema
    .createTable('assignment_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('input_hash', 'text', (c) => c.notNull())
    .addColumn('plan', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('applied_at', 'text')
    .execute();
  await db.schema
    .createIndex('assignment_plans_course_idx')
    .on('assignment_plans')
    .columns(['course_id', 'kind', 'id'])
    .execute();

  // Null columns fall back to the syllabus (group size, "groups" milestone) and the defaults of the solver.
  await db.schema
    .createTable('assignment_settings')
    .addColumn('course_id', 'text', (c) => c.primaryKey().references('courses.id').onDelete('cascade'))
    .addColumn('group_min', 'integer')
    .addColumn('group_max', 'integer')
    .addColumn('group_deadline', 'text')
    .addColumn('presenters_per_meeting', 'integer')
    .addColumn('summarizers_per_meeting', 'integer')
    /** null: every group reviews exactly once. */
    .addColumn('reviewers_per_meeting', 'integer')
    .addColumn('roles_published_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'assignment_settings',
    'assignment_plans',
    'exclusions',
    'role_assignments',
    'preference_history',
    'preferences',
    'group_invitations',
    'group_members',
    'groups',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
