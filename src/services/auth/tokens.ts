// Random bearer tokens (session cookies, e-mailed links) and the sha-256 under which they are stored.
import { hash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: what the user holds. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** What the database holds: a stolen copy of the table cannot be replayed as a cookie or link. (One-shot hash: every request hashes its cookie.) */
export function hashToken(token: string): string {
  return hash('sha256', token, 'hex');
}
