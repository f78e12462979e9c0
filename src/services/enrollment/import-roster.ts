// Roster CSV import as plan → preview → apply: every row checked first, then all applied in one transaction or none.
import { createHash } from 'node:crypto';
import { ulid } from 'ulid';
import type { Db } from '../../storage/db.js';
import {
  findEnrollmentsOfCourse,
  insertEnrollment,
  updateEnrollment,
} from '../../storage/repositories/enrollments.js';
import { findUsersByEmails, insertUser, updateUser } from '../../storage/repositories/users.js';
import { canInCourse, type CourseRole } from '../../domain/permissions.js';
import { invitationMail } from '../../mail/templates.js';
import { recordAudit } from '../audit/record-audit.js';
import { linkTo, type AuthContext, type RequestMeta } from '../auth/context.js';
import { issueLink } from '../auth/links.js';
import { DomainError } from '../errors.js';
import { authorize, type CourseAccess } from './course-access.js';
import { readRosterCsv, type RowProblem } from './roster-csv.js';
import type { UserRow } from '../../storage/repositories/users.js';
import type { Account } from '../auth/users.js';

export type RowAction = 'invite' | 'enroll' | 'restore' | 'change-role' | 'unchanged';

export interface PlannedRow {
  line: number;
  email: string;
  name: string;
  netId: string | null;
  role: CourseRole;
  action: RowAction;
  /** For change-role and restore: the role held before. */
  previousRole: CourseRole | null;
}

export interface RosterPlan {
  rows: PlannedRow[];
  problems: RowProblem[];
  counts: Record<RowAction, number>;
  /** Whether apply will do anything: no problems and at least one change. */
  applicable: boolean;
  /** Identifies this exact plan; apply refuses if the roster changed since the preview. */
  fingerprint: string;
  encoding: 'utf-8' | 'latin-1';
}

/** Computes what importing the file would do, without writing. Throws invalid_input when the file as a whole is unreadable. */
export async function planRosterImport(db: Db, access: CourseAccess, bytes: Uint8Array): Promise<RosterPlan> {
  authorize(access, 'manageRoster');
  const parsed = readRosterCsv(bytes);
  if (!parsed.ok) throw new DomainError('invalid_input', parsed.message, { field: 'file' });
  const problems = [...parsed.problems];
  const users = new Map(
    (
      await findUsersByEmails(
        db,
        parsed.rows.map((r) => r.email),
      )
    ).map((u) => [u.email, u]),
  );
  const enrollments = new Map(
    (
      await findEnrollmentsOfCourse(
        db,
        access.course.id,
        [...users.values()].map((u) => u.id),
      )
    ).map((e) => [e.user_id, e]),
  );
  const mayChangeRoles = canInCourse('changeRoles', access.viewer, access.membership);
  const rows: PlannedRow[] = [];
  for (const r of parsed.rows) {
    const user = users.get(r.email);
    const enrollment = user ? enrollments.get(user.id) : undefined;
    let action: RowAction;
    if (!user) action = 'invite';
    else if (!enrollment) action = 'enroll';
    else if (enrollment.dropped_at) action = 'restore';
    else action = enrollment.role === r.role ? 'unchanged' : 'change-role';
    const touchesStaff =
      r.role !== 'student' || (enrollment && enrollment.role !== 'student' && action !== 'unchanged');
    if (touchesStaff && action !== 'unchanged' && !mayChangeRoles) {
      problems.push({
        line: r.line,
        field: 'role',
        message: 'Only instructors can add or change TAs and instructors.',
      });
      continue;
    }
    if (user && enrollment?.user_id === access.viewer?.userId && action === 'change-role') {
      problems.push({ line: r.line, field: 'role', message: 'You cannot change your own role by import.' });
      continue;
    }
    rows.push({
      line: r.line,
      email: r.email,
      name: r.name,
      netId: r.netId,
      role: r.role,
      action,
      previousRole: enrollment?.role ?? null,
    });
  }
  problems.sort((a, b) => a.line - b.line);
  const counts: Record<RowAction, number> = {
    invite: 0,
    enroll: 0,
    restore: 0,
    'change-role': 0,
    unchanged: 0,
  };
  for (const r of rows) counts[r.action]++;
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ rows, problems }))
    .digest('hex')
    .slice(0, 32);
  return {
    rows,
    problems,
    counts,
    applicable: problems.length === 0 && rows.some((r) => r.action !== 'unchanged'),
    fingerprint,
    encoding: parsed.encoding,
  };
}

/**
 * Applies the plan the staff previewed: recomputed from the same file, refused if any row has a
 * problem or the fingerprint no longer matches; then every change in one transaction. New people
 * get an invitation e-mail to set their password once the transaction has committed.
 */
export async function applyRosterImport(
  ctx: AuthContext,
  access: CourseAccess,
  actor: Account,
  bytes: Uint8Array,
  fingerprint: string,
  meta: RequestMeta,
): Promise<{ plan: RosterPlan; invited: number }> {
  const plan = await planRosterImport(ctx.db, access, bytes);
  if (plan.problems.length > 0) {
    throw new DomainError(
      'invalid_input',
      `The file has ${plan.problems.length} problem(s); nothing was imported. Fix them and preview again.`,
      { problems: plan.problems },
    );
  }
  if (plan.fingerprint !== fingerprint) {
    throw new DomainError(
      'conflict',
      'The roster changed since your preview. Preview the file again, then apply.',
    );
  }
  const now = ctx.now();
  const at = now.toISOString();
  const invites: Array<{ user: UserRow; token: string }> = [];
  await ctx.db.transaction().execute(async (trx) => {
    for (const [i, r] of plan.rows.entries()) {
      if (r.action === 'unchanged') continue;
      if (r.action === 'invite') {
        const user: UserRow = {
          id: ulid(now.getTime() + i),
          email: r.email,
          name: r.name,
          net_id: r.netId,
          password_hash: null,
          is_admin: 0,
          created_at: at,
          updated_at: at,
        };
        await insertUser(trx, user);
        await insertEnrollment(trx, {
          course_id: access.course.id,
          user_id: user.id,
          role: r.role,
          created_at: at,
          updated_at: at,
          dropped_at: null,
        });
        invites.push({ user, token: await issueLink(trx, now, 'invite', user.id) });
        continue;
      }
      const [user] = await findUsersByEmails(trx, [r.email]);
      if (!user)
        throw new DomainError(
          'conflict',
          'The roster changed since your preview. Preview the file again, then apply.',
        );
      if (r.netId && !user.net_id) await updateUser(trx, user.id, { net_id: r.netId, updated_at: at });
      if (r.action === 'enroll') {
        await insertEnrollment(trx, {
          course_id: access.course.id,
          user_id: user.id,
          role: r.role,
          created_at: at,
          updated_at: at,
          dropped_at: null,
        });
      } else {
        await updateEnrollment(trx, access.course.id, user.id, {
          role: r.role,
          dropped_at: null,
          updated_at: at,
        });
      }
    }
    await recordAudit(trx, now, {
      actor: { id: actor.id, email: actor.email },
      courseId: access.course.id,
      action: 'roster-imported',
      details: { ...plan.counts },
      ...meta,
    });
  });
  for (const { user, token } of invites) {
    await ctx.mailer.send(
      invitationMail(
        user.email,
        user.name,
        access.course.code ? `${access.course.code} ${access.course.title}` : access.course.title,
        linkTo(ctx, '/invitation', token),
      ),
    );
  }
  return { plan, invited: invites.length };
}
