// The authorization step of every course route: who the viewer is in this course, and may they do this.
import type { Db } from '../../storage/db.js';
import { findCourseRef, findEnrollment, type CourseRef } from '../../storage/repositories/enrollments.js';
import {
  BLOCKER_MESSAGES,
  courseAbilities,
  courseBlocker,
  NO_MEMBERSHIP,
  type Blocker,
  type CourseAction,
  type Membership,
  type Viewer,
} from '../../domain/permissions.js';
import { DomainError } from '../errors.js';

export interface CourseAccess {
  course: CourseRef;
  viewer: Viewer | null;
  membership: Membership;
}

export async function membershipOf(db: Db, courseId: string, viewer: Viewer | null): Promise<Membership> {
  if (!viewer) return NO_MEMBERSHIP;
  const row = await findEnrollment(db, courseId, viewer.userId);
  return row ? { role: row.role, dropped: row.dropped_at !== null } : NO_MEMBERSHIP;
}

/** Loads the course by slug and the viewer's membership; not_found for an unknown slug. */
export async function courseAccess(db: Db, slug: string, viewer: Viewer | null): Promise<CourseAccess> {
  const course = /^[a-z0-9-]{1,64}$/.test(slug) ? await findCourseRef(db, slug) : undefined;
  if (!course) throw new DomainError('not_found', `No course "${slug.slice(0, 64)}" here.`);
  return { course, viewer, membership: await membershipOf(db, course.id, viewer) };
}

/** The error for a blocker: 401 when not signed in, 403 otherwise, with the reason in details. */
export function blockerError(blocker: Blocker | 'last-instructor'): DomainError {
  return new DomainError(
    blocker === 'not-signed-in' ? 'unauthenticated' : 'forbidden',
    BLOCKER_MESSAGES[blocker],
    { blocker },
  );
}

/** Throws unless the viewer may perform the action in this course. */
export function authorize(access: CourseAccess, action: CourseAction): void {
  const blocker = courseBlocker(action, access.viewer, access.membership);
  if (blocker) throw blockerError(blocker);
}

export function abilitiesOf(access: CourseAccess): Record<CourseAction, boolean> {
  return courseAbilities(access.viewer, access.membership);
}
