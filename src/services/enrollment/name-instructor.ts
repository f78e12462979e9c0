// The administrator names a course's instructor: the account is created (and invited) when new, then enrolled.
import type { Db } from '../../storage/db.js';
import {
  findEnrollment,
  insertEnrollment,
  updateEnrollment,
  type CourseRef,
} from '../../storage/repositories/enrollments.js';
import { findUserByEmail } from '../../storage/repositories/users.js';
import { instanceBlocker, type Viewer } from '../../domain/permissions.js';
import { invitationMail } from '../../mail/templates.js';
import { recordAudit } from '../audit/record-audit.js';
import { linkTo, type AuthContext, type RequestMeta } from '../auth/context.js';
import { requireEmail } from '../auth/identity.js';
import { issueLink } from '../auth/links.js';
import { createUser, toAccount, type Account } from '../auth/users.js';
import { blockerError } from './course-access.js';

export async function nameInstructor(
  ctx: AuthContext,
  viewer: Viewer | null,
  actor: Account | null,
  course: CourseRef,
  input: { email: string; name: string },
  meta: RequestMeta,
): Promise<{ user: Account; invited: boolean }> {
  const blocker = instanceBlocker('nameInstructors', viewer);
  if (blocker) throw blockerError(blocker);
  const now = ctx.now();
  const email = requireEmail(input.email);
  let user = await findUserByEmail(ctx.db, email);
  let invited = false;
  if (!user) {
    user = await createUser(ctx.db, now, { email, name: input.name, passwordHash: null });
    const token = await issueLink(ctx.db, now, 'invite', user.id);
    await ctx.mailer.send(
      invitationMail(user.email, user.name, course.title, linkTo(ctx, '/invitation', token)),
    );
    invited = true;
  }
  await enrollAs(ctx.db, now, course.id, user.id, 'instructor');
  await recordAudit(ctx.db, now, {
    actor: actor ? { id: actor.id, email: actor.email } : null,
    courseId: course.id,
    action: 'instructor-named',
    target: user.email,
    ...meta,
  });
  return { user: toAccount(user), invited };
}

/** Enrolls or re-enrolls a user with a role (restoring a dropped enrollment). */
export async function enrollAs(
  db: Db,
  now: Date,
  courseId: string,
  userId: string,
  role: 'instructor' | 'ta' | 'student',
): Promise<void> {
  const existing = await findEnrollment(db, courseId, userId);
  const at = now.toISOString();
  if (!existing)
    await insertEnrollment(db, {
      course_id: courseId,
      user_id: userId,
      role,
      created_at: at,
      updated_at: at,
      dropped_at: null,
    });
  else if (existing.role !== role || existing.dropped_at)
    await updateEnrollment(db, courseId, userId, { role, dropped_at: null, updated_at: at });
}
