// Fixed-window rate limits kept in the database (shared by every instance), for sign-in and reset.
import type { Db } from '../../storage/db.js';
import { hitBucket } from '../../storage/repositories/rate-limits.js';
import { DomainError } from '../errors.js';

export interface Limit {
  /** Bucket family, e.g. "sign-in:email". */
  name: string;
  max: number;
  windowMs: number;
}

/**
 * Sign-in: 10 attempts per address per 15 min (guessing one account), 300 per IP per 15 min
 * (generous: a lecture hall behind one NAT signs in at once). Reset: 3 e-mails per address per
 * hour, 30 per IP per hour. Current-password checks (password change): 5 per account and 50 per IP
 * per 15 min, so a borrowed session cannot guess its owner's password.
 */
export const LIMITS = {
  signInEmail: { name: 'sign-in:email', max: 10, windowMs: 15 * 60_000 },
  signInIp: { name: 'sign-in:ip', max: 300, windowMs: 15 * 60_000 },
  resetEmail: { name: 'reset:email', max: 3, windowMs: 60 * 60_000 },
  resetIp: { name: 'reset:ip', max: 30, windowMs: 60 * 60_000 },
  passwordCheckUser: { name: 'password-check:user', max: 5, windowMs: 15 * 60_000 },
  passwordCheckIp: { name: 'password-check:ip', max: 50, windowMs: 15 * 60_000 },
} satisfies Record<string, Limit>;

/** Start of the fixed window containing `now`. */
function windowStart(now: Date, windowMs: number): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

/**
 * Counts a hit for `subject` under `limit`; throws rate_limited (with retryAfterSeconds)
 * once the window's count passes the maximum.
 */
export async function enforceLimit(db: Db, limit: Limit, subject: string, now: Date): Promise<void> {
  const start = windowStart(now, limit.windowMs);
  const count = await hitBucket(db, `${limit.name}:${subject}`, start.toISOString());
  if (count > limit.max) {
    const retryAfterSeconds = Math.max(
      1,
      Math.ceil((start.getTime() + limit.windowMs - now.getTime()) / 1000),
    );
    throw new DomainError(
      'rate_limited',
      `Too many attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
      {
        retryAfterSeconds,
      },
    );
  }
}
