// Password reset and invitation acceptance: an e-mailed single-use link sets a new password and signs in.
import { findUserByEmail, findUserById, updateUser } from '../../storage/repositories/users.js';
import { passwordResetMail } from '../../mail/templates.js';
import { recordAudit } from '../audit/record-audit.js';
import { DomainError } from '../errors.js';
import type { MailRenderer } from '../../mail/queue.js';
import { linkTo, queueAuthMail, type AuthContext, type RequestMeta } from './context.js';
import { normalizeEmail } from './identity.js';
import { consumeLink, inspectLink, issueLink, type LinkState } from './links.js';
import { assertNewPassword, hashPassword } from './passwords.js';
import { enforceLimit, LIMITS } from './rate-limit.js';
import { createSession, endAllSessions, type NewSession } from './sessions.js';
import { toAccount, type Account } from './users.js';

export const RESET_SENT =
  'If an account exists for that address, a reset link is on its way. It works once, within one hour.';

export const PASSWORD_RESET_MAIL = 'password-reset';

/**
 * Always answers the same, after the same work (no enumeration, not even by timing): the request
 * only queues a job for the typed address. The mail worker looks the account up, issues the link
 * and sends it (renderPasswordResetMail); for an unknown address it sends nothing.
 */
export async function requestPasswordReset(
  ctx: AuthContext,
  emailInput: string,
  meta: RequestMeta,
): Promise<{ message: string }> {
  const now = ctx.now();
  const email = normalizeEmail(emailInput);
  if (!email) throw new DomainError('invalid_input', 'Enter a valid e-mail address.', { field: 'email' });
  await enforceLimit(ctx.db, LIMITS.resetIp, meta.ip ?? 'unknown', now);
  await enforceLimit(ctx.db, LIMITS.resetEmail, email, now);
  await queueAuthMail(
    ctx,
    PASSWORD_RESET_MAIL,
    email,
    { email, ip: meta.ip, userAgent: meta.userAgent },
    meta.requestId ?? null,
  );
  return { message: RESET_SENT };
}

/** The worker's side of a reset request: issues the link when the account exists (null otherwise: nothing is sent). */
export function renderPasswordResetMail(ctx: AuthContext): MailRenderer {
  return async (_db, payload) => {
    const { email, ip, userAgent } = JSON.parse(payload) as { email: string } & RequestMeta;
    const user = await findUserByEmail(ctx.db, email);
    if (!user) return null;
    const now = ctx.now();
    const token = await issueLink(ctx.db, now, 'reset', user.id);
    await recordAudit(ctx.db, now, {
      actor: null,
      courseId: null,
      action: 'password-reset-requested',
      target: user.email,
      ip,
      userAgent,
    });
    const { to: _to, ...message } = passwordResetMail(user.email, linkTo(ctx, '/reset-password', token));
    return message;
  };
}

export interface LinkInfo {
  state: LinkState;
  /** Shown on a valid invitation so the person knows which account they are setting up. */
  email: string | null;
  name: string | null;
}

/** What a reset or invitation page should show before the person types a password. */
export async function describeLink(
  ctx: AuthContext,
  purpose: 'reset' | 'invite',
  token: string,
): Promise<LinkInfo> {
  const { state, row } = await inspectLink(ctx.db, ctx.now(), purpose, token);
  if (state !== 'valid' || !row?.user_id)
    return { state: state === 'valid' ? 'invalid' : state, email: null, name: null };
  const user = await findUserById(ctx.db, row.user_id);
  return { state: user ? 'valid' : 'invalid', email: user?.email ?? null, name: user?.name ?? null };
}

/**
 * Sets the password from a reset or invitation link (single use), ends every other session of
 * the account (whoever had the old password is out), and signs this browser in.
 */
export async function completePasswordLink(
  ctx: AuthContext,
  purpose: 'reset' | 'invite',
  token: string,
  password: string,
  meta: RequestMeta,
): Promise<{ user: Account; session: NewSession }> {
  assertNewPassword(password);
  const now = ctx.now();
  const passwordHash = await hashPassword(password);
  const row = await consumeLink(ctx.db, now, purpose, token);
  const user = row.user_id ? await findUserById(ctx.db, row.user_id) : undefined;
  if (!user) throw new DomainError('not_found', 'The account of this link no longer exists.');
  await updateUser(ctx.db, user.id, { password_hash: passwordHash, updated_at: now.toISOString() });
  await endAllSessions(ctx.db, user.id);
  const session = await createSession(ctx.db, user.id, now, meta);
  await recordAudit(ctx.db, now, {
    actor: { id: user.id, email: user.email },
    courseId: null,
    action: purpose === 'reset' ? 'password-reset' : 'invitation-accepted',
    ...meta,
  });
  return { user: toAccount(user), session };
}
