// Single-use links (reset, invitation, set-up): stored by the sha-256 of the token, consumed atomically.
import type { Db } from '../db.js';
import { accounts, type AuthTokenRow, type TokenPurpose } from './account-tables.js';

export type { AuthTokenRow, TokenPurpose } from './account-tables.js';

export async function insertToken(db: Db, row: AuthTokenRow): Promise<void> {
  await accounts(db).insertInto('auth_tokens').values(row).execute();
}

export async function findToken(
  db: Db,
  id: string,
  purpose: TokenPurpose,
): Promise<AuthTokenRow | undefined> {
  return accounts(db)
    .selectFrom('auth_tokens')
    .selectAll()
    .where('id', '=', id)
    .where('purpose', '=', purpose)
    .executeTakeFirst();
}

/** Marks a token used if it still is unused; false when another request consumed it first. */
export async function consumeToken(db: Db, id: string, usedAt: string): Promise<boolean> {
  const result = await accounts(db)
    .updateTable('auth_tokens')
    .set({ used_at: usedAt })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A new link makes the user's older unused links of the same purpose useless. */
export async function expireUserTokens(
  db: Db,
  userId: string,
  purpose: TokenPurpose,
  now: string,
): Promise<void> {
  await accounts(db)
    .updateTable('auth_tokens')
    .set({ expires_at: now })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .execute();
}
