// Role assignments of a course: the reads other areas call (listRoles, rolesInForce, groupsHoldingRole) and the
// writes of apply/edit. Staff edit a working copy (role_assignments); students are held to what staff last published.
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
 * The roles students are held to. Once staff have published, the roles of the last publish (kept in
 * assignment_plans), less those of classes or groups since deleted: a plan applied or a role edited after
 * that reaches students only when staff publish again. Before any publish (or in a course whose roles were
 * published before publishes were kept), the working copy.
 */
export async function rolesInForce(db: Db, courseId: string): Promise<RoleRef[]> {
  const publication = (await publishedAt(db, courseId))
    ? await db
        .selectFrom('assignment_plans')
        .select('plan')
        .where('course_id', '=', courseId)
        .where('kind', '=', 'publication')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst()
    : undefined;
  if (!publication) return workingRoles(db, courseId);
  const [meetings, groups] = await Promise.all([
    db.selectFrom('meetings').select('id').where('course_id', '=', courseId).execute(),
    db.selectFrom('groups').select('id').where('course_id', '=', courseId).execute(),
  ]);
  const meetingIds = new Set(meetings.map((m) => m.id));
  const groupIds = new Set(groups.map((g) => g.id));
  return (JSON.parse(publication.plan) as RoleRef[])
    .filter((r) => meetingIds.has(r.meetingId) && groupIds.has(r.groupId))
    .map(({ meetingId, groupId, role }) => ({ meetingId, groupId, role }))
    .sort(
      (a, b) =>
        a.meetingId.localeCompare(b.meetingId) ||
        a.role.localeCompare(b.role) ||
        a.groupId.localeCompare(b.groupId),
    );
}

async function workingRoles(db: Db, courseId: string): Promise<RoleRef[]> {
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

/**
 * The course's roles. With publishedOnly, the roles in force for students (none until staff publish);
 * without, the staff's working copy. Stable shape: other areas call it.
 */
export async function listRoles(
  db: Db,
  courseId: string,
  opts: { publishedOnly: boolean },
): Promise<RoleRef[]> {
  if (!opts.publishedOnly) return workingRoles(db, courseId);
  if (!(await publishedAt(db, courseId))) return [];
  return rolesInForce(db, courseId);
}

/** Ids of the groups a meeting's role holds students to (the roles in force: see rolesInForce). */
export async function groupsHoldingRole(
  db: Db,
  courseId: string,
  meetingId: string,
  role: RoleName,
): Promise<string[]> {
  return (await rolesInForce(db, courseId))
    .filter((r) => r.meetingId === meetingId && r.role === role)
    .map((r) => r.groupId)
    .sort();
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
