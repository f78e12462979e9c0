// Staff edit roles by hand (checked against every hard constraint), lock them, publish them, and change the settings.
import { writeTransaction, type Db } from '../../storage/db.js';
import { ulid } from 'ulid';
import { checkPlan, type Role, type RoleAssignment, type Violation } from '../../assignment/index.js';
import {
  deleteExclusion,
  deletePlansOfKind,
  insertExclusion,
  insertPlan,
  latestPlan,
  listExclusions,
  lockCourseRoles,
  upsertSettings,
} from '../../storage/repositories/assignment-store.js';
import { findGroup, listGroupMembers, listGroups } from '../../storage/repositories/groups.js';
import { insertMailJobs } from '../../storage/repositories/mail-queue.js';
import { ROLES_CHANGED_MAIL, type RolesChangedPayload } from './mail.js';
import { deleteRole, insertRoles, listRoleRows, setRoleLocked } from '../../storage/repositories/roles.js';
import { authorize, type CourseAccess } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import { nowOf, type ServiceDeps } from '../deps.js';
import { loadScope } from '../groups/context.js';
import { loadAssignmentState, meetingLabel } from './input.js';
import { auditStaffAction } from './audit-staff.js';

export interface RoleEdit {
  meetingId: string;
  groupId: string;
  /** The group's role in the meeting, or null to remove it. */
  role: Role | null;
  /** A locked role holds when staff re-solve. Defaults to true for a hand edit. */
  locked?: boolean;
  /** Save even though the roles then break a hard constraint (the violations are returned). */
  confirm?: boolean;
}

/**
 * Decision: a hand edit that breaks a hard constraint (two roles in one meeting, a group that no
 * longer presents, loads differing by more than one…) is refused with the violations listed,
 * unless staff confirm — then it is saved and the violations stay visible on the assignment page.
 * Staff know things the model does not (a swap agreed between two groups), so the final word is
 * theirs, but never by accident.
 */
export async function editRole(
  deps: ServiceDeps,
  access: CourseAccess,
  edit: RoleEdit,
): Promise<{ violations: Violation[] }> {
  authorize(access, 'runAssignment');
  const now = nowOf(deps);
  const scope = await loadScope(deps.db, access);
  const meeting = scope.course.meetings.find((m) => m.id === edit.meetingId);
  if (!meeting) throw new DomainError('not_found', 'No such meeting in this course.');
  if (!meeting.needsPresenters)
    throw new DomainError('invalid_input', `${meeting.date} has no presenters, so it takes no roles.`, {
      field: 'meetingId',
    });
  const group = await findGroup(deps.db, edit.groupId);
  if (!group || group.course_id !== access.course.id)
    throw new DomainError('not_found', 'No such group in this course.');
  return writeTransaction(deps.db, async (trx) => {
    const state = await loadAssignmentState(trx, scope.course, scope.settings);
    const next: RoleAssignment[] = state.current.filter(
      (a) => !(a.meetingId === edit.meetingId && a.groupId === edit.groupId),
    );
    if (edit.role) next.push({ meetingId: edit.meetingId, groupId: edit.groupId, role: edit.role });
    // Locks of the other roles still hold; the edited one is judged as the new state.
    const input = {
      ...state.input,
      locks: (state.input.locks ?? []).filter(
        (l) => !(l.meetingId === edit.meetingId && l.groupId === edit.groupId),
      ),
    };
    const violations = checkPlan(input, next);
    if (violations.length > 0 && !edit.confirm) {
      throw new DomainError(
        'conflict',
        `This change breaks ${violations.length === 1 ? 'a rule' : `${violations.length} rules`}: ${violations.map((v) => v.message).join(' ')} Confirm to save it anyway.`,
        {
          reason: 'violations',
          violations,
        },
      );
    }
    await deleteRole(trx, edit.meetingId, edit.groupId);
    if (edit.role) {
      await insertRoles(trx, [
        {
          id: ulid(now.getTime()),
          course_id: access.course.id,
          meeting_id: edit.meetingId,
          group_id: edit.groupId,
          role: edit.role,
          locked: edit.locked === false ? 0 : 1,
          created_at: now.toISOString(),
        },
      ]);
    }
    await auditStaffAction(trx, now, access, 'role-edited', `${group.name} ${meeting.date}`, {
      role: edit.role,
      confirmedViolations: violations.map((v) => v.code),
    });
    return { violations };
  });
}

