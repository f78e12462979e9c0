// Course join links: stored by the sha-256 of their token; expiring, revocable, counted.
import type { Db } from '../db.js';
import { accounts, type JoinLinkRow } from './account-tables.js';

export type { JoinLinkRow } from './account-tables.js';

export async function insertJoinLink(db: Db, row: JoinLinkRow): Promise<void> {
  await accounts(db).insertInto('join_links').values(row).execute();
}

export async function findJoinLinkByHash(db: Db, tokenHash: string): Promise<JoinLinkRow | undefined> {
  return accounts(db)
    .selectFrom('join_links')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function findJoinLink(db: Db, courseId: string, id: string): Promise<JoinLinkRow | undefined> {
  return accounts(db)
    .selectFrom('join_links')
    .selectAll()
    .where('course_id', '=', courseId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findJoinLinkById(db: Db, id: string): Promise<JoinLinkRow | undefined> {
  return accounts(db).selectFrom('join_links').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listJoinLinks(db: Db, courseId: string): Promise<JoinLinkRow[]> {
  return accounts(db)
    .selectFrom('join_links')
    .selectAll()
    .where('course_id', '=', courseId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function revokeJoinLink(db: Db, id: string, at: string): Promise<void> {
  await accounts(db)
    .updateTable('join_links')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function countJoinLinkUse(db: Db, id: string): Promise<void> {
  await accounts(db)
    .updateTable('join_links')
    .set((eb) => ({ uses: eb('uses', '+', 1) }))
    .where('id', '=', id)
    .execute();
}
