// Joining by e-mail: a visitor without a session types an address; nobody is enrolled until the link mailed to that
// address is confirmed (single use, 24 hours), and then through the same step as a signed-in join.
import { ulid } from 'ulid';
import type { Db } from '../../storage/db.js';
import { findCourseRefById, type CourseRef } from '../../storage/repositories/enrollments.js';
import { findJoinLinkByHash, findJoinLinkById } from '../../storage/repositories/join-links.js';
import {
  findPendingJoinByHash,
  insertPendingJoin,
  usePendingJoin,
  type PendingJoinRow,
} from '../../storage/repositories/pending-joins.js';
import { findUserByEmail, updateUser } from '../../storage/repositories/users.js';
import { joinConfirmMail } from '../../mail/templates.js';
import type { MailRenderer } from '../../mail/queue.js';
import { linkTo, queueAuthMail, type AuthContext, type RequestMeta } from '../auth/context.js';
import { requireEmail, requireName } from '../auth/identity.js';
import { assertNewPassword, hashPassword } from '../auth/passwords.js';
import { enforceLimit, LIMITS } from '../auth/rate-limit.js';
import { createSession, type NewSession } from '../auth/sessions.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { createUser, toAccount, type Account } from '../auth/users.js';
import { DomainError, type ErrorCode } from '../errors.js';
import { currentRole, describeJoinLink, enrollByLink, JOIN_PROBLEMS, joinLinkState } from './join-links.js';

/** A confirmation link works for 24 hours. */
export const JOIN_CONFIRM_TTL_MS = 24 * 60 * 60_000;
export const JOIN_REQUEST_SENT =
  'Check your inbox: we sent a link to confirm your address. You are enrolled once you open it (within 24 hours).';
export const JOIN_REQUEST_MAIL = 'join-request';

function courseLabel(course: CourseRef): string {
  return course.code ? `${course.code} ${course.title}` : course.title;
}

/**
 * A visitor without a session asks to join with their e-mail. The answer is the same, after the
 * same work, whoever the address belongs to: the request only queues a job, and the mail worker
 * does the rest (renderJoinRequestMail). The job holds the join link's id, not its token: a copy
 * of the queue cannot be used to join.
 */
export async function requestJoinByEmail(
  ctx: AuthContext,
  token: string,
  input: { email: string; name: string },
  meta: RequestMeta,
): Promise<{ message: string }> {
  const now = ctx.now();
  const { state, course, row } = await describeJoinLink(ctx.db, now, token);
  if (state !== 'valid' || !course || !row) {
    const [code, message] = JOIN_PROBLEMS[state === 'valid' ? 'invalid' : state];
    throw new DomainError(code, message, { reason: state });
  }
  const email = requireEmail(input.email);
  const name = requireName(input.name);
  await enforceLimit(ctx.db, LIMITS.resetIp, meta.ip ?? 'unknown', now);
  await enforceLimit(ctx.db, LIMITS.resetEmail, email, now);
  await queueAuthMail(ctx, JOIN_REQUEST_MAIL, email, { linkId: row.id, email, name }, meta.requestId ?? null);
  return { message: JOIN_REQUEST_SENT };
}

/**
 * The worker's side of a join request: records a pending join (the sha-256 of a fresh token, the
 * address and name typed) and mails the token's confirmation link to the address. No account and
 * no enrollment yet. Nothing is sent when the join link stopped working meanwhile.
 */
export function renderJoinRequestMail(ctx: AuthContext): MailRenderer {
  return async (_db, payload) => {
    const job = JSON.parse(payload) as { linkId?: string; token?: string; email: string; name: string };
    const now = ctx.now();
    const link =
      typeof job.linkId === 'string'
        ? await findJoinLinkById(ctx.db, job.linkId)
        : typeof job.token === 'string' // queued before join links were referred to by id
          ? await findJoinLinkByHash(ctx.db, hashToken(job.token))
          : undefined;
    if (!link || joinLinkState(link, now) !== 'valid') return null;
    const course = await findCourseRefById(ctx.db, link.course_id);
    if (!course) return null;
    const { token, hash } = newToken();
    await insertPendingJoin(ctx.db, {
      id: ulid(now.getTime()),
      token_hash: hash,
      join_link_id: link.id,
      course_id: course.id,
      email: job.email,
      name: job.name,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + JOIN_CONFIRM_TTL_MS).toISOString(),
      used_at: null,
    });
    const user = await findUserByEmail(ctx.db, job.email);
    const { to: _to, ...message } = joinConfirmMail(job.email, {
      name: user?.name ?? job.name,
      courseTitle: courseLabel(course),
      link: linkTo(ctx, '/join/confirm', token),
      hasAccount: Boolean(user?.password_hash),
    });
    return message;
  };
}

export type PendingJoinState = 'valid' | 'expired' | 'used' | 'invalid' | 'link-expired' | 'revoked';

