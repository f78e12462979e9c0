// A group ranks the meetings it would like to present (fully or partly) before the deadline; staff see every group's ranking.
import { writeTransaction } from '../../storage/db.js';
import { ulid } from 'ulid';
import type { Viewer } from '../../domain/permissions.js';
import type { StoredCourse } from '../../domain/stored-course.js';
import { listGroups } from '../../storage/repositories/groups.js';
import {
  listPreferencesOfCourse,
  listPreferencesOfGroup,
  listRankingHistory,
  replaceRanking,
} from '../../storage/repositories/preferences.js';
import { authorize, type CourseAccess } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import { nowOf, type ServiceDeps } from '../deps.js';
import { assertBeforeDeadline, loadScope, requireOwnGroup } from './context.js';
import { groupDeadlineBlocker } from './settings.js';

export interface PresentableMeeting {
  id: string;
  date: string;
  title: string | null;
  readings: string[];
}

/** The meetings that need presenters, in schedule order. */
export function presentableMeetings(course: StoredCourse): PresentableMeeting[] {
  return course.meetings
    .filter((m) => m.needsPresenters)
    .map((m) => ({ id: m.id, date: m.date, title: m.title, readings: m.readings.map((r) => r.title) }));
}

export interface GroupRanking {
  groupId: string;
  groupName: string;
  meetings: PresentableMeeting[];
  /** Meeting ids, best first. */
  ranking: string[];
  history: { at: string; by: string | null; count: number }[];
  deadline: string | null;
  deadlinePassed: boolean;
}

export async function getGroupRanking(
  deps: ServiceDeps,
  access: CourseAccess,
  viewer: Viewer,
): Promise<GroupRanking> {
  authorize(access, 'manageOwnGroup');
  const scope = await loadScope(deps.db, access);
  const group = await requireOwnGroup(deps.db, access.course.id, viewer);
  const [prefs, history] = await Promise.all([
    listPreferencesOfGroup(deps.db, group.id),
    listRankingHistory(deps.db, group.id),
  ]);
  return {
    groupId: group.id,
    groupName: group.name,
    meetings: presentableMeetings(scope.course),
    ranking: prefs.map((p) => p.meeting_id),
    history: history.map((h) => ({
      at: h.at,
      by: h.user_name,
      count: (JSON.parse(h.ranking) as string[]).length,
    })),
    deadline: scope.settings.groupDeadline,
    deadlinePassed: groupDeadlineBlocker(scope.settings, nowOf(deps)) !== null,
  };
}

/** Replaces the group's ranking with `meetingIds` (best first); the latest ranking by any member counts. */
export async function setGroupRanking(
  deps: ServiceDeps,
  access: CourseAccess,
  viewer: Viewer,
  meetingIds: string[],
): Promise<GroupRanking> {
  authorize(access, 'manageOwnGroup');
  const now = nowOf(deps);
  const scope = await loadScope(deps.db, access);
  assertBeforeDeadline(scope, now, 'ranking meetings');
  const group = await requireOwnGroup(deps.db, access.course.id, viewer);
  const known = new Map(scope.course.meetings.map((m) => [m.id, m]));
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const id of meetingIds) {
    const meeting = known.get(id);
    if (!meeting) problems.push(`"${id.slice(0, 40)}" is not a meeting of this course.`);
    else if (!meeting.needsPresenters)
      problems.push(
        `${meeting.date}${meeting.title ? ` (${meeting.title})` : ''} has no presenters to rank.`,
      );
    if (seen.has(id)) problems.push(`"${id.slice(0, 40)}" is ranked twice.`);
    seen.add(id);
  }
  if (problems.length > 0)
    throw new DomainError('invalid_input', `The ranking was not saved: ${problems.join(' ')}`, {
      field: 'meetingIds',
      problems,
    });
  await writeTransaction(deps.db, async (trx) => {
    await replaceRanking(trx, {
      groupId: group.id,
      courseId: access.course.id,
      userId: viewer.userId,
      at: now.toISOString(),
      meetingIds,
      historyId: ulid(now.getTime()),
    });
  });
  return getGroupRanking(deps, access, viewer);
}

export interface PreferenceMatrix {
  meetings: PresentableMeeting[];
  groups: { id: string; name: string; ranks: Record<string, number>; updatedAt: string | null }[];
}

/** Staff view: each group's rank of each presentable meeting (missing = unranked). */
export async function preferenceMatrix(deps: ServiceDeps, access: CourseAccess): Promise<PreferenceMatrix> {
  authorize(access, 'runAssignment');
  const scope = await loadScope(deps.db, access);
  const [groups, prefs] = await Promise.all([
    listGroups(deps.db, access.course.id),
    listPreferencesOfCourse(deps.db, access.course.id),
  ]);
  return {
    meetings: presentableMeetings(scope.course),
    groups: groups.map((g) => {
      const mine = prefs.filter((p) => p.group_id === g.id);
      const ranks: Record<string, number> = {};
      // Ranks are renumbered 1..n: a meeting removed by a re-import leaves no gap.
      mine.sort((a, b) => a.rank - b.rank).forEach((p, i) => (ranks[p.meeting_id] = i + 1));
      const updatedAt = mine.reduce<string | null>(
        (max, p) => (max === null || p.updated_at > max ? p.updated_at : max),
        null,
      );
      return { id: g.id, name: g.name, ranks, updatedAt };
    }),
  };
}
