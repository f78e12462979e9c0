// Staff move a student between groups at any time: into another group, into a new group, or out of every group.
import { writeTransaction } from '../../storage/db.js';
import { ulid } from 'ulid';
import { findEnrollment } from '../../storage/repositories/enrollments.js';
import {
  countMembers,
  deleteGroup,
  deleteMember,
  findGroup,
  findGroupOfUser,
  insertGroup,
  insertMember,
  listGroups,
  withdrawPendingInvitationsOf,
} from '../../storage/repositories/groups.js';
import { authorize, type CourseAccess } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import { nowOf, type ServiceDeps } from '../deps.js';
import { loadScope, nextGroupName } from './context.js';
import { auditStaffAction } from '../assignment/audit-staff.js';

/**
 * Moves a student. target: a group id of the course, 'new' (a new group of their own) or null
 * (no group). Refused when the target group is full. A group left with fewer members than the
 * minimum is allowed (staff are mid-way through a reshuffle) and flagged on the groups page;
 * a group left empty is removed.
 */
export async function moveMember(
  deps: ServiceDeps,
  access: CourseAccess,
  input: { userId: string; target: string | 'new' | null },
): Promise<{ groupId: string | null }> {
  authorize(access, 'runAssignment');
  const now = nowOf(deps);
  const at = now.toISOString();
  const scope = await loadScope(deps.db, access);
  const courseId = access.course.id;
  const enrollment = await findEnrollment(deps.db, courseId, input.userId);
  if (!enrollment || enrollment.role !== 'student' || enrollment.dropped_at !== null) {
    throw new DomainError('invalid_input', 'Only students enrolled in this course can be placed in groups.', {
      field: 'userId',
      reason: 'not-a-student',
    });
  }
  if (input.target !== null && input.target !== 'new') {
    const group = await findGroup(deps.db, input.target);
    if (!group || group.course_id !== courseId)
      throw new DomainError('not_found', 'No such group in this course.');
  }
  return writeTransaction(deps.db, async (trx) => {
    const current = await findGroupOfUser(trx, courseId, input.userId);
    if (current && current.id === input.target) return { groupId: current.id };
    let targetId: string | null = null;
    if (input.target === 'new') {
      targetId = ulid(now.getTime());
      const name = nextGroupName((await listGroups(trx, courseId)).map((g) => g.name))[0]!;
      await insertGroup(trx, {
        id: targetId,
        course_id: courseId,
        name,
        created_at: at,
        created_by: access.viewer?.userId ?? null,
      });
    } else if (input.target !== null) {
      targetId = input.target;
      if ((await countMembers(trx, targetId)) >= scope.settings.groupMax) {
        throw new DomainError(
          'conflict',
          `That group is full (${scope.settings.groupMax} members at most).`,
          { reason: 'group-full' },
        );
      }
    }
    if (current) {
      await deleteMember(trx, current.id, input.userId, at);
      if ((await countMembers(trx, current.id)) === 0) await deleteGroup(trx, current.id);
    }
    if (targetId) {
      await insertMember(trx, {
        group_id: targetId,
        user_id: input.userId,
        course_id: courseId,
        joined_at: at,
      });
      await withdrawPendingInvitationsOf(trx, courseId, input.userId, at);
    }
    await auditStaffAction(trx, now, access, 'group-member-moved', input.userId, {
      from: current?.name ?? null,
      to: targetId,
    });
    return { groupId: targetId };
  });
}
