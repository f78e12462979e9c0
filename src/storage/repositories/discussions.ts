// Discussions and Q&A storage: threads, posts (with their earlier versions), reactions, last-read marks, counts.
import { sql } from 'kysely';
import type { Db } from '../db.js';
import {
  talk,
  type DiscussionPostRow,
  type DiscussionPostVersionRow,
  type DiscussionThreadRow,
} from './discussion-tables.js';

export type {
  DiscussionPostRow,
  DiscussionPostVersionRow,
  DiscussionThreadRow,
} from './discussion-tables.js';

/** What a listing needs of a thread: the row and its opening post's facts. */
export interface ThreadListRow extends DiscussionThreadRow {
  title: string | null;
  opening_author_id: string;
  opening_anonymous: number;
  opening_private: number;
  opening_hidden: number;
  opening_deleted_at: string | null;
}

export async function listThreadRows(
  db: Db,
  courseId: string,
  filter: { kind?: 'class' | 'question'; category?: string; resolved?: boolean },
): Promise<ThreadListRow[]> {
  let q = talk(db)
    .selectFrom('discussion_threads as t')
    .innerJoin('discussion_posts as p', 'p.id', 't.opening_post_id')
    .selectAll('t')
    .select([
      'p.title',
      'p.author_id as opening_author_id',
      'p.anonymous as opening_anonymous',
      'p.private as opening_private',
      'p.hidden as opening_hidden',
      'p.deleted_at as opening_deleted_at',
    ])
    .where('t.course_id', '=', courseId);
  if (filter.kind) q = q.where('t.kind', '=', filter.kind);
  if (filter.category) q = q.where('t.category', '=', filter.category);
  if (filter.resolved !== undefined) q = q.where('t.resolved', '=', filter.resolved ? 1 : 0);
  return q.orderBy('t.pinned', 'desc').orderBy('t.last_post_at', 'desc').orderBy('t.id').execute();
}

export async function findThreadRow(
  db: Db,
  courseId: string,
  threadId: string,
): Promise<DiscussionThreadRow | undefined> {
  return talk(db)
    .selectFrom('discussion_threads')
    .selectAll()
    .where('course_id', '=', courseId)
    .where('id', '=', threadId)
    .executeTakeFirst();
}

export async function findClassThreadRow(
  db: Db,
  courseId: string,
  meetingId: string,
): Promise<DiscussionThreadRow | undefined> {
  return talk(db)
    .selectFrom('discussion_threads')
    .selectAll()
    .where('course_id', '=', courseId)
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
}

export async function insertThread(
  db: Db,
  thread: DiscussionThreadRow,
  opening: DiscussionPostRow,
): Promise<void> {
  await talk(db).insertInto('discussion_threads').values(thread).execute();
  await talk(db).insertInto('discussion_posts').values(opening).execute();
}

export async function updateThreadRow(
  db: Db,
  threadId: string,
  patch: Partial<
    Pick<DiscussionThreadRow, 'pinned' | 'closed' | 'resolved' | 'accepted_post_id' | 'last_post_at'>
  >,
): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await talk(db).updateTable('discussion_threads').set(patch).where('id', '=', threadId).execute();
}

