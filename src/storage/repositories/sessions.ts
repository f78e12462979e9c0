// Sessions: rows keyed by the sha-256 of the cookie token; never the token itself.
import type { Db } from '../db.js';
import { accounts, type SessionRow, type UserRow } from './account-tables.js';

export type { SessionRow } from './account-tables.js';

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await accounts(db).insertInto('sessions').values(row).execute();
}

export async function touchSession(db: Db, id: string, lastSeenAt: string): Promise<void> {
  await accounts(db).updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await accounts(db).deleteFrom('sessions').where('id', '=', id).execute();
}

/** Deletes every session of a user, or every one but `exceptId`; returns how many ended. */
export async function deleteUserSessions(db: Db, userId: string, exceptId?: string): Promise<number> {
  let q = accounts(db).deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  const result = await q.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function countUserSessions(db: Db, userId: string): Promise<number> {
  const row = await accounts(db)
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Removes sessions past their absolute expiry or idle since before `idleBefore`. */
export async function deleteExpiredSessions(db: Db, now: string, idleBefore: string): Promise<number> {
  const result = await accounts(db)
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', idleBefore)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** A session row with its user's row, in one query (every signed-in request reads this). */
export async function findSessionWithUser(
  db: Db,
  id: string,
): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const row = await accounts(db)
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as s_id',
      'sessions.user_id as s_user_id',
      'sessions.csrf_token as s_csrf_token',
      'sessions.created_at as s_created_at',
      'sessions.last_seen_at as s_last_seen_at',
      'sessions.expires_at as s_expires_at',
      'sessions.ip as s_ip',
      'sessions.user_agent as s_user_agent',
      'users.id',
      'users.email',
      'users.name',
      'users.net_id',
      'users.password_hash',
      'users.is_admin',
      'users.created_at',
      'users.updated_at',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    session: {
      id: row.s_id,
      user_id: row.s_user_id,
      csrf_token: row.s_csrf_token,
      created_at: row.s_created_at,
      last_seen_at: row.s_last_seen_at,
      expires_at: row.s_expires_at,
      ip: row.s_ip,
      user_agent: row.s_user_agent,
    },
    user: {
      id: row.id,
      email: row.email,
      name: row.name,
      net_id: row.net_id,
      password_hash: row.password_hash,
      is_admin: Number(row.is_admin),
      created_at: row.created_at,
      updated_at: row.updated_at,
    },
  };
}
