// Students form groups before the deadline: create one, invite classmates, accept or decline, leave.
import { writeTransaction } from '../../storage/db.js';
import { ulid } from 'ulid';
import type { Viewer } from '../../domain/permissions.js';
import { findEnrollment } from '../../storage/repositories/enrollments.js';
import {
  countMembers,
  deleteGroup,
  deleteMember,
  findGroupOfUser,
  findInvitation,
  findInvitationFor,
  insertGroup,
  insertInvitation,
  insertMember,
  listGroups,
  updateInvitation,
  withdrawPendingInvitationsOf,
} from '../../storage/repositories/groups.js';
import { authorize, type CourseAccess } from '../enrollment/course-access.js';
import { invisibleCharacterIn, invisibleCharacterProblem } from '../../domain/names.js';
import { DomainError } from '../errors.js';
import { nowOf, type ServiceDeps } from '../deps.js';
import { assertBeforeDeadline, loadScope, nextGroupName, requireOwnGroup } from './context.js';

const NAME_MAX = 60;

function cleanName(name: string | undefined): string | null {
  const invisible = invisibleCharacterIn((name ?? '').replace(/[\t\n\r]/g, ' '));
  if (invisible)
    throw new DomainError('invalid_input', invisibleCharacterProblem('A group name', invisible), {
      field: 'name',
    });
  const trimmed = (name ?? '').replace(/\s+/g, ' ').trim();
  if (trimmed.length === 0) return null;
  if (trimmed.length > NAME_MAX)
    throw new DomainError('invalid_input', `A group name has at most ${NAME_MAX} characters.`, {
      field: 'name',
    });
  return trimmed;
}

/** A unique-constraint failure from either dialect (two requests racing for the same seat or name). */
function isUniqueViolation(error: unknown): boolean {
  const text = error instanceof Error ? `${(error as { code?: string }).code ?? ''} ${error.message}` : '';
  return /UNIQUE|23505|unique/i.test(text);
}

