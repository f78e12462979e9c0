// Users: look-up by id and e-mail, creation, and profile/password updates.
import type { Db } from '../db.js';
import { accounts, type UserRow } from './account-tables.js';

export type { UserRow } from './account-tables.js';

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return accounts(db).selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** E-mails are stored lower-cased; callers pass the normalized form. */
export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return accounts(db).selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUsersByIds(db: Db, ids: string[]): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  return accounts(db).selectFrom('users').selectAll().where('id', 'in', ids).execute();
}

export async function findUsersByEmails(db: Db, emails: string[]): Promise<UserRow[]> {
  if (emails.length === 0) return [];
  return accounts(db).selectFrom('users').selectAll().where('email', 'in', emails).execute();
}

export async function insertUser(db: Db, row: UserRow): Promise<void> {
  await accounts(db).insertInto('users').values(row).execute();
}

export async function updateUser(
  db: Db,
  id: string,
  patch: Partial<Pick<UserRow, 'name' | 'password_hash' | 'net_id' | 'is_admin'>> & { updated_at: string },
): Promise<void> {
  await accounts(db).updateTable('users').set(patch).where('id', '=', id).execute();
}

export async function countAdmins(db: Db): Promise<number> {
  const row = await accounts(db)
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('is_admin', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
