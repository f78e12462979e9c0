// Who is who for the work area: students of a course, a student's group, group members, groups holding a role at a meeting.
import { byName } from '../../domain/natural-order.js';
import type { Db } from '../db.js';
import { rolesInForce } from './roles.js';
import { work } from './work-tables.js';

export interface PersonRef {
  id: string;
  name: string;
  email: string;
}

/** Active students of a course, by name. */
export async function listActiveStudents(db: Db, courseId: string): Promise<PersonRef[]> {
  return work(db)
    .selectFrom('enrollments')
    .innerJoin('users', 'users.id', 'enrollments.user_id')
    .select(['users.id', 'users.name', 'users.email'])
    .where('enrollments.course_id', '=', courseId)
    .where('enrollments.role', '=', 'student')
    .where('enrollments.dropped_at', 'is', null)
    .orderBy('users.name')
    .execute();
}

export async function listGroupsWithMembers(
  db: Db,
  courseId: string,
): Promise<Array<{ id: string; name: string; members: PersonRef[] }>> {
  const groups = await work(db)
    .selectFrom('groups')
    .select(['id', 'name'])
    .where('course_id', '=', courseId)
    .orderBy('name')
    .execute();
  const members = await work(db)
    .selectFrom('group_members')
    .innerJoin('users', 'users.id', 'group_members.user_id')
    .select(['group_members.group_id', 'users.id', 'users.name', 'users.email'])
    .where('group_members.course_id', '=', courseId)
    .orderBy('users.name')
    .execute();
  // Natural order (Group 2 before Group 10), which SQL collations do not give on both dialects.
  return byName(groups).map((g) => ({
    ...g,
    members: members.filter((m) => m.group_id === g.id).map(({ id, name, email }) => ({ id, name, email })),
  }));
}

/** The roles in force (see rolesInForce): which group presents / summarizes which meeting (by meeting id). */
export async function listRoleHolders(
  db: Db,
  courseId: string,
): Promise<Array<{ meeting_id: string; group_id: string; role: string }>> {
  return (await rolesInForce(db, courseId)).map((r) => ({
    meeting_id: r.meetingId,
    group_id: r.groupId,
    role: r.role,
  }));
}

export async function findUsers(db: Db, ids: string[]): Promise<PersonRef[]> {
  if (ids.length === 0) return [];
  return work(db).selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', ids).execute();
}