/** Locks or unlocks an existing role. */
export async function setRoleLock(
  deps: ServiceDeps,
  access: CourseAccess,
  input: { meetingId: string; groupId: string; locked: boolean },
): Promise<{ locked: boolean }> {
  authorize(access, 'runAssignment');
  const rows = await listRoleRows(deps.db, access.course.id);
  if (!rows.some((r) => r.meeting_id === input.meetingId && r.group_id === input.groupId))
    throw new DomainError('not_found', 'That group holds no role in that meeting.');
  await setRoleLocked(deps.db, input.meetingId, input.groupId, input.locked);
  return { locked: input.locked };
}

type PublishedRole = Pick<RoleAssignment, 'meetingId' | 'groupId' | 'role'>;
type RoleChangeLines = RolesChangedPayload['changes'];

/** Per group, the roles it gained or lost between two publishes, by class date. */
function changedGroups(
  before: PublishedRole[],
  after: PublishedRole[],
  dates: Map<string, string>,
): Map<string, RoleChangeLines> {
  const key = (r: PublishedRole) => `${r.meetingId}|${r.groupId}|${r.role}`;
  const was = new Set(before.map(key));
  const will = new Set(after.map(key));
  const out = new Map<string, RoleChangeLines>();
  const add = (r: PublishedRole, gained: boolean) => {
    const date = dates.get(r.meetingId) ?? '';
    out.set(r.groupId, [
      ...(out.get(r.groupId) ?? []),
      { meetingDate: date, meetingLabel: date ? meetingLabel(date) : r.meetingId, role: r.role, gained },
    ]);
  };
  for (const r of after) if (!was.has(key(r))) add(r, true);
  for (const r of before) if (!will.has(key(r))) add(r, false);
  for (const list of out.values()) list.sort((a, b) => a.meetingDate.localeCompare(b.meetingDate));
  return out;
}

/** Per group, how its roles differ from the last publish; empty before the first publish (it mails nobody). */
async function changedSinceLastPublish(
  db: Db,
  courseId: string,
  roles: PublishedRole[],
  dates: Map<string, string>,
): Promise<Map<string, RoleChangeLines>> {
  const previous = await latestPlan(db, courseId, 'publication');
  if (!previous) return new Map();
  return changedGroups(JSON.parse(previous.plan) as PublishedRole[], roles, dates);
}

