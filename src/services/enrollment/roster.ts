// The course roster for staff: list and search, change a role, drop a student (work stays) or restore them.
import type { Db } from '../../storage/db.js';
import {
  countActiveInstructors,
  findEnrollment,
  listRoster,
  updateEnrollment,
  type RosterEntryRow,
} from '../../storage/repositories/enrollments.js';
import { findUserById } from '../../storage/repositories/users.js';
import type { Account } from '../auth/users.js';
import { findCourseZone, listCourseEnrollmentPeriods } from '../../storage/repositories/periods.js';
import { COURSE_ROLES, roleChangeBlocker, type CourseRole } from '../../domain/permissions.js';
import { recordAudit } from '../audit/record-audit.js';
import type { RequestMeta } from '../auth/context.js';
import { DomainError } from '../errors.js';
import { authorize, blockerError, type CourseAccess } from './course-access.js';
import { localDateOf } from './set-start.js';

export interface RosterQuery {
  /** Matches name, e-mail or NetID, case-insensitive. */
  search?: string;
  role?: CourseRole;
  includeDropped?: boolean;
}

/** A roster line with the start of the person's current enrollment period (their obligations begin there). */
export type RosterEntry = RosterEntryRow & {
  /** Local date (course zone) the current enrollment period starts. */
  starts_on: string | null;
  /** Staff set the start date by hand (else it is the enrollment's own instant). */
  start_set_by_hand: boolean;
};

export async function listCourseRoster(
  db: Db,
  access: CourseAccess,
  query: RosterQuery,
): Promise<{ timeZone: string; people: RosterEntry[] }> {
  authorize(access, 'viewRoster');
  const rows = await listRoster(db, access.course.id, { includeDropped: query.includeDropped ?? false });
  const timeZone = (await findCourseZone(db, access.course.id)) ?? 'UTC';
  const latest = new Map(
    (await listCourseEnrollmentPeriods(db, access.course.id)).map((p) => [p.user_id, p]),
  );
  const needle = query.search?.trim().toLowerCase() ?? '';
  const people = rows.filter(
    (r) =>
      (!query.role || r.role === query.role) &&
      (!needle ||
        r.name.toLowerCase().includes(needle) ||
        r.email.includes(needle) ||
        (r.net_id ?? '').toLowerCase().includes(needle)),
  );
  return {
    timeZone,
    people: people.map((r) => {
      const period = latest.get(r.user_id);
      return {
        ...r,
        starts_on: period ? localDateOf(period.starts_at, timeZone) : null,
        start_set_by_hand: period?.start_set_by != null,
      };
    }),
  };
}

/** Names of the active students and staff, for members (group formation); no e-mails. */
export async function listClassmates(
  db: Db,
  access: CourseAccess,
): Promise<Array<{ userId: string; name: string; role: CourseRole }>> {
  authorize(access, 'listClassmates');
  const rows = await listRoster(db, access.course.id, { includeDropped: false });
  return rows.map((r) => ({ userId: r.user_id, name: r.name, role: r.role }));
}

async function requireMember(db: Db, access: CourseAccess, userId: string) {
  const row = await findEnrollment(db, access.course.id, userId);
  const user = row ? await findUserById(db, userId) : undefined;
  if (!row || !user) throw new DomainError('not_found', 'That person is not on this course roster.');
  return { row, user };
}

export async function changeRole(
  db: Db,
  now: Date,
  access: CourseAccess,
  actor: Account,
  userId: string,
  role: CourseRole,
  meta: RequestMeta,
) {
  if (!COURSE_ROLES.includes(role))
    throw new DomainError(
      'invalid_input',
      `Unknown role "${String(role)}": use ${COURSE_ROLES.join(', ')}.`,
      { field: 'role' },
    );
  const { row, user } = await requireMember(db, access, userId);
  const blocker = roleChangeBlocker(access.viewer, access.membership, {
    targetUserId: userId,
    currentRole: row.role,
    newRole: role,
  });
  if (blocker) throw blockerError(blocker);
  if (row.dropped_at)
    throw new DomainError('conflict', 'Restore this person to the course before changing their role.');
  if (
    row.role === 'instructor' &&
    role !== 'instructor' &&
    (await countActiveInstructors(db, access.course.id)) <= 1
  ) {
    throw new DomainError(
      'conflict',
      'A course keeps at least one instructor. Name another instructor first.',
    );
  }
  if (row.role !== role) {
    await updateEnrollment(db, access.course.id, userId, { role, updated_at: now.toISOString() });
    await recordAudit(db, now, {
      actor: { id: actor.id, email: actor.email },
      courseId: access.course.id,
      action: 'role-changed',
      target: user.email,
      details: { from: row.role, to: role },
      ...meta,
    });
  }
  return { userId, role };
}

/**
 * Drops a student: the enrollment is marked dropped (their submissions and grades stay in the
 * database), they vanish from lists and lose access. Staff members are removed the same way,
 * but only by someone who may change roles.
 */
export async function dropMember(
  db: Db,
  now: Date,
  access: CourseAccess,
  actor: Account,
  userId: string,
  meta: RequestMeta,
) {
  authorize(access, 'manageRoster');
  const { row, user } = await requireMember(db, access, userId);
  if (row.role !== 'student') {
    authorize(access, 'changeRoles');
    if (row.role === 'instructor' && (await countActiveInstructors(db, access.course.id)) <= 1) {
      throw new DomainError(
        'conflict',
        'A course keeps at least one instructor. Name another instructor first.',
      );
    }
  }
  if (userId === actor.id)
    throw new DomainError('conflict', 'You cannot drop yourself; ask another instructor.');
  if (!row.dropped_at) {
    await updateEnrollment(db, access.course.id, userId, {
      dropped_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    await recordAudit(db, now, {
      actor: { id: actor.id, email: actor.email },
      courseId: access.course.id,
      action: 'student-dropped',
      target: user.email,
      details: { role: row.role },
      ...meta,
    });
  }
  return { userId, droppedAt: row.dropped_at ?? now.toISOString() };
}

export async function restoreMember(
  db: Db,
  now: Date,
  access: CourseAccess,
  actor: Account,
  userId: string,
  meta: RequestMeta,
) {
  authorize(access, 'manageRoster');
  const { row, user } = await requireMember(db, access, userId);
  if (row.role !== 'student') authorize(access, 'changeRoles');
  if (row.dropped_at) {
    await updateEnrollment(db, access.course.id, userId, { dropped_at: null, updated_at: now.toISOString() });
    await recordAudit(db, now, {
      actor: { id: actor.id, email: actor.email },
      courseId: access.course.id,
      action: 'student-restored',
      target: user.email,
      ...meta,
    });
  }
  return { userId, droppedAt: null };
}
