// Housekeeping of account tables: expired sessions and stale rate-limit counters (idempotent; any instance may run it).
import type { Db } from '../../storage/db.js';
import { deleteExpiredSessions } from '../../storage/repositories/sessions.js';
import { deleteOldBuckets } from '../../storage/repositories/rate-limits.js';
import { SESSION_POLICY } from './sessions.js';

export async function cleanUpAccounts(db: Db, now: Date): Promise<{ sessions: number; buckets: number }> {
  const sessions = await deleteExpiredSessions(
    db,
    now.toISOString(),
    new Date(now.getTime() - SESSION_POLICY.idleMs).toISOString(),
  );
  // The longest window is one hour; a day keeps a margin.
  const buckets = await deleteOldBuckets(db, new Date(now.getTime() - 24 * 60 * 60_000).toISOString());
  return { sessions, buckets };
}