export async function listPostRows(db: Db, threadId: string): Promise<DiscussionPostRow[]> {
  return talk(db)
    .selectFrom('discussion_posts')
    .selectAll()
    .where('thread_id', '=', threadId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findPostRow(
  db: Db,
  courseId: string,
  postId: string,
): Promise<DiscussionPostRow | undefined> {
  return talk(db)
    .selectFrom('discussion_posts')
    .selectAll()
    .where('course_id', '=', courseId)
    .where('id', '=', postId)
    .executeTakeFirst();
}

export async function insertPost(db: Db, post: DiscussionPostRow): Promise<void> {
  await talk(db).insertInto('discussion_posts').values(post).execute();
  await talk(db)
    .updateTable('discussion_threads')
    .set({ last_post_at: post.created_at })
    .where('id', '=', post.thread_id)
    .execute();
}

export async function updatePostRow(
  db: Db,
  postId: string,
  patch: Partial<
    Pick<DiscussionPostRow, 'title' | 'body' | 'hidden' | 'endorsed' | 'edited_at' | 'deleted_at'>
  >,
): Promise<void> {
  await talk(db).updateTable('discussion_posts').set(patch).where('id', '=', postId).execute();
}

export async function insertPostVersion(db: Db, row: DiscussionPostVersionRow): Promise<void> {
  await talk(db).insertInto('discussion_post_versions').values(row).execute();
}

export async function deletePostVersions(db: Db, postId: string): Promise<void> {
  await talk(db).deleteFrom('discussion_post_versions').where('post_id', '=', postId).execute();
}

export async function listPostVersions(db: Db, postId: string): Promise<DiscussionPostVersionRow[]> {
  return talk(db)
    .selectFrom('discussion_post_versions')
    .selectAll()
    .where('post_id', '=', postId)
    .orderBy('replaced_at')
    .orderBy('id')
    .execute();
}

/** Post ids of a thread that have earlier versions. */
export async function listEditedPostIds(db: Db, threadId: string): Promise<Set<string>> {
  const rows = await talk(db)
    .selectFrom('discussion_post_versions as v')
    .innerJoin('discussion_posts as p', 'p.id', 'v.post_id')
    .select('v.post_id')
    .distinct()
    .where('p.thread_id', '=', threadId)
    .execute();
  return new Set(rows.map((r) => r.post_id));
}

export async function listReactionRows(
  db: Db,
  threadId: string,
): Promise<Array<{ post_id: string; user_id: string; kind: string }>> {
  return talk(db)
    .selectFrom('discussion_reactions as r')
    .innerJoin('discussion_posts as p', 'p.id', 'r.post_id')
    .select(['r.post_id', 'r.user_id', 'r.kind'])
    .where('p.thread_id', '=', threadId)
    .execute();
}

/** Adds the reaction, or removes it when the person had it: whether it is on now. */
export async function toggleReaction(
  db: Db,
  postId: string,
  userId: string,
  kind: string,
  at: string,
): Promise<boolean> {
  const removed = await talk(db)
    .deleteFrom('discussion_reactions')
    .where('post_id', '=', postId)
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  if (Number(removed.numDeletedRows) > 0) return false;
  await talk(db)
    .insertInto('discussion_reactions')
    .values({ post_id: postId, user_id: userId, kind, created_at: at })
    .onConflict((oc) => oc.columns(['post_id', 'user_id', 'kind']).doNothing())
    .execute();
  return true;
}

export async function findReadAt(db: Db, threadId: string, userId: string): Promise<string | null> {
  const row = await talk(db)
    .selectFrom('discussion_reads')
    .select('read_at')
    .where('thread_id', '=', threadId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.read_at ?? null;
}

export async function markRead(db: Db, threadId: string, userId: string, at: string): Promise<void> {
  await talk(db)
    .insertInto('discussion_reads')
    .values({ thread_id: threadId, user_id: userId, read_at: at })
    .onConflict((oc) => oc.columns(['thread_id', 'user_id']).doUpdateSet({ read_at: at }))
    .execute();
}

/**
 * Per thread of a course: the posts a reader can see and how many of them arrived after their last read
 * (staff see every post; a student neither private posts of others nor hidden ones).
 */
export async function countVisiblePosts(
  db: Db,
  courseId: string,
  reader: { userId: string; staff: boolean },
): Promise<Map<string, { posts: number; unread: number }>> {
  let q = talk(db)
    .selectFrom('discussion_posts as p')
    .leftJoin('discussion_reads as r', (j) =>
      j.onRef('r.thread_id', '=', 'p.thread_id').on('r.user_id', '=', reader.userId),
    )
    .select([
      'p.thread_id',
      sql<number>`count(*)`.as('posts'),
      sql<number>`sum(case when r.read_at is null or p.created_at > r.read_at then 1 else 0 end)`.as(
        'unread',
      ),
    ])
    .where('p.course_id', '=', courseId)
    .where('p.deleted_at', 'is', null);
  if (!reader.staff)
    q = q
      .where('p.hidden', '=', 0)
      .where((eb) =>
        eb.or([
          eb('p.private', '=', 0),
          eb('p.author_id', '=', reader.userId),
          eb('p.private_owner_id', '=', reader.userId),
        ]),
      );
  const rows = await q.groupBy('p.thread_id').execute();
  return new Map(rows.map((r) => [r.thread_id, { posts: Number(r.posts), unread: Number(r.unread) }]));
}

/** Posts each person wrote in a course (not deleted, not hidden by staff): what participation counts. */
export async function postsByStudent(db: Db, courseId: string): Promise<Map<string, number>> {
  const rows = await talk(db)
    .selectFrom('discussion_posts')
    .select(['author_id', sql<number>`count(*)`.as('n')])
    .where('course_id', '=', courseId)
    .where('deleted_at', 'is', null)
    .where('hidden', '=', 0)
    .groupBy('author_id')
    .execute();
  return new Map(rows.map((r) => [r.author_id, Number(r.n)]));
}

/** Names and e-mails of the given users (authors, mentioned people). */
export async function findPeople(
  db: Db,
  ids: string[],
): Promise<Map<string, { id: string; name: string; email: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await talk(db)
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Active members of a course (staff and students not dropped): whom a post may mention. */
export async function listCourseMembers(
  db: Db,
  courseId: string,
): Promise<Array<{ id: string; name: string; email: string; role: string }>> {
  return talk(db)
    .selectFrom('enrollments')
    .innerJoin('users', 'users.id', 'enrollments.user_id')
    .select(['users.id', 'users.name', 'users.email', 'enrollments.role'])
    .where('enrollments.course_id', '=', courseId)
    .where('enrollments.dropped_at', 'is', null)
    .execute();
}
