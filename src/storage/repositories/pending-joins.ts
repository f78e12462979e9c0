// Joins by e-mail waiting for confirmation: stored by the sha-256 of the mailed token; expiring, single use.
import type { Db } from '../db.js';
import { accounts, type PendingJoinRow } from './account-tables.js';

export type { PendingJoinRow } from './account-tables.js';

export async function insertPendingJoin(db: Db, row: PendingJoinRow): Promise<void> {
  await accounts(db).insertInto('pending_joins').values(row).execute();
}

/** Looked up by hash: an equality match on a digest, so the time taken says nothing about the token. */
export async function findPendingJoinByHash(db: Db, tokenHash: string): Promise<PendingJoinRow | undefined> {
  return accounts(db)
    .selectFrom('pending_joins')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Marks it used where it is still unused: true for the one caller that did (two tabs confirming at once). */
export async function usePendingJoin(db: Db, id: string, at: string): Promise<boolean> {
  const result = await accounts(db)
    .updateTable('pending_joins')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Housekeeping: pending joins expired before `before` (used or not) go. */
export async function deleteExpiredPendingJoins(db: Db, before: string): Promise<number> {
  const result = await accounts(db)
    .deleteFrom('pending_joins')
    .where('expires_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
