// Rate-limit buckets in the database, so every app instance counts the same attempts.
import type { Db } from '../db.js';
import { accounts } from './account-tables.js';

/**
 * Counts one hit in the fixed window starting at `windowStart` (ISO) and returns the count so far.
 * One atomic upsert: a row from an older window restarts at 1.
 */
export async function hitBucket(db: Db, key: string, windowStart: string): Promise<number> {
  const row = await accounts(db)
    .insertInto('rate_limits')
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        count: eb
          .case()
          .when('rate_limits.window_start', '=', windowStart)
          .then(eb('rate_limits.count', '+', 1))
          .else(1)
          .end(),
        window_start: windowStart,
      })),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Drops counters of windows that started before `before` (they can no longer limit anything). */
export async function deleteOldBuckets(db: Db, before: string): Promise<number> {
  const result = await accounts(db)
    .deleteFrom('rate_limits')
    .where('window_start', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
