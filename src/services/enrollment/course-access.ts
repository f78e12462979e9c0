// The authorization step of every course route: who the viewer is in this course, and may they do this.
import type { Db } from '../../storage/db.js';
import { findCourseRef, findEnrollment, type CourseRef } from '../../storage/repositories/enrollments.js';
import { findCourseStanding } from '../../storage/repositories/hot-reads.js';
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
  return membershipFrom((await findEnrollment(db, courseId, viewer.userId)) ?? null);
}

/** The membership an enrollment row (or none) gives. */
export function membershipFrom(
  row: { role: NonNullable<Membership['role']>; dropped_at: string | null } | null,
): Membership {
  return row ? { role: row.role, dropped: row.dropped_at !== null } : NO_MEMBERSHIP;
}

/** Whether a slug can name a course at all (checked before any query). */
export function plausibleSlug(slug: string): boolean {
  return /^[a-z0-9-]{1,64}$/.test(slug);
}

/** The course of a slug (id, slug, title, code), or undefined when there is none. */
export async function findCourse(db: Db, slug: string): Promise<CourseRef | undefined> {
  return findCourseRef(db, slug);
}

export function courseNotFound(slug: string): DomainError {
  return new DomainError('not_found', `No course "${slug.slice(0, 64)}" here.`);
}

/**
 * Loads the course by slug and the viewer's membership (one query, read on every request:
 * a drop or a role change applies to the next request on every instance); not_found for an
 * unknown slug.
 */
export async function courseAccess(db: Db, slug: string, viewer: Viewer | null): Promise<CourseAccess> {
  const found = plausibleSlug(slug) ? await findCourseStanding(db, slug, viewer?.userId ?? null) : undefined;
  if (!found) throw courseNotFound(slug);
  return {
    course: found.course,
    viewer,
    membership: viewer ? membershipFrom(found.enrollment) : NO_MEMBERSHIP,
  };
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
