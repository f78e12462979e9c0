// A signed-in person's own account: change name, change password, sign out everywhere.
import type { MyCourse } from '../../contracts/auth.js';
import type { Db } from '../../storage/db.js';
import { listCoursesOfUser } from '../../storage/repositories/enrollments.js';
import { findUserById, updateUser } from '../../storage/repositories/users.js';
import { countUserSessions, deleteUserSessions } from '../../storage/repositories/sessions.js';
import { recordAudit } from '../audit/record-audit.js';
import { DomainError } from '../errors.js';
import type { RequestMeta } from './context.js';
import { requireName } from './identity.js';
import { assertNewPassword, hashPassword, verifyPassword } from './passwords.js';
import { enforceLimit, LIMITS } from './rate-limit.js';
import { endAllSessions } from './sessions.js';
import type { Account } from './users.js';

export async function changeName(
  db: Db,
  now: Date,
  user: Account,
  name: string,
  meta: RequestMeta,
): Promise<Account> {
  const clean = requireName(name);
  await updateUser(db, user.id, { name: clean, updated_at: now.toISOString() });
  await recordAudit(db, now, {
    actor: { id: user.id, email: user.email },
    courseId: null,
    action: 'name-changed',
    details: { from: user.name, to: clean },
    ...meta,
  });
  return { ...user, name: clean };
}

/** Needs the current password (checks rate limited per account and per IP); other sessions end (this one stays signed in). */
export async function changePassword(
  db: Db,
  now: Date,
  user: Account,
  input: { currentPassword: string; newPassword: string; sessionId: string },
  meta: RequestMeta,
): Promise<{ otherSessionsEnded: number }> {
  await enforceLimit(db, LIMITS.passwordCheckIp, meta.ip ?? 'unknown', now);
  await enforceLimit(db, LIMITS.passwordCheckUser, user.id, now);
  const fresh = await findUserById(db, user.id);
  if (!fresh || !(await verifyPassword(fresh.password_hash, input.currentPassword.slice(0, 1000)))) {
    throw new DomainError('invalid_input', 'Your current password is not right.', {
      field: 'currentPassword',
    });
  }
  assertNewPassword(input.newPassword);
  await updateUser(db, user.id, {
    password_hash: await hashPassword(input.newPassword),
    updated_at: now.toISOString(),
  });
  const ended = await deleteUserSessions(db, user.id, input.sessionId);
  await recordAudit(db, now, {
    actor: { id: user.id, email: user.email },
    courseId: null,
    action: 'password-changed',
    ...meta,
  });
  return { otherSessionsEnded: ended };
}

export async function signOutEverywhere(
  db: Db,
  now: Date,
  user: Account,
  meta: RequestMeta,
): Promise<{ sessionsEnded: number }> {
  const ended = await endAllSessions(db, user.id);
  await recordAudit(db, now, {
    actor: { id: user.id, email: user.email },
    courseId: null,
    action: 'sign-out-everywhere',
    details: { sessionsEnded: ended },
    ...meta,
  });
  return { sessionsEnded: ended };
}

/** The courses a person is enrolled in, with their role there (account page, session answer). */
export async function myCourses(db: Db, userId: string): Promise<MyCourse[]> {
  const courses = await listCoursesOfUser(db, userId);
  return courses.map((c) => ({ slug: c.slug, title: c.title, code: c.code, role: c.role }));
}

/** How many sessions of the account are open (all devices). */
export async function openSessionCount(db: Db, userId: string): Promise<number> {
  return countUserSessions(db, userId);
}
