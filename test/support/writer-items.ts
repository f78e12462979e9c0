// What the hand-in writer suites write: accounts to own hand-ins, and question hand-ins of one class.
import type { Db } from '../../src/storage/db.js';
import type { WriterItem } from '../../src/storage/repositories/work-writer.js';
import { insertUser } from '../../src/storage/repositories/users.js';

/** Accounts `ids` (e-mail `<id>@example.edu`, no password), created at `at`. */
export async function insertPlainUsers(db: Db, ids: string[], at: string): Promise<void> {
  for (const id of ids)
    await insertUser(db, {
      id,
      email: `${id}@example.edu`,
      name: id,
      net_id: null,
      password_hash: null,
      is_admin: 0,
      created_at: at,
      updated_at: at,
    });
}

/** A question hand-in `id` by `user` for the class of 2026-12-01 (reading 0), on time, without files or mail. */
export function questionItem(
  courseId: string,
  id: string,
  user: string,
  text: string,
  at: string,
): WriterItem {
  return {
    row: {
      id,
      course_id: courseId,
      deliverable_key: 'question',
      meeting_date: '2026-12-01',
      reading_index: 0,
      slot: '2026-12-01#0',
      owner: `u:${user}`,
      user_id: user,
      group_id: null,
      submitted_at: at,
      due_at: at,
      text,
      late: 0,
      outcome: 'on-time',
      late_by_ms: 0,
      sha256: `sha-${id}`,
      size: text.length,
      warnings: '[]',
    },
    files: [],
    blobs: [],
  };
}
