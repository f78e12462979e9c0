// What the account use cases need: the database, a clock, the mailer, and where links point.
import type { Db } from '../../storage/db.js';
import { monotonicFactory } from 'ulid';
import type { Mailer } from '../../mail/mailer.js';
import { insertMailJobs } from '../../storage/repositories/mail-queue.js';

export interface AuthContext {
  db: Db;
  now: () => Date;
  mailer: Mailer;
  /** Base of e-mailed links, e.g. https://seminar.example.edu */
  publicUrl: string;
  /** Wakes the mail worker after a job was queued (it polls anyway). */
  mailQueued?: () => void;
}

/** Where a request came from, for the audit log and rate limits. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  /** The request's id (X-Request-Id), kept on the mail it queues. */
  requestId?: string;
}

export function linkTo(ctx: Pick<AuthContext, 'publicUrl'>, path: string, token: string): string {
  return `${ctx.publicUrl.replace(/\/$/, '')}${path}?token=${encodeURIComponent(token)}`;
}

/** Ids in request order, also when the clock stands still (tests) or two requests share a millisecond. */
const mailJobId = monotonicFactory();

/**
 * Queues an account mail for a typed address: one insert, whatever the address, so the answer
 * takes the same time for known and unknown people. The worker's renderer does the real work.
 */
export async function queueAuthMail(
  ctx: AuthContext,
  kind: string,
  address: string,
  payload: Record<string, unknown>,
  requestId: string | null = null,
): Promise<void> {
  const now = ctx.now();
  await insertMailJobs(ctx.db, [
    {
      id: mailJobId(now.getTime()),
      kind,
      user_id: null,
      address,
      payload: JSON.stringify(payload),
      created_at: now.toISOString(),
      request_id: requestId,
    },
  ]);
  ctx.mailQueued?.();
}