/** Creates a group with the actor as its first member. */
export async function createGroup(
  deps: ServiceDeps,
  access: CourseAccess,
  viewer: Viewer,
  input: { name?: string },
): Promise<{ groupId: string; name: string }> {
  authorize(access, 'manageOwnGroup');
  const now = nowOf(deps);
  const scope = await loadScope(deps.db, access);
  assertBeforeDeadline(scope, now, 'forming groups');
  const wanted = cleanName(input.name);
  const at = now.toISOString();
  const groupId = ulid(now.getTime());
  try {
    return await writeTransaction(deps.db, async (trx) => {
      if (await findGroupOfUser(trx, access.course.id, viewer.userId)) {
        throw new DomainError('conflict', 'You are already in a group of this course: leave it first.', {
          reason: 'already-in-group',
        });
      }
      const names = (await listGroups(trx, access.course.id)).map((g) => g.name);
      if (wanted && names.includes(wanted))
        throw new DomainError('conflict', `There is already a group named "${wanted}".`, {
          reason: 'name-taken',
        });
      const name = wanted ?? nextGroupName(names)[0]!;
      await insertGroup(trx, {
        id: groupId,
        course_id: access.course.id,
        name,
        created_at: at,
        created_by: viewer.userId,
      });
      await insertMember(trx, {
        group_id: groupId,
        user_id: viewer.userId,
        course_id: access.course.id,
        joined_at: at,
      });
      await withdrawPendingInvitationsOf(trx, access.course.id, viewer.userId, at);
      return { groupId, name };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError('conflict', 'You are already in a group, or the name is taken.', {
        reason: 'already-in-group',
      });
    throw error;
  }
}

/** Invites an active student of the course to the actor's group (idempotent while pending). */
export async function inviteToGroup(
  deps: ServiceDeps,
  access: CourseAccess,
  viewer: Viewer,
  inviteeId: string,
): Promise<{ invitationId: string }> {
  authorize(access, 'manageOwnGroup');
  const now = nowOf(deps);
  const scope = await loadScope(deps.db, access);
  assertBeforeDeadline(scope, now, 'forming groups');
  const group = await requireOwnGroup(deps.db, access.course.id, viewer);
  if (inviteeId === viewer.userId)
    throw new DomainError('invalid_input', 'You are already in your group.', { field: 'userId' });
  const enrollment = await findEnrollment(deps.db, access.course.id, inviteeId);
  if (!enrollment || enrollment.role !== 'student' || enrollment.dropped_at !== null) {
    throw new DomainError('invalid_input', 'Only students enrolled in this course can be invited.', {
      field: 'userId',
      reason: 'not-a-student',
    });
  }
  if (await findGroupOfUser(deps.db, access.course.id, inviteeId)) {
    throw new DomainError('conflict', 'That student is already in a group.', { reason: 'already-in-group' });
  }
  if ((await countMembers(deps.db, group.id)) >= scope.settings.groupMax) {
    throw new DomainError('conflict', `Your group is full (${scope.settings.groupMax} members at most).`, {
      reason: 'group-full',
    });
  }
  const at = now.toISOString();
  const existing = await findInvitationFor(deps.db, group.id, inviteeId);
  if (existing) {
    if (existing.status !== 'pending')
      await updateInvitation(deps.db, existing.id, {
        status: 'pending',
        responded_at: null,
        invited_by: viewer.userId,
        created_at: at,
      });
    return { invitationId: existing.id };
  }
  const invitationId = ulid(now.getTime());
  await insertInvitation(deps.db, {
    id: invitationId,
    course_id: access.course.id,
    group_id: group.id,
    user_id: inviteeId,
    invited_by: viewer.userId,
    status: 'pending',
    created_at: at,
    responded_at: null,
  });
  return { invitationId };
}

/** Accepts (joins the group, other invitations withdrawn) or declines an invitation addressed to the actor. */
export async function respondToInvitation(
  deps: ServiceDeps,
  access: CourseAccess,
  viewer: Viewer,
  invitationId: string,
  accept: boolean,
): Promise<{ status: 'accepted' | 'declined'; groupId: string }> {
  authorize(access, 'manageOwnGroup');
  const now = nowOf(deps);
  const invitation = await findInvitation(deps.db, invitationId);
  if (!invitation || invitation.course_id !== access.course.id || invitation.user_id !== viewer.userId) {
    throw new DomainError('not_found', 'No such invitation for you in this course.');
  }
  if (invitation.status !== 'pending')
    throw new DomainError('conflict', `This invitation was already ${invitation.status}.`, {
      reason: 'not-pending',
    });
  const at = now.toISOString();
  if (!accept) {
    await updateInvitation(deps.db, invitation.id, { status: 'declined', responded_at: at });
    return { status: 'declined', groupId: invitation.group_id };
  }
  const scope = await loadScope(deps.db, access);
  assertBeforeDeadline(scope, now, 'forming groups');
  try {
    await writeTransaction(deps.db, async (trx) => {
      if (await findGroupOfUser(trx, access.course.id, viewer.userId)) {
        throw new DomainError('conflict', 'You are already in a group of this course: leave it first.', {
          reason: 'already-in-group',
        });
      }
      if ((await countMembers(trx, invitation.group_id)) >= scope.settings.groupMax) {
        throw new DomainError(
          'conflict',
          `That group is full (${scope.settings.groupMax} members at most).`,
          { reason: 'group-full' },
        );
      }
      await insertMember(trx, {
        group_id: invitation.group_id,
        user_id: viewer.userId,
        course_id: access.course.id,
        joined_at: at,
      });
      await withdrawPendingInvitationsOf(trx, access.course.id, viewer.userId, at);
      await updateInvitation(trx, invitation.id, { status: 'accepted', responded_at: at });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError('conflict', 'You are already in a group of this course.', {
        reason: 'already-in-group',
      });
    throw error;
  }
  return { status: 'accepted', groupId: invitation.group_id };
}

/** Leaves the actor's group; the last one out removes the group (and its ranking). */
export async function leaveGroup(
  deps: ServiceDeps,
  access: CourseAccess,
  viewer: Viewer,
): Promise<{ groupRemoved: boolean }> {
  authorize(access, 'manageOwnGroup');
  const now = nowOf(deps);
  const scope = await loadScope(deps.db, access);
  assertBeforeDeadline(scope, now, 'changing groups');
  const group = await requireOwnGroup(deps.db, access.course.id, viewer);
  return writeTransaction(deps.db, async (trx) => {
    await deleteMember(trx, group.id, viewer.userId);
    if ((await countMembers(trx, group.id)) === 0) {
      await deleteGroup(trx, group.id);
      return { groupRemoved: true };
    }
    return { groupRemoved: false };
  });
}
