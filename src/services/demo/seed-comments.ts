// A commented summary for the demo: on the first on-time summary, a TA's comment answered by the group, and one resolved.
import { ulid } from 'ulid';
import { anchorQuote, selectorAt } from '../../domain/quote-anchor.js';
import type { Db } from '../../storage/db.js';
import {
  insertReplyRow,
  insertThreadRow,
  listThreadRows,
  type CommentThreadRow,
} from '../../storage/repositories/summary-comments.js';
import { findUserByEmail } from '../../storage/repositories/users.js';
import { listGroupsWithMembers } from '../../storage/repositories/work-people.js';
import { listSubmissions } from '../../storage/repositories/work.js';
import { findCourseRef } from '../../storage/repositories/enrollments.js';
import { summaryView } from '../comments/context.js';

export interface SeedCommentsReport {
  threads: number;
  replies: number;
  skipped: boolean;
}

const HOUR = 3_600_000;
const at = (base: string, hours: number) => new Date(Date.parse(base) + hours * HOUR).toISOString();

/**
 * Writes the rows directly (no mail is queued for the demo's addresses). Idempotent: a summary
 * that already has comments is left alone.
 */
export async function seedComments(db: Db, slug: string, now: Date): Promise<SeedCommentsReport> {
  const report: SeedCommentsReport = { threads: 0, replies: 0, skipped: false };
  const course = await findCourseRef(db, slug);
  const ta = await findUserByEmail(db, 'ta@example.edu');
  if (!course || !ta) return { ...report, skipped: true };
  const summaries = (await listSubmissions(db, { courseId: course.id, deliverableKey: 'summary' })).filter(
    (s) => s.text !== null && s.outcome === 'on-time' && s.meeting_date !== null && s.owner.startsWith('g:'),
  );
  const first = summaries.sort((a, b) => a.meeting_date!.localeCompare(b.meeting_date!))[0];
  if (!first) return { ...report, skipped: true };
  const where = {
    courseId: course.id,
    deliverableKey: 'summary',
    meetingDate: first.meeting_date!,
    owner: first.owner,
  };
  if ((await listThreadRows(db, where)).length > 0) return { ...report, skipped: true };
  const group = (await listGroupsWithMembers(db, course.id)).find((g) => `g:${g.id}` === first.owner);
  const member = group?.members[0];
  if (!member) return { ...report, skipped: true };
  const { text } = summaryView({ text: first.text! });
  const thread = (
    exact: string,
    body: string,
    hours: number,
    resolvedAfter: number | null,
  ): CommentThreadRow | null => {
    const anchor = anchorQuote({ exact, prefix: '', suffix: '' }, text);
    if (!anchor) return null;
    const s = selectorAt(text, anchor);
    const created = at(first.submitted_at, hours);
    if (Date.parse(created) > now.getTime()) return null;
    return {
      id: ulid(Date.parse(created)),
      course_id: course.id,
      deliverable_key: 'summary',
      meeting_date: first.meeting_date!,
      owner: first.owner,
      version: first.version,
      submission_id: first.id,
      quote_exact: s.exact,
      quote_prefix: s.prefix,
      quote_suffix: s.suffix,
      author_id: ta.id,
      body,
      resolved_at: resolvedAfter === null ? null : at(created, resolvedAfter),
      resolved_by: resolvedAfter === null ? null : member.id,
      created_at: created,
    };
  };
  const open = thread(
    'The discussion focused on cost and scale.',
    'Which **costs** came up? Name the two numbers the class compared, and who raised them.',
    20,
    null,
  );
  const resolved = thread(
    'What is one (or more) drawback or limitation of the proposal?',
    'This section is still empty: add at least one limitation before the deadline for grading.',
    21,
    3,
  );
  for (const row of [open, resolved]) {
    if (!row) continue;
    await insertThreadRow(db, row);
    report.threads++;
    const replyAt = at(row.created_at, 2);
    if (Date.parse(replyAt) > now.getTime()) continue;
    await insertReplyRow(db, {
      id: ulid(Date.parse(replyAt)),
      thread_id: row.id,
      author_id: member.id,
      body:
        row === open
          ? 'Training cost against serving cost — we will add the figures from the slides.'
          : 'Added a paragraph on memory limits.',
      created_at: replyAt,
    });
    report.replies++;
  }
  return report;
}
