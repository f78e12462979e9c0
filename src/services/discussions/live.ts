// A member's live feed of a course's discussions: the events of posts and threads they may read, nothing else.
import { postView, threadListed } from '../../domain/discussions.js';
import { findPostRow } from '../../storage/repositories/discussions.js';
import type { WorkCourse } from '../work/context.js';
import { factsOf, readerOf, visibleThread, type Deps } from './context.js';
import { onDiscussionEvent, type DiscussionEvent } from './events.js';

/**
 * Authorizes the viewer (members only), then returns how to follow the course's events. A student is told
 * only of threads and posts they can see (a private question's replies never announce themselves to classmates).
 */
export function discussionFeed(deps: Deps, work: WorkCourse) {
  const reader = readerOf(work);
  const visible = async (event: DiscussionEvent): Promise<boolean> => {
    if (reader.staff) return true;
    try {
      const { opening } = await visibleThread(deps.db, work, reader, event.threadId);
      if (!threadListed(reader, factsOf(opening))) return false;
      if (!event.postId) return true;
      const post = await findPostRow(deps.db, work.course.id, event.postId);
      return post !== undefined && postView(reader, factsOf(post)) !== 'none';
    } catch {
      return false;
    }
  };
  return {
    /** Calls `send` with each event the viewer may know of; resolves to the function that stops. */
    follow: (send: (event: DiscussionEvent) => void) =>
      onDiscussionEvent(deps.db, work.course.id, (event) => {
        void visible(event).then((ok) => {
          if (ok) send(event);
        });
      }),
  };
}
