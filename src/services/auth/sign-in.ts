// Signing in with e-mail and password: rate-limited, no user enumeration, a fresh session each time.
import type { Db } from '../../storage/db.js';
import { findUserByEmail } from '../../storage/repositories/users.js';
import { recordAudit } from '../audit/record-audit.js';
import { DomainError } from '../errors.js';
import type { RequestMeta } from './context.js';
import { normalizeEmail } from './identity.js';
import { verifyPassword } from './passwords.js';
import { enforceLimit, LIMITS } from './rate-limit.js';
import { createSession, endSession, type NewSession } from './sessions.js';
import { toAccount, type Account } from './users.js';

export const BAD_CREDENTIALS =
  'That e-mail and password do not match an account. Check both, or reset your password.';

export interface SignInInput {
  email: string;
  password: string;
  /** The cookie token the browser already had: ended so a session is never reused across sign-ins. */
  previousToken?: string | null;
}

/**
 * Unknown e-mail, account without a password yet, and wrong password all take one argon2 verify
 * and answer the same `unauthenticated` error: the answer tells nothing about who has an account.
 */
export async function signIn(
  db: Db,
  now: Date,
  input: SignInInput,
  meta: RequestMeta,
): Promise<{ user: Account; session: NewSession }> {
  const email = normalizeEmail(input.email) ?? input.email.trim().toLowerCase().slice(0, 254);
  await enforceLimit(db, LIMITS.signInIp, meta.ip ?? 'unknown', now);
  await enforceLimit(db, LIMITS.signInEmail, email, now);
  const user = await findUserByEmail(db, email);
  const ok = await verifyPassword(user?.password_hash ?? null, input.password.slice(0, 1000));
  if (!user || !ok) {
    await recordAudit(db, now, {
      actor: null,
      courseId: null,
      action: 'sign-in-failed',
      target: email,
      ...meta,
    });
    throw new DomainError('unauthenticated', BAD_CREDENTIALS, { reason: 'bad-credentials' });
  }
  if (input.previousToken) await endSession(db, input.previousToken);
  const session = await createSession(db, user.id, now, meta);
  await recordAudit(db, now, {
    actor: { id: user.id, email: user.email },
    courseId: null,
    action: 'sign-in',
    ...meta,
  });
  return { user: toAccount(user), session };
}
