// Membership periods (migration 2026_12_05_0100): when each person was enrolled in a course and in a group, kept as history.
import { ulid } from 'ulid';
import type { Db } from '../db.js';

export interface EnrollmentPeriodRow {
  id: string;
  course_id: string;
  user_id: string;
  starts_at: string;
  /** Null while the person is enrolled. */
  ends_at: string | null;
  /** Who set an effective start date by hand; null for the enrollment's own instant. */
  start_set_by: string | null;
  created_at: string;
}

export interface GroupMemberPeriodRow {
  id: string;
  course_id: string;
  group_id: string;
  user_id: string;
  starts_at: string;
  /** Null while the person is in the group. */
  ends_at: string | null;
}

export interface PeriodTables {
  enrollment_periods: EnrollmentPeriodRow;
  group_member_periods: GroupMemberPeriodRow;
}

/** Opens an enrollment period at `at`, unless one is open already (re-enrolling an enrolled person changes nothing). */
export async function openEnrollmentPeriod(
  db: Db,
  courseId: string,
  userId: string,
  at: string,
): Promise<void> {
  const open = await db
    .selectFrom('enrollment_periods')
    .select('id')
    .where('course_id', '=', courseId)
    .where('user_id', '=', userId)
    .where('ends_at', 'is', null)
    .executeTakeFirst();
  if (open) return;
  await db
    .insertInto('enrollment_periods')
    .values({
      id: ulid(),
      course_id: courseId,
      user_id: userId,
      starts_at: at,
      ends_at: null,
      start_set_by: null,
      created_at: at,
    })
    .execute();
}

/** Closes the open enrollment period at `at` (the person was dropped). */
export async function closeEnrollmentPeriod(
  db: Db,
  courseId: string,
  userId: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('enrollment_periods')
    .set({ ends_at: at })
    .where('course_id', '=', courseId)
    .where('user_id', '=', userId)
    .where('ends_at', 'is', null)
    .execute();
}

/** A person's enrollment periods in a course, oldest first. */
export async function listEnrollmentPeriods(
  db: Db,
  courseId: string,
  userId: string,
): Promise<EnrollmentPeriodRow[]> {
  return db
    .selectFrom('enrollment_periods')
    .selectAll()
    .where('course_id', '=', courseId)
    .where('user_id', '=', userId)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}

/** Every enrollment period of a course (one query for the grids), oldest first. */
export async function listCourseEnrollmentPeriods(db: Db, courseId: string): Promise<EnrollmentPeriodRow[]> {
  return db
    .selectFrom('enrollment_periods')
    .selectAll()
    .where('course_id', '=', courseId)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}

/** Moves the start of one period (an effective start date set by staff). */
export async function setEnrollmentPeriodStart(
  db: Db,
  periodId: string,
  startsAt: string,
  setBy: string,
): Promise<void> {
  await db
    .updateTable('enrollment_periods')
    .set({ starts_at: startsAt, start_set_by: setBy })
    .where('id', '=', periodId)
    .execute();
}

/** Opens a group membership period at `at`. */
export async function openGroupPeriod(
  db: Db,
  row: { course_id: string; group_id: string; user_id: string; at: string },
): Promise<void> {
  await db
    .insertInto('group_member_periods')
    .values({
      id: ulid(),
      course_id: row.course_id,
      group_id: row.group_id,
      user_id: row.user_id,
      starts_at: row.at,
      ends_at: null,
    })
    .execute();
}

/** Closes a person's open period in a group at `at` (they left, were moved, or removed). */
export async function closeGroupPeriod(db: Db, groupId: string, userId: string, at: string): Promise<void> {
  await db
    .updateTable('group_member_periods')
    .set({ ends_at: at })
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .where('ends_at', 'is', null)
    .execute();
}

/** Every group membership period of a course, oldest first. */
export async function listCourseGroupPeriods(db: Db, courseId: string): Promise<GroupMemberPeriodRow[]> {
  return db
    .selectFrom('group_member_periods')
    .selectAll()
    .where('course_id', '=', courseId)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}

/** The course's IANA zone (an effective start date is a local date in it). */
export async function findCourseZone(db: Db, courseId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('courses')
    .select('time_zone')
    .where('id', '=', courseId)
    .executeTakeFirst();
  return row?.time_zone;
}
