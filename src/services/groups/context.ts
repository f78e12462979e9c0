// Shared steps of the group use cases: load the stored course and settings, check the deadline, find the actor's group.
import { DateTime } from 'luxon';
import type { Viewer } from '../../domain/permissions.js';
import type { StoredCourse } from '../../domain/stored-course.js';
import type { Db } from '../../storage/db.js';
import { loadCourse } from '../../storage/repositories/course-reader.js';
import { findGroupOfUser, type GroupRow } from '../../storage/repositories/groups.js';
import type { CourseAccess } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import { groupDeadlineBlocker, loadGroupSettings, type CourseGroupSettings } from './settings.js';

export interface GroupScope {
  course: StoredCourse;
  settings: CourseGroupSettings;
}

export async function loadScope(db: Db, access: CourseAccess): Promise<GroupScope> {
  const course = await loadCourse(db, access.course.slug);
  if (!course) throw new DomainError('not_found', `No course "${access.course.slug}" here.`);
  return { course, settings: await loadGroupSettings(db, course) };
}

/** "Sep 5, 11:59 PM CDT" in the course's zone. */
export function formatInstant(instant: string, timeZone: string): string {
  return DateTime.fromISO(instant, { zone: 'utc' }).setZone(timeZone).toFormat('LLL d, h:mm a ZZZZ');
}

/** Throws conflict once the group deadline has passed (students then ask staff). */
export function assertBeforeDeadline(scope: GroupScope, now: Date, what: string): void {
  if (groupDeadlineBlocker(scope.settings, now)) {
    throw new DomainError(
      'conflict',
      `The group deadline (${formatInstant(scope.settings.groupDeadline!, scope.course.timeZone)}) has passed: ${what} is closed. Ask the course staff.`,
      { reason: 'deadline-passed' },
    );
  }
}

/** The actor's group, or a conflict saying to create or join one first. */
export async function requireOwnGroup(db: Db, courseId: string, viewer: Viewer): Promise<GroupRow> {
  const group = await findGroupOfUser(db, courseId, viewer.userId);
  if (!group)
    throw new DomainError(
      'conflict',
      'You are not in a group yet: create one or accept an invitation first.',
      { reason: 'not-in-group' },
    );
  return group;
}

/** The next free "Group N" name of the course. */
export function nextGroupName(existing: string[], count = 1): string[] {
  const taken = new Set(existing);
  const names: string[] = [];
  for (let n = 1; names.length < count; n++) {
    const name = `Group ${n}`;
    if (!taken.has(name)) names.push(name);
  }
  return names;
}
