// Enrollments: who holds which role in which course, and who was dropped (rows are kept, work stays).
import type { Db } from '../db.js';
import { accounts, type EnrollmentRow } from './account-tables.js';
import { closeEnrollmentPeriod, openEnrollmentPeriod } from './periods.js';

export type { EnrollmentRow } from './account-tables.js';

export interface RosterEntryRow {
  user_id: string;
  name: string;
  email: string;
  net_id: string | null;
  role: EnrollmentRow['role'];
  created_at: string;
  dropped_at: string | null;
}

export async function findEnrollment(
  db: Db,
  courseId: string,
  userId: string,
): Promise<EnrollmentRow | undefined> {
  return accounts(db)
    .selectFrom('enrollments')
    .selectAll()
    .where('course_id', '=', courseId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function findEnrollmentsOfCourse(
  db: Db,
  courseId: string,
  userIds: string[],
): Promise<EnrollmentRow[]> {
  if (userIds.length === 0) return [];
  return accounts(db)
    .selectFrom('enrollments')
    .selectAll()
    .where('course_id', '=', courseId)
    .where('user_id', 'in', userIds)
    .execute();
}

/** The course's people with their accounts; dropped ones only when asked. */
export async function listRoster(
  db: Db,
  courseId: string,
  opts: { includeDropped: boolean },
): Promise<RosterEntryRow[]> {
  let q = accounts(db)
    .selectFrom('enrollments')
    .innerJoin('users', 'users.id', 'enrollments.user_id')
    .select([
      'users.id as user_id',
      'users.name',
      'users.email',
      'users.net_id',
      'enrollments.role',
      'enrollments.created_at',
      'enrollments.dropped_at',
    ])
    .where('enrollments.course_id', '=', courseId);
  if (!opts.includeDropped) q = q.where('enrollments.dropped_at', 'is', null);
  return q.orderBy('users.name').orderBy('users.email').execute();
}

/**
 * The enrollment and its period are written together, so that every way in (join link, roster
 * import, naming staff, the demo) starts the person's obligations at the enrollment's instant.
 */
export async function insertEnrollment(db: Db, row: EnrollmentRow): Promise<void> {
  await accounts(db).insertInto('enrollments').values(row).execute();
  if (row.dropped_at === null) await openEnrollmentPeriod(db, row.course_id, row.user_id, row.created_at);
}

export async function updateEnrollment(
  db: Db,
  courseId: string,
  userId: string,
  patch: Partial<Pick<EnrollmentRow, 'role' | 'dropped_at'>> & { updated_at: string },
): Promise<void> {
  await accounts(db)
    .updateTable('enrollments')
    .set(patch)
    .where('course_id', '=', courseId)
    .where('user_id', '=', userId)
    .execute();
  // Dropping closes the open period at the drop; restoring opens a new one (the gap stays a gap).
  if (patch.dropped_at !== undefined) {
    if (patch.dropped_at === null) await openEnrollmentPeriod(db, courseId, userId, patch.updated_at);
    else await closeEnrollmentPeriod(db, courseId, userId, patch.dropped_at);
  }
}

/** Course ids and roles of a user's active enrollments. */
export async function listActiveEnrollmentsOfUser(db: Db, userId: string): Promise<EnrollmentRow[]> {
  return accounts(db)
    .selectFrom('enrollments')
    .selectAll()
    .where('user_id', '=', userId)
    .where('dropped_at', 'is', null)
    .execute();
}

export async function countActiveInstructors(db: Db, courseId: string): Promise<number> {
  const row = await accounts(db)
    .selectFrom('enrollments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('course_id', '=', courseId)
    .where('role', '=', 'instructor')
    .where('dropped_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface CourseRef {
  id: string;
  slug: string;
  title: string;
  code: string | null;
}

/** The few course fields enrollment needs (id for keys, title for e-mails). */
export async function findCourseRef(db: Db, slug: string): Promise<CourseRef | undefined> {
  return db
    .selectFrom('courses')
    .select(['id', 'slug', 'title', 'code'])
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export async function findCourseRefById(db: Db, id: string): Promise<CourseRef | undefined> {
  return db
    .selectFrom('courses')
    .select(['id', 'slug', 'title', 'code'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Courses a user is actively enrolled in, with the role, for the account page and navigation. */
export async function listCoursesOfUser(
  db: Db,
  userId: string,
): Promise<Array<CourseRef & { role: EnrollmentRow['role'] }>> {
  const rows = await listActiveEnrollmentsOfUser(db, userId);
  if (rows.length === 0) return [];
  const courses = await db
    .selectFrom('courses')
    .select(['id', 'slug', 'title', 'code'])
    .where(
      'id',
      'in',
      rows.map((r) => r.course_id),
    )
    .execute();
  return courses.map((c) => ({ ...c, role: rows.find((r) => r.course_id === c.id)!.role }));
}

export interface CanvasIdsRow extends RosterEntryRow {
  canvas_id: string | null;
  sis_user_id: string | null;
  sis_login_id: string | null;
}

/** Every enrollment of the course (dropped ones too) with its Canvas ids, for matching a Canvas export. */
export async function listCanvasIds(db: Db, courseId: string): Promise<CanvasIdsRow[]> {
  const rows = await accounts(db)
    .selectFrom('enrollments')
    .innerJoin('users', 'users.id', 'enrollments.user_id')
    .select([
      'users.id as user_id',
      'users.name',
      'users.email',
      'users.net_id',
      'enrollments.role',
      'enrollments.created_at',
      'enrollments.dropped_at',
      'enrollments.canvas_id',
      'enrollments.sis_user_id',
      'enrollments.sis_login_id',
    ])
    .where('enrollments.course_id', '=', courseId)
    .orderBy('users.email')
    .execute();
  return rows.map((r) => ({
    ...r,
    canvas_id: r.canvas_id ?? null,
    sis_user_id: r.sis_user_id ?? null,
    sis_login_id: r.sis_login_id ?? null,
  }));
}

/** Stores the Canvas ids of one enrollment. */
export async function setCanvasIds(
  db: Db,
  courseId: string,
  userId: string,
  ids: {
    canvas_id: string | null;
    sis_user_id: string | null;
    sis_login_id: string | null;
    updated_at: string;
  },
): Promise<void> {
  await accounts(db)
    .updateTable('enrollments')
    .set(ids)
    .where('course_id', '=', courseId)
    .where('user_id', '=', userId)
    .execute();
}
