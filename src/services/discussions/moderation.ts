// Staff moderation (pin, close, hide with an audit entry, endorse) and the asker's resolved state and accepted answer.
import { postView } from '../../domain/discussions.js';
import { findPostRow, updatePostRow, updateThreadRow } from '../../storage/repositories/discussions.js';
import { auditStaffAction } from '../assignment/audit-staff.js';
import { DomainError } from '../errors.js';
import type { WorkCourse } from '../work/context.js';
import { factsOf, readerOf, visiblePost, visibleThread, type Deps } from './context.js';
import { publishDiscussionEvent } from './events.js';

const staffOnly = () => new DomainError('forbidden', 'Only the course staff can do this.');

/**
 * Changes a thread: staff pin and close it; the asker (or staff) marks a question resolved and accepts
 * an answer (a reply of the thread the asker can read).
 */
export async function updateThread(
  deps: Deps,
  work: WorkCourse,
  threadId: string,
  patch: { pinned?: boolean; closed?: boolean; resolved?: boolean; acceptedPostId?: string | null },
) {
  const reader = readerOf(work);
  const { thread, opening } = await visibleThread(deps.db, work, reader, threadId);
  if ((patch.pinned !== undefined || patch.closed !== undefined) && !reader.staff) throw staffOnly();
  const asking = patch.resolved !== undefined || patch.acceptedPostId !== undefined;
  if (asking && thread.kind !== 'question')
    throw new DomainError('invalid_input', 'Only a question is resolved or has an accepted answer.');
  if (asking && !reader.staff && opening.author_id !== reader.userId)
    throw new DomainError('forbidden', 'Only the person who asked (or the staff) resolves a question.');
  let accepted: string | null | undefined;
  if (patch.acceptedPostId !== undefined && patch.acceptedPostId !== null) {
    const post = await findPostRow(deps.db, work.course.id, patch.acceptedPostId);
    if (
      !post ||
      post.thread_id !== thread.id ||
      post.parent_id === null ||
      postView(reader, factsOf(post)) !== 'full'
    )
      throw new DomainError('not_found', 'The accepted answer must be a reply in this question.');
    accepted = post.id;
  } else if (patch.acceptedPostId === null) accepted = null;
  await updateThreadRow(deps.db, thread.id, {
    ...(patch.pinned !== undefined ? { pinned: patch.pinned ? 1 : 0 } : {}),
    ...(patch.closed !== undefined ? { closed: patch.closed ? 1 : 0 } : {}),
    // Accepting an answer resolves the question (unless the same request says otherwise).
    ...(accepted ? { resolved: 1 } : {}),
    ...(patch.resolved !== undefined ? { resolved: patch.resolved ? 1 : 0 } : {}),
    ...(accepted !== undefined ? { accepted_post_id: accepted } : {}),
  });
  publishDiscussionEvent(deps.db, work.course.id, { kind: 'change', threadId: thread.id, postId: null });
  return { threadId: thread.id };
}

/** Staff hide or show a post (audited; a hidden opening post hides its thread from students) and endorse a reply. */
export async function moderatePost(
  deps: Deps,
  work: WorkCourse,
  postId: string,
  patch: { hidden?: boolean; endorsed?: boolean },
) {
  const reader = readerOf(work);
  if (!reader.staff) throw staffOnly();
  const { post, thread, opening } = await visiblePost(deps.db, work, reader, postId);
  if (patch.endorsed !== undefined && post.parent_id === null)
    throw new DomainError('invalid_input', 'Staff endorse replies, not the opening post.');
  await updatePostRow(deps.db, post.id, {
    ...(patch.hidden !== undefined ? { hidden: patch.hidden ? 1 : 0 } : {}),
    ...(patch.endorsed !== undefined ? { endorsed: patch.endorsed ? 1 : 0 } : {}),
  });
  if (patch.hidden !== undefined && patch.hidden !== (post.hidden === 1)) {
    const now = deps.clock();
    await auditStaffAction(
      deps.db,
      now,
      work.access,
      patch.hidden ? 'discussion-post-hidden' : 'discussion-post-shown',
      opening.title ?? 'a discussion',
      { threadId: thread.id, postId: post.id, opening: post.parent_id === null },
    );
  }
  publishDiscussionEvent(deps.db, work.course.id, { kind: 'change', threadId: thread.id, postId });
  return {
    postId,
    hidden: patch.hidden ?? post.hidden === 1,
    endorsed: patch.endorsed ?? post.endorsed === 1,
  };
}
