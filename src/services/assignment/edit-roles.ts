// Staff edit roles by hand (checked against every hard constraint), lock them, publish them, and change the settings.
import { writeTransaction } from '../../storage/db.js';
import { ulid } from 'ulid';
import { checkPlan, type Role, type RoleAssignment, type Violation } from '../../assignment/index.js';
import {
  deleteExclusion,
  insertExclusion,
  listExclusions,
  upsertSettings,
} from '../../storage/repositories/assignment-store.js';
import { findGroup } from '../../storage/repositories/groups.js';
import { deleteRole, insertRoles, listRoleRows, setRoleLocked } from '../../storage/repositories/roles.js';
import { authorize, type CourseAccess } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import { nowOf, type ServiceDeps } from '../deps.js';
import { loadScope } from '../groups/context.js';
import { loadAssignmentState } from './input.js';
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

/** Publishes the roles (students then see them) or takes them back. Publishing needs roles. */
export async function publishRoles(
  deps: ServiceDeps,
  access: CourseAccess,
  published: boolean,
): Promise<{ publishedAt: string | null }> {
  authorize(access, 'runAssignment');
  const now = nowOf(deps);
  if (published && (await listRoleRows(deps.db, access.course.id)).length === 0) {
    throw new DomainError(
      'conflict',
      'There are no roles to publish yet: plan and apply an assignment first.',
      { reason: 'no-roles' },
    );
  }
  const at = published ? now.toISOString() : null;
  await upsertSettings(deps.db, access.course.id, { roles_published_at: at }, now.toISOString());
  await auditStaffAction(deps.db, now, access, published ? 'roles-published' : 'roles-unpublished', null);
  return { publishedAt: at };
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
