// Posts: replying (threaded), editing (earlier versions kept), deleting (a tombstone stays), reactions, history.
import { ulid } from 'ulid';
import { postView, REACTIONS, type Reaction } from '../../domain/discussions.js';
import { renderMarkdown } from '../../markdown/render.js';
import { writeTransaction } from '../../storage/db.js';
import {
  deletePostVersions,
  findPostRow,
  insertPost,
  insertPostVersion,
  listPostVersions,
  toggleReaction,
  updatePostRow,
  type DiscussionPostRow,
} from '../../storage/repositories/discussions.js';
import { DomainError } from '../errors.js';
import type { WorkCourse } from '../work/context.js';
import {
  factsOf,
  postNotFound,
  readerOf,
  refuseStaffAnonymity,
  visiblePost,
  visibleThread,
  type Deps,
} from './context.js';
import { publishDiscussionEvent } from './events.js';
import { queueMentions } from './mentions.js';

/**
 * Replies in a thread, to its opening post or to a reply. A closed thread takes no replies (staff excepted).
 * A reply in a private thread or to a private post is private too: it never reaches classmates.
 */
export async function reply(
  deps: Deps,
  work: WorkCourse,
  threadId: string,
  input: { parentId?: string | null; body: string; anonymous?: boolean; private?: boolean },
) {
  const reader = readerOf(work);
  refuseStaffAnonymity(reader, input.anonymous);
  const { thread, opening } = await visibleThread(deps.db, work, reader, threadId);
  if (thread.closed === 1 && !reader.staff)
    throw new DomainError('conflict', 'Staff closed this discussion: it takes no new replies.');
  const parentId = input.parentId ?? opening.id;
  const parent = await findPostRow(deps.db, work.course.id, parentId);
  if (!parent || parent.thread_id !== thread.id || postView(reader, factsOf(parent)) === 'none')
    throw new DomainError('not_found', 'The post you reply to is not in this discussion.');
  const now = deps.clock();
  const post: DiscussionPostRow = {
    id: ulid(now.getTime()),
    thread_id: thread.id,
    course_id: work.course.id,
    parent_id: parent.id,
    author_id: reader.userId,
    title: null,
    body: input.body,
    anonymous: input.anonymous ? 1 : 0,
    ...privacyOf(reader.userId, input.private === true, parent, opening),
    hidden: 0,
    endorsed: 0,
    created_at: now.toISOString(),
    edited_at: null,
    deleted_at: null,
  };
  await writeTransaction(deps.db, async (trx) => {
    await insertPost(trx, post);
    await queueMentions(trx, deps, work, { title: opening.title ?? '', threadId: thread.id, post });
  });
  publishDiscussionEvent(deps.db, work.course.id, { kind: 'post', threadId: thread.id, postId: post.id });
  return { postId: post.id, private: post.private === 1 };
}

/**
 * A reply is private when asked, or when its parent or the thread is: it then belongs to the private
 * conversation of the thread's (or the parent's) owner, or of its author when it starts one.
 */
function privacyOf(
  author: string,
  asked: boolean,
  parent: DiscussionPostRow,
  opening: DiscussionPostRow,
): Pick<DiscussionPostRow, 'private' | 'private_owner_id'> {
  if (opening.private === 1) return { private: 1, private_owner_id: opening.private_owner_id };
  if (parent.private === 1) return { private: 1, private_owner_id: parent.private_owner_id };
  return asked ? { private: 1, private_owner_id: author } : { private: 0, private_owner_id: null };
}

async function ownPost(deps: Deps, work: WorkCourse, postId: string) {
  const reader = readerOf(work);
  const found = await visiblePost(deps.db, work, reader, postId);
  if (found.post.author_id !== reader.userId)
    throw new DomainError('forbidden', 'Only the author changes or deletes a post.');
  if (found.post.deleted_at !== null) throw new DomainError('conflict', 'This post was deleted.');
  return { reader, ...found };
}

/** The author edits their post (the title too, on an opening post); the text before is kept as a version. */
export async function editPost(
  deps: Deps,
  work: WorkCourse,
  postId: string,
  input: { body: string; title?: string },
) {
  const { post, thread } = await ownPost(deps, work, postId);
  if (input.title !== undefined && post.parent_id !== null)
    throw new DomainError('invalid_input', 'Only the opening post of a discussion has a title.');
  if (input.title !== undefined && thread.kind === 'class')
    throw new DomainError('invalid_input', "A class discussion's title is the class's.");
  const now = deps.clock().toISOString();
  const title = input.title ?? post.title;
  if (input.body === post.body && title === post.title) return { postId, changed: false };
  await writeTransaction(deps.db, async (trx) => {
    await insertPostVersion(trx, {
      id: ulid(deps.clock().getTime()),
      post_id: post.id,
      title: post.title,
      body: post.body,
      written_at: post.edited_at ?? post.created_at,
      replaced_at: now,
      editor_id: post.author_id,
    });
    await updatePostRow(trx, post.id, { body: input.body, title, edited_at: now });
  });
  publishDiscussionEvent(deps.db, work.course.id, { kind: 'change', threadId: thread.id, postId });
  return { postId, changed: true };
}

/** The author deletes their post: a tombstone ("deleted by the author") stays in the thread, without body or history. */
export async function deletePost(deps: Deps, work: WorkCourse, postId: string) {
  const { post, thread } = await ownPost(deps, work, postId);
  const now = deps.clock().toISOString();
  await writeTransaction(deps.db, async (trx) => {
    await updatePostRow(trx, post.id, { body: '', deleted_at: now });
    await deletePostVersions(trx, post.id);
  });
  publishDiscussionEvent(deps.db, work.course.id, { kind: 'change', threadId: thread.id, postId });
  return { postId, deleted: true };
}

/** Toggles one of the fixed reactions on a post the viewer can read: whether it is on now, and the post's count. */
export async function react(deps: Deps, work: WorkCourse, postId: string, kind: Reaction) {
  const reader = readerOf(work);
  if (!REACTIONS.includes(kind)) throw new DomainError('invalid_input', 'Unknown reaction.');
  const { post, thread } = await visiblePost(deps.db, work, reader, postId);
  if (postView(reader, factsOf(post)) !== 'full') throw postNotFound();
  const on = await toggleReaction(deps.db, post.id, reader.userId, kind, deps.clock().toISOString());
  publishDiscussionEvent(deps.db, work.course.id, { kind: 'change', threadId: thread.id, postId });
  return { postId, kind, on };
}

/** The earlier versions of a post, oldest first: for its author and the staff only. */
export async function postHistory(deps: Deps, work: WorkCourse, postId: string) {
  const reader = readerOf(work);
  const { post } = await visiblePost(deps.db, work, reader, postId);
  if (!reader.staff && post.author_id !== reader.userId)
    throw new DomainError('forbidden', 'Only the author and the staff see earlier versions of a post.');
  const versions = await listPostVersions(deps.db, post.id);
  return {
    postId,
    versions: versions.map((v) => ({
      title: v.title,
      body: v.body,
      bodyHtml: renderMarkdown(v.body),
      writtenAt: v.written_at,
      replacedAt: v.replaced_at,
    })),
  };
}
