// Database sessions: created at sign-in, found by the sha-256 of the cookie, ended by idle or absolute expiry.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../storage/db.js';
import { findLiveSession } from '../../storage/repositories/hot-reads.js';
import {
  deleteSession,
  deleteUserSessions,
  insertSession,
  touchSession,
} from '../../storage/repositories/sessions.js';
import type { RequestMeta } from './context.js';
import { hashToken, newToken } from './tokens.js';
import { toAccount, type Account } from './users.js';

const DAY = 24 * 60 * 60_000;

/**
 * A session ends after 14 days without a request (idle) and 30 days after sign-in whatever
 * happens (absolute). last_seen_at is written at most every 5 minutes, so reads stay reads.
 */
export const SESSION_POLICY = Object.freeze({
  idleMs: 14 * DAY,
  absoluteMs: 30 * DAY,
  touchEveryMs: 5 * 60_000,
});

export interface NewSession {
  /** Goes into the HttpOnly cookie; never stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface ActiveSession {
  id: string;
  csrfToken: string;
  user: Account;
  expiresAt: Date;
}

export async function createSession(
  db: Db,
  userId: string,
  now: Date,
  meta: RequestMeta,
): Promise<NewSession> {
  const { token, hash } = newToken();
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_POLICY.absoluteMs);
  await insertSession(db, {
    id: hash,
    user_id: userId,
    csrf_token: csrfToken,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: expiresAt.toISOString(),
    ip: meta.ip,
    user_agent: meta.userAgent ? meta.userAgent.slice(0, 300) : null,
  });
  return { token, csrfToken, expiresAt };
}

/**
 * The live session of a cookie token, or null (unknown, idle too long, or past its absolute
 * expiry). Read from the database on every request: a sign-out or a password change ends the
 * session at once on every instance. (On SQLite the answer is kept in memory only until the
 * database changes: any write of this process, or a commit by another, see storage/read-cache.ts.)
 */
export async function resolveSession(db: Db, token: string, now: Date): Promise<ActiveSession | null> {
  if (token.length === 0 || token.length > 100) return null;
  const id = hashToken(token);
  const found = await findLiveSession(db, id);
  if (!found) return null;
  const { session: row, user } = found;
  const lastSeen = new Date(row.last_seen_at).getTime();
  const expiresAt = new Date(row.expires_at);
  if (now.getTime() >= expiresAt.getTime() || now.getTime() - lastSeen >= SESSION_POLICY.idleMs) {
    await deleteSession(db, id);
    return null;
  }
  if (now.getTime() - lastSeen >= SESSION_POLICY.touchEveryMs) await touchSession(db, id, now.toISOString());
  return { id, csrfToken: row.csrf_token, user: toAccount(user), expiresAt };
}

export async function endSession(db: Db, token: string): Promise<void> {
  await deleteSession(db, hashToken(token));
}

/** Ends every session of the user (all devices); returns how many there were. */
export async function endAllSessions(db: Db, userId: string): Promise<number> {
  return deleteUserSessions(db, userId);
}
