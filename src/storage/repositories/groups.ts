// Groups, their members and invitations: the reads other areas call (findGroupOfUser, listGroupMembers) and the writes.
import type { Db } from '../db.js';
import type { GroupInvitationRow, GroupMemberRow, GroupRow, InvitationStatus } from './group-tables.js';

export type { GroupRow, GroupMemberRow, GroupInvitationRow, InvitationStatus } from './group-tables.js';

export interface GroupMemberView {
  userId: string;
  name: string;
  email: string;
  joinedAt: string;
}

/** The group a student belongs to in a course, or undefined. Stable shape: other areas call it. */
export async function findGroupOfUser(
  db: Db,
  courseId: string,
  userId: string,
): Promise<GroupRow | undefined> {
  return db
    .selectFrom('group_members')
    .innerJoin('groups', 'groups.id', 'group_members.group_id')
    .selectAll('groups')
    .where('group_members.course_id', '=', courseId)
    .where('group_members.user_id', '=', userId)
    .executeTakeFirst();
}

/** Members of a group with their names, by name. Stable shape: other areas call it. */
export async function listGroupMembers(db: Db, groupId: string): Promise<GroupMemberView[]> {
  const rows = await db
    .selectFrom('group_members')
    .innerJoin('users', 'users.id', 'group_members.user_id')
    .select([
      'users.id as userId',
      'users.name as name',
      'users.email as email',
      'group_members.joined_at as joinedAt',
    ])
    .where('group_members.group_id', '=', groupId)
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
  return rows;
}

export async function findGroup(db: Db, groupId: string): Promise<GroupRow | undefined> {
  return db.selectFrom('groups').selectAll().where('id', '=', groupId).executeTakeFirst();
}

export async function listGroups(db: Db, courseId: string): Promise<GroupRow[]> {
  return db
    .selectFrom('groups')
    .selectAll()
    .where('course_id', '=', courseId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/**
 * Every membership of the course with the member's name (one query for the whole course).
 * activeOnly leaves out students whom staff dropped (their membership row stays, with their work).
 */
export async function listCourseMembers(
  db: Db,
  courseId: string,
  opts: { activeOnly?: boolean } = {},
): Promise<Array<GroupMemberRow & { name: string; email: string }>> {
  let q = db
    .selectFrom('group_members')
    .innerJoin('users', 'users.id', 'group_members.user_id')
    .select([
      'group_members.group_id',
      'group_members.user_id',
      'group_members.course_id',
      'group_members.joined_at',
      'users.name',
      'users.email',
    ])
    .where('group_members.course_id', '=', courseId);
  if (opts.activeOnly) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('enrollments')
          .select('enrollments.user_id')
          .whereRef('enrollments.user_id', '=', 'group_members.user_id')
          .whereRef('enrollments.course_id', '=', 'group_members.course_id')
          .where('enrollments.dropped_at', 'is', null),
      ),
    );
  }
  return q.orderBy('users.name').orderBy('users.id').execute();
}

export async function insertGroup(db: Db, row: GroupRow): Promise<void> {
  await db.insertInto('groups').values(row).execute();
}

export async function deleteGroup(db: Db, groupId: string): Promise<void> {
  await db.deleteFrom('groups').where('id', '=', groupId).execute();
}

export async function insertMember(db: Db, row: GroupMemberRow): Promise<void> {
  await db.insertInto('group_members').values(row).execute();
}

export async function deleteMember(db: Db, groupId: string, userId: string): Promise<void> {
  await db
    .deleteFrom('group_members')
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .execute();
}

export async function countMembers(db: Db, groupId: string): Promise<number> {
  const row = await db
    .selectFrom('group_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('group_id', '=', groupId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function findInvitation(db: Db, invitationId: string): Promise<GroupInvitationRow | undefined> {
  return db.selectFrom('group_invitations').selectAll().where('id', '=', invitationId).executeTakeFirst();
}

export async function findInvitationFor(
  db: Db,
  groupId: string,
  userId: string,
): Promise<GroupInvitationRow | undefined> {
  return db
    .selectFrom('group_invitations')
    .selectAll()
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Invitations of a course, optionally only those to one user or of one group, newest first. */
export async function listInvitations(
  db: Db,
  courseId: string,
  filter: { userId?: string; groupId?: string; status?: InvitationStatus } = {},
): Promise<Array<GroupInvitationRow & { group_name: string; invitee_name: string }>> {
  let q = db
    .selectFrom('group_invitations')
    .innerJoin('groups', 'groups.id', 'group_invitations.group_id')
    .innerJoin('users', 'users.id', 'group_invitations.user_id')
    .selectAll('group_invitations')
    .select(['groups.name as group_name', 'users.name as invitee_name'])
    .where('group_invitations.course_id', '=', courseId);
  if (filter.userId) q = q.where('group_invitations.user_id', '=', filter.userId);
  if (filter.groupId) q = q.where('group_invitations.group_id', '=', filter.groupId);
  if (filter.status) q = q.where('group_invitations.status', '=', filter.status);
  return q.orderBy('group_invitations.created_at', 'desc').orderBy('group_invitations.id').execute();
}

export async function insertInvitation(db: Db, row: GroupInvitationRow): Promise<void> {
  await db.insertInto('group_invitations').values(row).execute();
}

export async function updateInvitation(
  db: Db,
  invitationId: string,
  patch: Partial<Pick<GroupInvitationRow, 'status' | 'responded_at' | 'invited_by' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('group_invitations').set(patch).where('id', '=', invitationId).execute();
}

/** Closes a user's other pending invitations in the course (they joined a group). */
export async function withdrawPendingInvitationsOf(
  db: Db,
  courseId: string,
  userId: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('group_invitations')
    .set({ status: 'withdrawn', responded_at: at })
    .where('course_id', '=', courseId)
    .where('user_id', '=', userId)
    .where('status', '=', 'pending')
    .execute();
}
