// Role assignments of a course: the reads other areas call (listRoles, groupsHoldingRole) and the writes of apply/edit.
import type { Db } from '../db.js';
import type { RoleAssignmentRow, RoleName } from './group-tables.js';

export type { RoleAssignmentRow, RoleName } from './group-tables.js';

export interface RoleRef {
  meetingId: string;
  groupId: string;
  role: RoleName;
}

async function publishedAt(db: Db, courseId: string): Promise<string | null> {
  const row = await db
    .selectFrom('assignment_settings')
    .select('roles_published_at')
    .where('course_id', '=', courseId)
    .executeTakeFirst();
  return row?.roles_published_at ?? null;
}

/**
 * The course's roles. With publishedOnly, none until staff publish them (what students and
 * visitors may see). Stable shape: other areas call it.
 */
export async function listRoles(
  db: Db,
  courseId: string,
  opts: { publishedOnly: boolean },
): Promise<RoleRef[]> {
  if (opts.publishedOnly && !(await publishedAt(db, courseId))) return [];
  const rows = await db
    .selectFrom('role_assignments')
    .select(['meeting_id', 'group_id', 'role'])
    .where('course_id', '=', courseId)
    .orderBy('meeting_id')
    .orderBy('role')
    .orderBy('group_id')
    .execute();
  return rows.map((r) => ({ meetingId: r.meeting_id, groupId: r.group_id, role: r.role }));
}

/** Ids of the groups holding a role in a meeting (published or not: callers decide what to show). */
export async function groupsHoldingRole(db: Db, meetingId: string, role: RoleName): Promise<string[]> {
  const rows = await db
    .selectFrom('role_assignments')
    .select('group_id')
    .where('meeting_id', '=', meetingId)
    .where('role', '=', role)
    .orderBy('group_id')
    .execute();
  return rows.map((r) => r.group_id);
}

/** Full rows (with locks) for staff views and the solver. */
export async function listRoleRows(db: Db, courseId: string): Promise<RoleAssignmentRow[]> {
  return db
    .selectFrom('role_assignments')
    .selectAll()
    .where('course_id', '=', courseId)
    .orderBy('meeting_id')
    .orderBy('group_id')
    .execute();
}

export async function deleteRolesOfCourse(
  db: Db,
  courseId: string,
  opts: { keepLocked: boolean; keepMeetings?: string[] },
): Promise<void> {
  let q = db.deleteFrom('role_assignments').where('course_id', '=', courseId);
  if (opts.keepLocked) q = q.where('locked', '=', 0);
  if (opts.keepMeetings && opts.keepMeetings.length > 0)
    q = q.where('meeting_id', 'not in', opts.keepMeetings);
  await q.execute();
}

export async function insertRoles(db: Db, rows: RoleAssignmentRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('role_assignments')
      .values(rows.slice(i, i + 200))
      .execute();
}

export async function deleteRole(db: Db, meetingId: string, groupId: string): Promise<void> {
  await db
    .deleteFrom('role_assignments')
    .where('meeting_id', '=', meetingId)
    .where('group_id', '=', groupId)
    .execute();
}

export async function setRoleLocked(
  db: Db,
  meetingId: string,
  groupId: string,
  locked: boolean,
): Promise<number> {
  const result = await db
    .updateTable('role_assignments')
    .set({ locked: locked ? 1 : 0 })
    .where('meeting_id', '=', meetingId)
    .where('group_id', '=', groupId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