const PENDING_PROBLEMS: Record<Exclude<PendingJoinState, 'valid'>, [code: ErrorCode, message: string]> = {
  expired: [
    'link_expired',
    'This confirmation link has expired: it works for 24 hours. Open the course’s join link again and ask for a new one.',
  ],
  used: ['link_used', 'This confirmation link has already been used. Sign in to reach the course.'],
  invalid: [
    'not_found',
    'This confirmation link is not valid (it may have been copied incompletely). Open the course’s join link again and ask for a new one.',
  ],
  'link-expired': [
    'link_expired',
    'The course’s join link expired before you confirmed. Ask the course staff for a new one.',
  ],
  revoked: [
    'link_expired',
    'The course staff withdrew the join link before you confirmed. Ask them for a new one.',
  ],
};

function pendingProblem(state: Exclude<PendingJoinState, 'valid'>): DomainError {
  const [code, message] = PENDING_PROBLEMS[state];
  return new DomainError(code, message, { reason: state });
}

export interface PendingJoinInfo {
  state: PendingJoinState;
  course: CourseRef | null;
  email: string | null;
  /** True when the address has an account with a password: confirming asks for no password. */
  hasAccount: boolean;
  message: string | null;
}

async function inspectPendingJoin(
  db: Db,
  now: Date,
  token: string,
): Promise<{ state: PendingJoinState; row: PendingJoinRow | null; course: CourseRef | null }> {
  if (!token || token.length > 100) return { state: 'invalid', row: null, course: null };
  const row = await findPendingJoinByHash(db, hashToken(token));
  const link = row ? await findJoinLinkById(db, row.join_link_id) : undefined;
  const course = row ? await findCourseRefById(db, row.course_id) : undefined;
  if (!row || !link || !course) return { state: 'invalid', row: null, course: null };
  if (row.used_at) return { state: 'used', row, course };
  if (new Date(row.expires_at).getTime() <= now.getTime()) return { state: 'expired', row, course };
  const linkState = joinLinkState(link, now);
  if (linkState !== 'valid')
    return { state: linkState === 'expired' ? 'link-expired' : 'revoked', row, course };
  return { state: 'valid', row, course };
}

/** What the confirmation page shows before the person confirms: the course and address, or why the link does not work. */
export async function describePendingJoin(db: Db, now: Date, token: string): Promise<PendingJoinInfo> {
  const { state, row, course } = await inspectPendingJoin(db, now, token);
  if (state !== 'valid' || !row)
    return {
      state,
      course,
      email: null,
      hasAccount: false,
      message: PENDING_PROBLEMS[state === 'valid' ? 'invalid' : state][1],
    };
  const user = await findUserByEmail(db, row.email);
  return { state, course, email: row.email, hasAccount: Boolean(user?.password_hash), message: null };
}

/**
 * Confirms a join by e-mail (the token is used once): a new address gets its account with the
 * password chosen here and is signed in; an address with an account is enrolled and signs in
 * with its own password (unless this browser is already signed in as it). Enrolls through the
 * one join-link step, all in one transaction.
 */
export async function confirmJoinByEmail(
  ctx: AuthContext,
  token: string,
  input: { password?: string | undefined },
  viewer: Account | null,
  meta: RequestMeta,
): Promise<{
  course: CourseRef;
  email: string;
  alreadyEnrolled: boolean;
  signedIn: boolean;
  session: NewSession | null;
}> {
  const now = ctx.now();
  const { state, row, course } = await inspectPendingJoin(ctx.db, now, token);
  if (state !== 'valid' || !row || !course) throw pendingProblem(state === 'valid' ? 'invalid' : state);
  const existing = await findUserByEmail(ctx.db, row.email);
  let passwordHash: string | null = null;
  if (!existing?.password_hash) {
    if (!input.password)
      throw new DomainError(
        'invalid_input',
        'Choose a password (at least 10 characters) to finish joining.',
        {
          field: 'password',
        },
      );
    assertNewPassword(input.password);
    passwordHash = await hashPassword(input.password);
  }
  // A person the staff dropped is refused before anything is written.
  if (existing) await currentRole(ctx.db, course.id, existing.id);
  const at = now.toISOString();
  const { user, alreadyEnrolled } = await ctx.db.transaction().execute(async (trx) => {
    // Two tabs confirming at once: only one finds the token unused.
    if (!(await usePendingJoin(trx, row.id, at))) throw pendingProblem('used');
    const user = existing ?? (await createUser(trx, now, { email: row.email, name: row.name, passwordHash }));
    if (existing && passwordHash)
      await updateUser(trx, existing.id, { password_hash: passwordHash, updated_at: at });
    const role = existing ? await currentRole(trx, course.id, existing.id) : null;
    if (!role) {
      const who = { id: user.id, email: user.email };
      await enrollByLink(trx, now, course.id, who, row.join_link_id, who, meta, { byEmail: true });
    }
    return { user, alreadyEnrolled: role !== null };
  });
  const session = passwordHash ? await createSession(ctx.db, user.id, now, meta) : null;
  return {
    course,
    email: toAccount(user).email,
    alreadyEnrolled,
    signedIn: session !== null || viewer?.id === user.id,
    session,
  };
}
