// First run: on a database without an administrator, a one-time set-up link creates the first one.
import type { Db } from '../../storage/db.js';
import { countAdmins } from '../../storage/repositories/users.js';
import { recordAudit } from '../audit/record-audit.js';
import { DomainError } from '../errors.js';
import type { RequestMeta } from './context.js';
import { consumeLink, inspectLink, issueLink, type LinkState } from './links.js';
import { assertNewPassword, hashPassword } from './passwords.js';
import { createSession, type NewSession } from './sessions.js';
import { createUser, toAccount, type Account } from './users.js';

/**
 * Returns the URL of a fresh set-up link when no administrator exists yet, else null.
 * `seminar serve` prints it at start; each start issues a new one (older ones stay valid 24 h).
 */
export async function setupLinkIfNeeded(db: Db, now: Date, publicUrl: string): Promise<string | null> {
  if ((await countAdmins(db)) > 0) return null;
  const token = await issueLink(db, now, 'setup', null);
  return `${publicUrl.replace(/\/$/, '')}/setup?token=${encodeURIComponent(token)}`;
}

export async function setupLinkState(db: Db, now: Date, token: string): Promise<LinkState> {
  if ((await countAdmins(db)) > 0) return 'used';
  return (await inspectLink(db, now, 'setup', token)).state;
}

/** Creates the first administrator from a set-up link and signs them in. */
export async function completeSetup(
  db: Db,
  now: Date,
  token: string,
  input: { email: string; name: string; password: string },
  meta: RequestMeta,
): Promise<{ user: Account; session: NewSession }> {
  assertNewPassword(input.password);
  if ((await countAdmins(db)) > 0) {
    throw new DomainError('link_used', 'This Seminar already has an administrator. Sign in instead.', {
      purpose: 'setup',
    });
  }
  const passwordHash = await hashPassword(input.password);
  await consumeLink(db, now, 'setup', token);
  const user = await createUser(db, now, {
    email: input.email,
    name: input.name,
    passwordHash,
    isAdmin: true,
  });
  const session = await createSession(db, user.id, now, meta);
  await recordAudit(db, now, {
    actor: { id: user.id, email: user.email },
    courseId: null,
    action: 'admin-created',
    ...meta,
  });
  return { user: toAccount(user), session };
}
