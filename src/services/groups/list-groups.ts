// What the groups page shows: every group with its members, the viewer's group and invitations, who is still without one.
import { plural } from '../../contracts/words.js';
import { byName } from '../../domain/natural-order.js';
import { groupDeadlineBlocker } from './settings.js';
import { listRoster } from '../../storage/repositories/enrollments.js';
import { listCourseMembers, listGroups, listInvitations } from '../../storage/repositories/groups.js';
import { authorize, type CourseAccess } from '../enrollment/course-access.js';
import { nowOf, type ServiceDeps } from '../deps.js';
import { loadScope } from './context.js';
import type { CourseGroupSettings } from './settings.js';

export interface GroupSummary {
  id: string;
  name: string;
  members: { userId: string; name: string }[];
  /** Staff only: sizes outside the limits. */
  problem: string | null;
}

export interface GroupsOverview {
  settings: CourseGroupSettings;
  timeZone: string;
  deadlinePassed: boolean;
  groups: GroupSummary[];
  myGroupId: string | null;
  /** Invitations addressed to the viewer, still open. */
  invitationsToMe: { id: string; groupId: string; groupName: string; createdAt: string }[];
  /** Open invitations sent by the viewer's group. */
  invitationsFromMyGroup: { id: string; userId: string; name: string; createdAt: string }[];
  /** Active students in no group (classmates to invite; staff: to auto-form). */
  ungrouped: { userId: string; name: string }[];
}

export async function groupsOverview(deps: ServiceDeps, access: CourseAccess): Promise<GroupsOverview> {
  authorize(access, 'viewPrivate');
  const staff =
    access.membership.role === 'instructor' ||
    access.membership.role === 'ta' ||
    (access.viewer?.isAdmin ?? false);
  const scope = await loadScope(deps.db, access);
  const courseId = access.course.id;
  const [groups, members, roster] = await Promise.all([
    listGroups(deps.db, courseId),
    listCourseMembers(deps.db, courseId, { activeOnly: true }),
    listRoster(deps.db, courseId, { includeDropped: false }),
  ]);
  const activeStudents = new Set(roster.filter((r) => r.role === 'student').map((r) => r.user_id));
  const { groupMin, groupMax } = scope.settings;
  // Natural order: Group 2 before Group 10.
  const summaries: GroupSummary[] = byName(groups).map((g) => {
    const list = members.filter((m) => m.group_id === g.id).map((m) => ({ userId: m.user_id, name: m.name }));
    const size = list.length;
    const problem = !staff
      ? null
      : size < groupMin
        ? `${plural(size, 'member')}: below the minimum of ${groupMin}.`
        : size > groupMax
          ? `${plural(size, 'member')}: above the maximum of ${groupMax}.`
          : null;
    return { id: g.id, name: g.name, members: list, problem };
  });
  const grouped = new Set(members.map((m) => m.user_id));
  const viewerId = access.viewer?.userId ?? '';
  const myGroupId = members.find((m) => m.user_id === viewerId)?.group_id ?? null;
  const toMe = viewerId
    ? await listInvitations(deps.db, courseId, { userId: viewerId, status: 'pending' })
    : [];
  const fromMine = myGroupId
    ? await listInvitations(deps.db, courseId, { groupId: myGroupId, status: 'pending' })
    : [];
  return {
    settings: scope.settings,
    timeZone: scope.course.timeZone,
    deadlinePassed: groupDeadlineBlocker(scope.settings, nowOf(deps)) !== null,
    groups: summaries,
    myGroupId,
    invitationsToMe: toMe.map((i) => ({
      id: i.id,
      groupId: i.group_id,
      groupName: i.group_name,
      createdAt: i.created_at,
    })),
    invitationsFromMyGroup: fromMine.map((i) => ({
      id: i.id,
      userId: i.user_id,
      name: i.invitee_name,
      createdAt: i.created_at,
    })),
    ungrouped: roster
      .filter((r) => r.role === 'student' && activeStudents.has(r.user_id) && !grouped.has(r.user_id))
      .map((r) => ({ userId: r.user_id, name: r.name })),
  };
}
