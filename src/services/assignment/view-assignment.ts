// Reading the assignment: the public panels of each lecture, staff's working view (roles, locks, violations), a student's own roles and dates.
import { checkPlan, type Role, type Violation } from '../../assignment/index.js';
import { dueAt, meetingInterval } from '../../domain/due.js';
import { canInCourse, type Viewer } from '../../domain/permissions.js';
import type { StoredCourse, StoredMeeting } from '../../domain/stored-course.js';
import { listExclusions } from '../../storage/repositories/assignment-store.js';
import { findGroupOfUser, listCourseMembers, listGroups } from '../../storage/repositories/groups.js';
import { listRoles } from '../../storage/repositories/roles.js';
import { authorize, type CourseAccess } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import { nowOf, type ServiceDeps } from '../deps.js';
import { loadScope } from '../groups/context.js';
import type { CourseGroupSettings } from '../groups/settings.js';
import { loadAssignmentState, meetingLabel } from './input.js';
import { groupsToMailOnPublish } from './edit-roles.js';

export interface PanelGroup {
  groupId: string;
  name: string;
  /** Member names: only for members of the course and staff; visitors see group names. */
  members: string[] | null;
}

export interface MeetingPanel {
  meetingId: string;
  date: string;
  title: string | null;
  presenters: PanelGroup[];
  summarizers: PanelGroup[];
  reviewers: PanelGroup[];
}

export interface CoursePanels {
  published: boolean;
  publishedAt: string | null;
  panels: MeetingPanel[];
}

/** Each presentable meeting's panel: visible to everyone once published, to staff before. */
export async function coursePanels(deps: ServiceDeps, access: CourseAccess): Promise<CoursePanels> {
  const scope = await loadScope(deps.db, access);
  const staff = canInCourse('runAssignment', access.viewer, access.membership);
  const published = scope.settings.rolesPublishedAt !== null;
  if (!published && !staff) return { published: false, publishedAt: null, panels: [] };
  const showNames = canInCourse('viewPrivate', access.viewer, access.membership);
  const [roles, groups, members] = await Promise.all([
    listRoles(deps.db, access.course.id, { publishedOnly: false }),
    listGroups(deps.db, access.course.id),
    showNames ? listCourseMembers(deps.db, access.course.id) : Promise.resolve([]),
  ]);
  const names = new Map(groups.map((g) => [g.id, g.name]));
  const panelGroup = (groupId: string): PanelGroup => ({
    groupId,
    name: names.get(groupId) ?? groupId,
    members: showNames ? members.filter((m) => m.group_id === groupId).map((m) => m.name) : null,
  });
  const pick = (meetingId: string, role: Role) =>
    roles
      .filter((r) => r.meetingId === meetingId && r.role === role)
      .map((r) => panelGroup(r.groupId))
      .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  return {
    published,
    publishedAt: scope.settings.rolesPublishedAt,
    panels: scope.course.meetings
      .filter((m) => m.needsPresenters)
      .map((m) => ({
        meetingId: m.id,
        date: m.date,
        title: m.title,
        presenters: pick(m.id, 'presenter'),
        summarizers: pick(m.id, 'summarizer'),
        reviewers: pick(m.id, 'reviewer'),
      })),
  };
}

export interface StaffAssignmentView {
  settings: CourseGroupSettings;
  groups: { id: string; name: string; size: number }[];
  meetings: { id: string; date: string; label: string; title: string | null }[];
  roles: { meetingId: string; groupId: string; role: Role; locked: boolean }[];
  exclusions: { groupId: string; meetingId: string }[];
  /** Hard constraints the current roles break (empty when none, or when there are no roles). */
  violations: Violation[];
  /** The groups whose roles changed since the last publish: publishing now mails their members. */
  publishWouldMail: string[];
}

