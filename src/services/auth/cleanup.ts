// Housekeeping of account tables: expired sessions, stale rate-limit counters and old pending joins (idempotent; any instance may run it).
import type { Db } from '../../storage/db.js';
import { deleteExpiredSessions } from '../../storage/repositories/sessions.js';
import { deleteOldBuckets } from '../../storage/repositories/rate-limits.js';
import { deleteExpiredPendingJoins } from '../../storage/repositories/pending-joins.js';
import { SESSION_POLICY } from './sessions.js';

const DAY = 24 * 60 * 60_000;

export async function cleanUpAccounts(
  db: Db,
  now: Date,
): Promise<{ sessions: number; buckets: number; pendingJoins: number }> {
  const sessions = await deleteExpiredSessions(
    db,
    now.toISOString(),
    new Date(now.getTime() - SESSION_POLICY.idleMs).toISOString(),
  );
  // The longest window is one hour; a day keeps a margin.
  const buckets = await deleteOldBuckets(db, new Date(now.getTime() - DAY).toISOString());
  // A week after expiry, so a late click still reads "expired" rather than "not valid".
  const pendingJoins = await deleteExpiredPendingJoins(db, new Date(now.getTime() - 7 * DAY).toISOString());
  return { sessions, buckets, pendingJoins };
}
