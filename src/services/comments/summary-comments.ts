// Comments on passages of a summary: the threads on a hand-in (placed in its latest version), a new one, a reply, resolve/reopen.
import { ulid } from 'ulid';
import { anchorQuote, selectorAt, selectorProblem, type QuoteSelector } from '../../domain/quote-anchor.js';
import { transactional } from '../../storage/repositories/grades.js';
import { insertMailJobs } from '../../storage/repositories/mail-queue.js';
import {
  findThreadRow,
  insertReplyRow,
  insertThreadRow,
  listReplyRows,
  listThreadRows,
  setThreadResolved,
  type CommentThreadRow,
} from '../../storage/repositories/summary-comments.js';
import { authorize } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import type { WorkCourse, WorkDeps } from '../work/context.js';
import {
  commentBody,
  isStaff,
  loadCommentedHandIn,
  NOT_YOURS,
  peopleOf,
  presentThread,
  summaryView,
  type CommentedHandIn,
} from './context.js';
import { summaryCommentMailJobs } from './mail.js';

type Deps = Pick<WorkDeps, 'db' | 'clock'>;

export interface HandInWhere {
  deliverableKey: string;
  meetingDate: string;
  owner?: string | undefined;
}

/** The hand-in's latest version (rendered) with every thread on any of its versions, anchored or outdated. */
async function present(deps: Deps, work: WorkCourse, handIn: CommentedHandIn) {
  const rows = await listThreadRows(deps.db, {
    courseId: work.course.id,
    deliverableKey: handIn.deliverableKey,
    meetingDate: handIn.meetingDate,
    owner: handIn.owner,
  });
  const replies = await listReplyRows(
    deps.db,
    rows.map((r) => r.id),
  );
  const people = await peopleOf(deps.db, work.course.id, [
    ...rows.flatMap((r) => [r.author_id, ...(r.resolved_by ? [r.resolved_by] : [])]),
    ...replies.map((r) => r.author_id),
  ]);
  const view = handIn.latest ? summaryView(handIn.latest) : null;
  return {
    now: deps.clock().toISOString(),
    timeZone: work.course.timeZone,
    handIn: {
      deliverableKey: handIn.deliverableKey,
      meetingDate: handIn.meetingDate,
      owner: handIn.owner,
      ownerName: handIn.ownerName,
      headline: handIn.headline,
      latest: handIn.latest
        ? {
            submissionId: handIn.latest.id,
            version: handIn.latest.version,
            submittedAt: handIn.latest.submitted_at,
            html: view!.html,
          }
        : null,
    },
    threads: rows.map((r) =>
      presentThread(
        r,
        replies.filter((x) => x.thread_id === r.id),
        view?.text ?? null,
        people,
      ),
    ),
    abilities: { comment: handIn.latest !== null, staff: isStaff(work) },
  };
}

/** The comments on a summary: staff any group's, a student their own group's only. */
export async function listSummaryComments(deps: Deps, work: WorkCourse, where: HandInWhere) {
  return present(deps, work, await loadCommentedHandIn(deps.db, work, where));
}

/** Staff or the group comment on a passage of the latest version; staff comments are mailed to the group. */
export const commentOnSummary = transactional(async function commentOnSummary(
  deps: Deps,
  work: WorkCourse,
  where: HandInWhere,
  input: { version: number; quote: QuoteSelector; body: string },
) {
  const handIn = await loadCommentedHandIn(deps.db, work, where);
  const body = commentBody(input.body);
  const problem = selectorProblem(input.quote);
  if (problem) throw new DomainError('invalid_input', problem);
  const latest = handIn.latest;
  if (!latest)
    throw new DomainError('conflict', 'Nothing is handed in yet: there is no passage to comment on.');
  if (input.version !== latest.version)
    throw new DomainError(
      'conflict',
      `Version ${latest.version} was handed in since you loaded the page: reload it and select the passage again.`,
    );
  const { text } = summaryView(latest);
  const anchor = anchorQuote(input.quote, text);
  if (!anchor)
    throw new DomainError(
      'invalid_input',
      'That passage is not in the summary: select text of the summary itself.',
    );
  const selector = selectorAt(text, anchor);
  const now = deps.clock().toISOString();
  const me = work.access.viewer!.userId;
  const row: CommentThreadRow = {
    id: ulid(),
    course_id: work.course.id,
    deliverable_key: handIn.deliverableKey,
    meeting_date: handIn.meetingDate,
    owner: handIn.owner,
    version: latest.version,
    submission_id: latest.id,
    quote_exact: selector.exact,
    quote_prefix: selector.prefix,
    quote_suffix: selector.suffix,
    author_id: me,
    body,
    resolved_at: null,
    resolved_by: null,
    created_at: now,
  };
  await insertThreadRow(deps.db, row);
  if (isStaff(work))
    await insertMailJobs(deps.db, summaryCommentMailJobs(work, handIn, { quote: selector.exact, body }, now));
  return present(deps, work, handIn);
});

/** A thread the viewer may act on: of this course, on a hand-in they may see. */
async function threadFor(deps: Deps, work: WorkCourse, threadId: string) {
  authorize(work.access, 'viewPrivate');
  const row = await findThreadRow(deps.db, work.course.id, threadId);
  if (!row) throw new DomainError('not_found', 'No such comment on this course.');
  const where = {
    deliverableKey: row.deliverable_key,
    meetingDate: row.meeting_date,
    ...(isStaff(work) ? { owner: row.owner } : {}),
  };
  const handIn = await loadCommentedHandIn(deps.db, work, where);
  if (handIn.owner !== row.owner) throw new DomainError('forbidden', NOT_YOURS);
  return { row, handIn };
}

export const replyToComment = transactional(async function replyToComment(
  deps: Deps,
  work: WorkCourse,
  threadId: string,
  input: { body: string },
) {
  const { row, handIn } = await threadFor(deps, work, threadId);
  const body = commentBody(input.body);
  await insertReplyRow(deps.db, {
    id: ulid(),
    thread_id: row.id,
    author_id: work.access.viewer!.userId,
    body,
    created_at: deps.clock().toISOString(),
  });
  return present(deps, work, handIn);
});

/** Resolve a thread, or reopen it. */
export const resolveComment = transactional(async function resolveComment(
  deps: Deps,
  work: WorkCourse,
  threadId: string,
  input: { resolved: boolean },
) {
  const { row, handIn } = await threadFor(deps, work, threadId);
  await setThreadResolved(
    deps.db,
    row.id,
    input.resolved ? { at: deps.clock().toISOString(), by: work.access.viewer!.userId } : null,
  );
  return present(deps, work, handIn);
});