export async function staffAssignmentView(
  deps: ServiceDeps,
  access: CourseAccess,
): Promise<StaffAssignmentView> {
  authorize(access, 'runAssignment');
  const scope = await loadScope(deps.db, access);
  // Loads are checked as a re-plan plans them: classes already frozen count as given, so a group that joined
  // late is not told to hold the term's even share. The rules of one class (counts, one role per group)
  // hold in every class, past ones included.
  const [term, state] = await Promise.all([
    loadAssignmentState(deps.db, scope.course, scope.settings),
    loadAssignmentState(deps.db, scope.course, scope.settings, undefined, nowOf(deps)),
  ]);
  const exclusions = await listExclusions(deps.db, access.course.id);
  const future = state.current.filter((a) => !state.frozen.has(a.meetingId));
  const canCheck = (s: typeof state) => s.input.groups.length > 0 && s.input.meetings.length > 0;
  const violations = [
    ...(state.current.length > 0 && canCheck(term)
      ? checkPlan({ ...term.input, locks: [] }, term.current).filter(
          (v) => v.meetingId !== undefined && state.frozen.has(v.meetingId),
        )
      : []),
    ...(future.length > 0 && canCheck(state) ? checkPlan({ ...state.input, locks: [] }, future) : []),
  ];
  return {
    settings: scope.settings,
    groups: state.input.groups.map((g) => ({ id: g.id, name: g.name, size: g.size ?? 0 })),
    meetings: scope.course.meetings
      .filter((m) => m.needsPresenters)
      .map((m) => ({ id: m.id, date: m.date, label: meetingLabel(m.date), title: m.title })),
    roles: state.rows.map((r) => ({
      meetingId: r.meeting_id,
      groupId: r.group_id,
      role: r.role,
      locked: r.locked === 1,
    })),
    exclusions: exclusions.map((e) => ({ groupId: e.group_id, meetingId: e.meeting_id })),
    violations,
    publishWouldMail: await groupsToMailOnPublish(deps.db, access.course.id, state.current, state.groupNames),
  };
}

export interface MyRole {
  meetingId: string;
  date: string;
  title: string | null;
  readings: string[];
  role: Role;
  classStart: string | null;
  classEnd: string | null;
  /** What the role asks for and when: slides 24 h before the class, the summary 24 h after it ends, reviewers in class. */
  due: { what: string; at: string } | null;
}

export interface MyRoles {
  groupId: string | null;
  groupName: string | null;
  published: boolean;
  timeZone: string;
  roles: MyRole[];
}

function duesFor(
  course: StoredCourse,
  meeting: StoredMeeting,
  role: Role,
): Pick<MyRole, 'classStart' | 'classEnd' | 'due'> {
  try {
    const { start, end } = meetingInterval(course, meeting);
    const due =
      role === 'presenter'
        ? {
            what: 'Slides due',
            at: dueAt({ kind: 'meeting', anchor: 'start', offsetHours: -24 }, course, meeting),
          }
        : role === 'summarizer'
          ? {
              what: 'Summary due',
              at: dueAt({ kind: 'meeting', anchor: 'end', offsetHours: 24 }, course, meeting),
            }
          : { what: 'Panel in class', at: start };
    return { classStart: start, classEnd: end, due };
  } catch {
    // A meeting without times (and a course without a pattern) has no due instant to show.
    return { classStart: null, classEnd: null, due: null };
  }
}

/** The signed-in student's group roles, once published, with the dates they imply. */
export async function myRoles(deps: ServiceDeps, access: CourseAccess, viewer: Viewer): Promise<MyRoles> {
  authorize(access, 'manageOwnGroup');
  const scope = await loadScope(deps.db, access);
  const group = await findGroupOfUser(deps.db, access.course.id, viewer.userId);
  const published = scope.settings.rolesPublishedAt !== null;
  if (!group)
    return { groupId: null, groupName: null, published, timeZone: scope.course.timeZone, roles: [] };
  const roles = (await listRoles(deps.db, access.course.id, { publishedOnly: true })).filter(
    (r) => r.groupId === group.id,
  );
  const byId = new Map(scope.course.meetings.map((m) => [m.id, m]));
  const out: MyRole[] = [];
  for (const r of roles) {
    const meeting = byId.get(r.meetingId);
    if (!meeting) throw new DomainError('not_found', 'A role points at a meeting that no longer exists.');
    out.push({
      meetingId: meeting.id,
      date: meeting.date,
      title: meeting.title,
      readings: meeting.readings.map((x) => x.title),
      role: r.role,
      ...duesFor(scope.course, meeting, r.role),
    });
  }
  out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { groupId: group.id, groupName: group.name, published, timeZone: scope.course.timeZone, roles: out };
}
