// The "staff commented on your summary" mail: queued with the comment (durable queue), one per current member of the group.
import type { MailRenderer } from '../../mail/queue.js';
import { newId } from '../../storage/ids.js';
import type { NewMailJob } from '../../storage/repositories/mail-queue.js';
import type { WorkCourse } from '../work/context.js';
import type { CommentedHandIn } from './context.js';

export const SUMMARY_COMMENT_MAIL = 'summary-comment';

interface SummaryCommentPayload {
  courseTitle: string;
  headline: string;
  quote: string;
  body: string;
  /** The page where the group reads its summary with the comments, relative to the site. */
  path: string;
}

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

export function summaryCommentMailJobs(
  work: WorkCourse,
  handIn: CommentedHandIn,
  comment: { quote: string; body: string },
  createdAt: string,
): NewMailJob[] {
  const payload: SummaryCommentPayload = {
    courseTitle: work.course.title,
    headline: handIn.headline,
    quote: clip(comment.quote.replace(/\s+/g, ' ').trim(), 300),
    body: clip(comment.body, 2000),
    path: `/courses/${work.course.slug}/due`,
  };
  const text = JSON.stringify(payload);
  return handIn.members.map((m) => ({
    id: newId(),
    kind: SUMMARY_COMMENT_MAIL,
    user_id: m.id,
    address: null,
    payload: text,
    created_at: createdAt,
    request_id: work.access.viewer?.requestId ?? null,
  }));
}

export const renderSummaryCommentMail: MailRenderer = async (_db, payload) => {
  const p = JSON.parse(payload) as SummaryCommentPayload;
  return {
    subject: `${p.courseTitle}: staff commented on your ${p.headline}`,
    text: [
      `Course staff commented on a passage of your ${p.headline}:`,
      '',
      `> ${p.quote}`,
      '',
      p.body,
      '',
      `Read and answer it on the course site under ${p.path} (your summary, with its comments).`,
    ].join('\n'),
  };
};
