// Comments on summary hand-ins (migration 2026_12_07_0400_summary_comments): threads anchored by a quote, and their replies.
import type { Kysely } from 'kysely';
import type { Db } from '../db.js';
import { work } from './work-tables.js';

export interface CommentThreadRow {
  id: string;
  course_id: string;
  deliverable_key: string;
  meeting_date: string;
  /** "g:<groupId>" or "u:<userId>", as submissions.owner. */
  owner: string;
  version: number;
  submission_id: string;
  quote_exact: string;
  quote_prefix: string;
  quote_suffix: string;
  author_id: string;
  body: string;
  resolved_at: string | null;
  resolved_by: string | null;
  created_at: string;
}

export interface CommentReplyRow {
  id: string;
  thread_id: string;
  author_id: string;
  body: string;
  created_at: string;
}

interface CommentTables {
  comment_threads: CommentThreadRow;
  comment_replies: CommentReplyRow;
}

function comments(db: Db): Kysely<CommentTables> {
  return db as unknown as Kysely<CommentTables>;
}

/** The threads on one hand-in (all its versions), oldest first. */
export async function listThreadRows(
  db: Db,
  q: { courseId: string; deliverableKey: string; meetingDate: string; owner: string },
): Promise<CommentThreadRow[]> {
  return comments(db)
    .selectFrom('comment_threads')
    .selectAll()
    .where('course_id', '=', q.courseId)
    .where('deliverable_key', '=', q.deliverableKey)
    .where('meeting_date', '=', q.meetingDate)
    .where('owner', '=', q.owner)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findThreadRow(
  db: Db,
  courseId: string,
  id: string,
): Promise<CommentThreadRow | undefined> {
  return comments(db)
    .selectFrom('comment_threads')
    .selectAll()
    .where('course_id', '=', courseId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertThreadRow(db: Db, row: CommentThreadRow): Promise<void> {
  await comments(db).insertInto('comment_threads').values(row).execute();
}

export async function setThreadResolved(
  db: Db,
  id: string,
  resolved: { at: string; by: string } | null,
): Promise<void> {
  await comments(db)
    .updateTable('comment_threads')
    .set({ resolved_at: resolved?.at ?? null, resolved_by: resolved?.by ?? null })
    .where('id', '=', id)
    .execute();
}

/** The replies of some threads, oldest first. */
export async function listReplyRows(db: Db, threadIds: string[]): Promise<CommentReplyRow[]> {
  if (threadIds.length === 0) return [];
  return comments(db)
    .selectFrom('comment_replies')
    .selectAll()
    .where('thread_id', 'in', threadIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertReplyRow(db: Db, row: CommentReplyRow): Promise<void> {
  await comments(db).insertInto('comment_replies').values(row).execute();
}

/** The course role of each of some people who are enrolled (dropped or not); the administrator has none. */
export async function listCourseRoles(
  db: Db,
  courseId: string,
  userIds: string[],
): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await work(db)
    .selectFrom('enrollments')
    .select(['user_id', 'role'])
    .where('course_id', '=', courseId)
    .where('user_id', 'in', userIds)
    .execute();
  return new Map(rows.map((r) => [r.user_id, r.role]));
}