/** The names of the groups that publishing the roles in force would mail (their roles changed since the last publish). */
export async function groupsToMailOnPublish(
  db: Db,
  courseId: string,
  roles: PublishedRole[],
  groupNames: Map<string, string>,
): Promise<string[]> {
  const changed = await changedSinceLastPublish(db, courseId, roles, new Map());
  return [...changed.keys()]
    .filter((g) => groupNames.has(g))
    .map((g) => groupNames.get(g)!)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/**
 * Publishes the roles (students then see them) or takes them back. Publishing needs roles. Each publish
 * keeps the roles it published; against the previous publish, every member of each group whose roles
 * changed is mailed once (queued in the same transaction). The first publish mails nobody.
 */
export async function publishRoles(
  deps: ServiceDeps,
  access: CourseAccess,
  published: boolean,
): Promise<{ publishedAt: string | null; groupsMailed: number }> {
  authorize(access, 'runAssignment');
  const now = nowOf(deps);
  const at = published ? now.toISOString() : null;
  const courseId = access.course.id;
  if (!published) {
    await upsertSettings(deps.db, courseId, { roles_published_at: null }, now.toISOString());
    await auditStaffAction(deps.db, now, access, 'roles-unpublished', null);
    return { publishedAt: null, groupsMailed: 0 };
  }
  const scope = await loadScope(deps.db, access);
  return writeTransaction(deps.db, async (trx) => {
    await lockCourseRoles(deps.db, trx, courseId);
    const rows = await listRoleRows(trx, courseId);
    if (rows.length === 0) {
      throw new DomainError(
        'conflict',
        'There are no roles to publish yet: plan and apply an assignment first.',
        { reason: 'no-roles' },
      );
    }
    const roles: PublishedRole[] = rows.map((r) => ({
      meetingId: r.meeting_id,
      groupId: r.group_id,
      role: r.role,
    }));
    const dates = new Map(scope.course.meetings.map((m) => [m.id, m.date]));
    const changed = await changedSinceLastPublish(trx, courseId, roles, dates);
    const groups = new Map((await listGroups(trx, courseId)).map((g) => [g.id, g.name]));
    const jobs = [];
    for (const [groupId, changes] of changed) {
      const groupName = groups.get(groupId);
      if (groupName === undefined) continue; // a deleted group has nobody to tell
      const payload: RolesChangedPayload = {
        courseTitle: scope.course.title,
        groupName,
        path: `/courses/${scope.course.slug}/my-roles`,
        changes,
      };
      for (const m of await listGroupMembers(trx, groupId))
        jobs.push({
          id: ulid(now.getTime()),
          kind: ROLES_CHANGED_MAIL,
          user_id: m.userId,
          address: null,
          payload: JSON.stringify(payload),
          created_at: now.toISOString(),
          request_id: access.viewer?.requestId ?? null,
        });
    }
    await insertMailJobs(trx, jobs);
    const mailedGroups = [...changed.keys()].filter((g) => groups.has(g)).length;
    // Only the last publication is kept: the next publish compares against it (the audit keeps the history).
    await deletePlansOfKind(trx, courseId, 'publication');
    await insertPlan(trx, {
      id: ulid(now.getTime()),
      course_id: courseId,
      kind: 'publication',
      input_hash: '',
      plan: JSON.stringify(roles),
      created_at: now.toISOString(),
      created_by: access.viewer?.userId ?? null,
      applied_at: now.toISOString(),
    });
    await upsertSettings(trx, courseId, { roles_published_at: at }, now.toISOString());
    await auditStaffAction(trx, now, access, 'roles-published', null, {
      roles: roles.length,
      groupsMailed: mailedGroups,
    });
    return { publishedAt: at, groupsMailed: mailedGroups };
  });
}

export interface SettingsPatch {
  groupMin?: number | null;
  groupMax?: number | null;
  groupDeadline?: string | null;
  presentersPerMeeting?: number | null;
  summarizersPerMeeting?: number | null;
  reviewersPerMeeting?: number | null;
}

/** Changes group sizes, the group deadline and per-role counts; null restores the syllabus value or default. */
export async function updateAssignmentSettings(
  deps: ServiceDeps,
  access: CourseAccess,
  patch: SettingsPatch,
): Promise<void> {
  authorize(access, 'runAssignment');
  const now = nowOf(deps);
  const scope = await loadScope(deps.db, access);
  const min =
    patch.groupMin === undefined
      ? scope.settings.groupMin
      : (patch.groupMin ?? scope.course.groupSize?.min ?? 2);
  const max =
    patch.groupMax === undefined
      ? scope.settings.groupMax
      : (patch.groupMax ?? scope.course.groupSize?.max ?? 3);
  if (min < 1 || max < min)
    throw new DomainError(
      'invalid_input',
      `Group sizes must satisfy 1 ≤ minimum ≤ maximum (got ${min}–${max}).`,
      { field: 'groupMin' },
    );
  if (patch.groupDeadline && Number.isNaN(Date.parse(patch.groupDeadline)))
    throw new DomainError('invalid_input', 'The group deadline must be an ISO-8601 instant.', {
      field: 'groupDeadline',
    });
  const row: Record<string, unknown> = {};
  if (patch.groupMin !== undefined) row.group_min = patch.groupMin;
  if (patch.groupMax !== undefined) row.group_max = patch.groupMax;
  if (patch.groupDeadline !== undefined)
    row.group_deadline = patch.groupDeadline ? new Date(patch.groupDeadline).toISOString() : null;
  if (patch.presentersPerMeeting !== undefined) row.presenters_per_meeting = patch.presentersPerMeeting;
  if (patch.summarizersPerMeeting !== undefined) row.summarizers_per_meeting = patch.summarizersPerMeeting;
  if (patch.reviewersPerMeeting !== undefined) row.reviewers_per_meeting = patch.reviewersPerMeeting;
  await upsertSettings(deps.db, access.course.id, row, now.toISOString());
  await auditStaffAction(deps.db, now, access, 'assignment-settings-changed', null, { ...patch });
}

/** Marks a group unavailable on a meeting (or available again); the solver then gives it no role there. */
export async function setExclusion(
  deps: ServiceDeps,
  access: CourseAccess,
  input: { groupId: string; meetingId: string; excluded: boolean },
): Promise<void> {
  authorize(access, 'runAssignment');
  const now = nowOf(deps);
  const scope = await loadScope(deps.db, access);
  if (!scope.course.meetings.some((m) => m.id === input.meetingId && m.needsPresenters))
    throw new DomainError('not_found', 'No such meeting with presenters in this course.');
  const group = await findGroup(deps.db, input.groupId);
  if (!group || group.course_id !== access.course.id)
    throw new DomainError('not_found', 'No such group in this course.');
  const exists = (await listExclusions(deps.db, access.course.id)).some(
    (e) => e.group_id === input.groupId && e.meeting_id === input.meetingId,
  );
  if (input.excluded && !exists) {
    await insertExclusion(deps.db, {
      group_id: input.groupId,
      meeting_id: input.meetingId,
      course_id: access.course.id,
      created_at: now.toISOString(),
      created_by: access.viewer?.userId ?? null,
    });
  } else if (!input.excluded && exists) {
    await deleteExclusion(deps.db, input.groupId, input.meetingId);
  }
}
