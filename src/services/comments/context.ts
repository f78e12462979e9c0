// What summary comment use cases start from: the hand-in commented on (its latest version), who may see and write, how a thread is shown.
import { COMMENT_MAX_LENGTH } from '../../contracts/summary-comments.js';
import { placeQuote, type QuoteSelector } from '../../domain/quote-anchor.js';
import { renderedText, renderMarkdown } from '../../markdown/render.js';
import type { Db } from '../../storage/db.js';
import {
  listCourseRoles,
  type CommentReplyRow,
  type CommentThreadRow,
} from '../../storage/repositories/summary-comments.js';
import { listSubmissions, type SubmissionRow } from '../../storage/repositories/work.js';
import { findUsers, listGroupsWithMembers, type PersonRef } from '../../storage/repositories/work-people.js';
import { abilitiesOf, authorize } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import { findDeliverable, findMeeting, ownerOf, type WorkCourse } from '../work/context.js';
import { receiptHeadline } from '../work/receipt.js';

export const NOT_YOURS = "Only the course staff and the summary's own group can see or write comments on it.";

/** One hand-in commented on: a summary of a class by its owner, with its latest version (null before one). */
export interface CommentedHandIn {
  deliverableKey: string;
  meetingDate: string;
  owner: string;
  ownerName: string;
  headline: string;
  latest: (SubmissionRow & { text: string }) | null;
  /** The group's current members (or the one student), for mail. */
  members: PersonRef[];
}

export function isStaff(work: WorkCourse): boolean {
  return abilitiesOf(work.access).viewAllSubmissions;
}

/** The owner the viewer means: staff name one; a student means (and may only mean) their own group's. */
function ownerFor(
  work: WorkCourse,
  spec: { audience: 'individual' | 'group' },
  asked: string | undefined,
): string {
  if (isStaff(work)) {
    if (!asked) throw new DomainError('invalid_input', 'Say whose summary: give owner=g:<group id>.');
    return asked;
  }
  const mine = ownerOf(spec, work.access.viewer!.userId, work.group?.id ?? null);
  if (asked !== undefined && asked !== mine) throw new DomainError('forbidden', NOT_YOURS);
  return mine;
}

/** The owner's name and its people: a group of the course with its members now, or one student of the course. */
async function ownerPeople(
  db: Db,
  courseId: string,
  kind: 'g' | 'u',
  id: string,
): Promise<{ ownerName: string; members: PersonRef[] }> {
  if (kind === 'g') {
    const group = (await listGroupsWithMembers(db, courseId)).find((g) => g.id === id);
    if (!group) throw new DomainError('not_found', 'No such group in this course.');
    return { ownerName: group.name, members: group.members };
  }
  const role = (await listCourseRoles(db, courseId, [id])).get(id);
  const members = role === 'student' ? await findUsers(db, [id]) : [];
  if (members.length === 0) throw new DomainError('not_found', 'No such student in this course.');
  return { ownerName: members[0]!.name, members };
}

/**
 * The hand-in a request is about, after authorization: members of the course only; staff any owner's,
 * a student only their own group's (as the group is now: a member who joined late sees its comments,
 * one moved out no longer does).
 */
export async function loadCommentedHandIn(
  db: Db,
  work: WorkCourse,
  where: { deliverableKey: string; meetingDate: string; owner?: string | undefined },
): Promise<CommentedHandIn> {
  authorize(work.access, 'viewPrivate');
  const { spec } = findDeliverable(work, where.deliverableKey);
  if (spec.kind !== 'summary' || !spec.perMeeting)
    throw new DomainError('not_found', 'Only summaries of a class take comments on passages.');
  const meeting = findMeeting(work.course, where.meetingDate);
  const owner = ownerFor(work, spec, where.owner);
  const match = /^([gu]):(.+)$/.exec(owner);
  if (!match) throw new DomainError('invalid_input', 'An owner is "g:<group id>" or "u:<user id>".');
  const { ownerName, members } = await ownerPeople(db, work.course.id, match[1] as 'g' | 'u', match[2]!);
  const versions = await listSubmissions(db, {
    courseId: work.course.id,
    deliverableKey: spec.key,
    meetingDate: meeting.date,
    owners: [owner],
  });
  const last = versions.reduce<SubmissionRow | null>((a, b) => (!a || b.version > a.version ? b : a), null);
  return {
    deliverableKey: spec.key,
    meetingDate: meeting.date,
    owner,
    ownerName,
    headline: receiptHeadline(spec.title, meeting.date, null, work.course),
    latest: last && last.text !== null ? { ...last, text: last.text } : null,
    members,
  };
}

/** The summary as shown (sanitized HTML) and the text readers select from (what comments quote). */
export function summaryView(latest: { text: string }): { html: string; text: string } {
  const html = renderMarkdown(latest.text);
  return { html, text: renderedText(html) };
}

export function selectorOf(row: CommentThreadRow): QuoteSelector {
  return { exact: row.quote_exact, prefix: row.quote_prefix, suffix: row.quote_suffix };
}

interface People {
  name(id: string): string;
  staff(id: string): boolean;
}

/** Names of the authors, and which of them are staff (not a student of the course: TAs, instructors, the administrator). */
export async function peopleOf(db: Db, courseId: string, ids: string[]): Promise<People> {
  const unique = [...new Set(ids)];
  const [users, roles] = await Promise.all([findUsers(db, unique), listCourseRoles(db, courseId, unique)]);
  const names = new Map(users.map((u) => [u.id, u.name]));
  return {
    name: (id) => names.get(id) ?? 'Someone no longer here',
    staff: (id) => roles.get(id) !== 'student',
  };
}

/**
 * A thread as shown: its Markdown rendered, and its place in the latest version's text (anchored, with
 * the quote re-found there, or outdated with the passage it was written about).
 */
export function presentThread(
  row: CommentThreadRow,
  replies: CommentReplyRow[],
  text: string | null,
  people: People,
) {
  const placed = text === null ? { state: 'outdated' as const } : placeQuote(selectorOf(row), text);
  const author = (id: string) => ({ id, name: people.name(id), staff: people.staff(id) });
  return {
    id: row.id,
    author: author(row.author_id),
    body: row.body,
    bodyHtml: renderMarkdown(row.body),
    createdAt: row.created_at,
    writtenOnVersion: row.version,
    quote: selectorOf(row),
    state: placed.state,
    anchor: placed.state === 'anchored' ? placed.selector : null,
    resolved: row.resolved_at !== null,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by ? people.name(row.resolved_by) : null,
    replies: replies.map((r) => ({
      id: r.id,
      author: author(r.author_id),
      body: r.body,
      bodyHtml: renderMarkdown(r.body),
      createdAt: r.created_at,
    })),
  };
}

/** A comment or reply body: trimmed, not empty, not too long. */
export function commentBody(body: string): string {
  const trimmed = body.trim();
  if (trimmed === '') throw new DomainError('invalid_input', 'Write a comment first.');
  if (trimmed.length > COMMENT_MAX_LENGTH)
    throw new DomainError('invalid_input', `Keep the comment under ${COMMENT_MAX_LENGTH} characters.`);
  return trimmed;
}
