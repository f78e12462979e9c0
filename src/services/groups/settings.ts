// The course's group and assignment settings: stored staff choices over the syllabus (group size, "groups" milestone) and defaults.
import type { StoredCourse } from '../../domain/stored-course.js';
import type { AssignmentSettings } from '../../assignment/index.js';
import type { Db } from '../../storage/db.js';
import { findSettings } from '../../storage/repositories/assignment-store.js';

export interface CourseGroupSettings {
  groupMin: number;
  groupMax: number;
  /** ISO instant after which students can no longer form groups or rank; null: no deadline. */
  groupDeadline: string | null;
  /** Where the deadline comes from. */
  deadlineSource: 'staff' | 'syllabus' | null;
  roles: AssignmentSettings;
  rolesPublishedAt: string | null;
}

export const DEFAULT_GROUP_SIZE = { min: 2, max: 3 } as const;

export async function loadGroupSettings(db: Db, course: StoredCourse): Promise<CourseGroupSettings> {
  const row = await findSettings(db, course.id);
  const milestone = course.milestones.find((m) => m.key === 'groups');
  const syllabusDeadline = milestone?.dueAt ?? null;
  const groupDeadline = row?.group_deadline ?? syllabusDeadline;
  return {
    groupMin: row?.group_min ?? course.groupSize?.min ?? DEFAULT_GROUP_SIZE.min,
    groupMax: row?.group_max ?? course.groupSize?.max ?? DEFAULT_GROUP_SIZE.max,
    groupDeadline,
    deadlineSource: row?.group_deadline ? 'staff' : syllabusDeadline ? 'syllabus' : null,
    roles: {
      presentersPerMeeting: row?.presenters_per_meeting ?? 1,
      summarizersPerMeeting: row?.summarizers_per_meeting ?? 1,
      reviewersPerMeeting: row?.reviewers_per_meeting ?? 'each-group-once',
    },
    rolesPublishedAt: row?.roles_published_at ?? null,
  };
}

/** Why students may no longer change groups or rankings, or null while they may. */
export function groupDeadlineBlocker(
  settings: Pick<CourseGroupSettings, 'groupDeadline'>,
  now: Date,
): 'deadline-passed' | null {
  if (settings.groupDeadline && now.getTime() > Date.parse(settings.groupDeadline)) return 'deadline-passed';
  return null;
}
