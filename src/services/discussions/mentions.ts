// Mentions: `@Name` of a course member in a post mails them (through the durable queue, in the post's transaction),
// only when they may read the post, and never with the name of an anonymous author unless they are staff.
import { ulid } from 'ulid';
import { mentionedIn, postView } from '../../domain/discussions.js';
import type { MailRenderer } from '../../mail/queue.js';
import type { Db } from '../../storage/db.js';
import {
  findPeople,
  listCourseMembers,
  type DiscussionPostRow,
} from '../../storage/repositories/discussions.js';
import { insertMailJobs } from '../../storage/repositories/mail-queue.js';
import type { WorkCourse } from '../work/context.js';
import { factsOf, type Deps } from './context.js';

export const DISCUSSION_MENTION_MAIL = 'discussion-mention';

export interface DiscussionMentionPayload {
  courseTitle: string;
  threadTitle: string;
  /** The author's name, or "A classmate" when the post is anonymous and the recipient a student. */
  from: string;
  /** The thread's page, relative to the site. */
  path: string;
  excerpt: string;
}

/** Queues one mail per member the post mentions who can read it (not the author). Returns how many. */
export async function queueMentions(
  trx: Db,
  deps: Deps,
  work: WorkCourse,
  at: { title: string; threadId: string; post: DiscussionPostRow },
): Promise<number> {
  if (!at.post.body.includes('@')) return 0;
  const members = await listCourseMembers(trx, work.course.id);
  const ids = mentionedIn(at.post.body, members).filter((id) => id !== at.post.author_id);
  if (ids.length === 0) return 0;
  const author = (await findPeople(trx, [at.post.author_id])).get(at.post.author_id);
  const now = deps.clock();
  const jobs = [];
  for (const id of ids) {
    const member = members.find((m) => m.id === id)!;
    const staff = member.role !== 'student';
    if (postView({ userId: id, staff }, factsOf(at.post)) !== 'full') continue;
    const payload: DiscussionMentionPayload = {
      courseTitle: work.course.title,
      threadTitle: at.title,
      from: at.post.anonymous === 1 && !staff ? 'A classmate' : (author?.name ?? 'Someone'),
      path: `/courses/${work.course.slug}/discussions?thread=${at.threadId}`,
      excerpt: at.post.body.slice(0, 400),
    };
    jobs.push({
      id: ulid(now.getTime()),
      kind: DISCUSSION_MENTION_MAIL,
      user_id: id,
      address: null,
      payload: JSON.stringify(payload),
      created_at: now.toISOString(),
    });
  }
  await insertMailJobs(trx, jobs);
  return jobs.length;
}

export const renderDiscussionMentionMail: MailRenderer = async (_db, payload) => {
  const p = JSON.parse(payload) as DiscussionMentionPayload;
  return {
    subject: `${p.courseTitle}: ${p.from} mentioned you in “${p.threadTitle}”`,
    text: [
      `${p.from} mentioned you in “${p.threadTitle}” (${p.courseTitle}):`,
      '',
      ...p.excerpt.split('\n').map((l) => `> ${l}`),
      '',
      `Read and reply on the course site under ${p.path}.`,
    ].join('\n'),
  };
};
