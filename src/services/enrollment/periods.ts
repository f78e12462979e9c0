// Who belonged when: a course's enrollment and group periods as domain periods, read once per view for obligationFor.
import type { Period, PersonPeriods } from '../../domain/obligations.js';
import type { Db } from '../../storage/db.js';
import { listCourseEnrollmentPeriods, listCourseGroupPeriods } from '../../storage/repositories/periods.js';

export interface CoursePeriods {
  /** Enrollment periods by user id. */
  enrollment: Map<string, Period[]>;
  /** Group periods by group id, then user id (everyone who was ever in the group). */
  groups: Map<string, Map<string, Period[]>>;
}

export async function loadCoursePeriods(db: Db, courseId: string): Promise<CoursePeriods> {
  const [enrollments, memberships] = await Promise.all([
    listCourseEnrollmentPeriods(db, courseId),
    listCourseGroupPeriods(db, courseId),
  ]);
  const enrollment = new Map<string, Period[]>();
  for (const row of enrollments)
    enrollment.set(row.user_id, [
      ...(enrollment.get(row.user_id) ?? []),
      { from: row.starts_at, until: row.ends_at },
    ]);
  const groups = new Map<string, Map<string, Period[]>>();
  for (const row of memberships) {
    const members = groups.get(row.group_id) ?? new Map<string, Period[]>();
    members.set(row.user_id, [
      ...(members.get(row.user_id) ?? []),
      { from: row.starts_at, until: row.ends_at },
    ]);
    groups.set(row.group_id, members);
  }
  return { enrollment, groups };
}

/** One person's periods: for individual work (no group), or for the work of `groupId`. */
export function personPeriods(
  periods: CoursePeriods,
  userId: string,
  groupId?: string | null,
): PersonPeriods {
  const enrollment = periods.enrollment.get(userId) ?? [];
  if (groupId === undefined) return { enrollment };
  return { enrollment, group: groupId === null ? [] : (periods.groups.get(groupId)?.get(userId) ?? []) };
}

/** Everyone who was ever in the group, with their periods in it (for groupObligation). */
export function groupMemberPeriods(periods: CoursePeriods, groupId: string): PersonPeriods[] {
  return [...(periods.groups.get(groupId)?.keys() ?? [])].map((userId) =>
    personPeriods(periods, userId, groupId),
  );
}
