// Creating accounts: one code path for the administrator, roster imports, invitations and the demo.
import { ulid } from 'ulid';
import type { User } from '../../contracts/auth.js';
import type { Db } from '../../storage/db.js';
import { findUserByEmail, insertUser, type UserRow } from '../../storage/repositories/users.js';
import { DomainError } from '../errors.js';
import { requireEmail, requireName } from './identity.js';

export interface NewUser {
  email: string;
  name: string;
  netId?: string | null;
  /** Already hashed; null for an invited person who has not set a password yet. */
  passwordHash: string | null;
  isAdmin?: boolean;
}

export async function createUser(db: Db, now: Date, input: NewUser): Promise<UserRow> {
  const email = requireEmail(input.email);
  const name = requireName(input.name);
  if (await findUserByEmail(db, email))
    throw new DomainError('conflict', `An account with ${email} already exists.`, { field: 'email' });
  const row: UserRow = {
    id: ulid(now.getTime()),
    email,
    name,
    net_id: input.netId ?? null,
    password_hash: input.passwordHash,
    is_admin: input.isAdmin ? 1 : 0,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await insertUser(db, row);
  return row;
}

/** A person's account as the program outside storage sees it: no password hash, no column names. */
export type Account = User;

export function toAccount(row: UserRow): Account {
  return { id: row.id, email: row.email, name: row.name, netId: row.net_id, isAdmin: row.is_admin === 1 };
}
