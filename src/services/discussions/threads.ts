// Discussion threads: the course's list (class discussions and the Q&A board), opening a class's discussion, asking a question, reading a thread.
import { ulid } from 'ulid';
import { threadListed, type QuestionCategory, type Reader } from '../../domain/discussions.js';
import { writeTransaction } from '../../storage/db.js';
import {
  countVisiblePosts,
  findClassThreadRow,
  findPeople,
  findReadAt,
  insertThread,
  listCourseMembers,
  listEditedPostIds,
  listPostRows,
  listReactionRows,
  listThreadRows,
  markRead,
  type DiscussionPostRow,
  type ThreadListRow,
} from '../../storage/repositories/discussions.js';
import { rolesInForce } from '../../storage/repositories/roles.js';
import { listSubmissions } from '../../storage/repositories/work.js';
import { DomainError } from '../errors.js';
import { findMeeting, ownerOf, type WorkCourse } from '../work/context.js';
import {
  factsOf,
  presentAuthor,
  presentPost,
  readerOf,
  refuseStaffAnonymity,
  visibleThread,
  type Deps,
} from './context.js';
import { publishDiscussionEvent } from './events.js';
import { queueMentions } from './mentions.js';

const summarySpec = (work: WorkCourse) => work.deliverables.find((d) => d.spec.kind === 'summary')?.spec;

/** The dates of the classes whose summary the viewer's group holds (roles in force) and has handed in. */
async function summaryStanding(deps: Deps, work: WorkCourse, reader: Reader) {
  const group = work.group;
  const spec = summarySpec(work);
  if (!group || !spec) return { holds: new Set<string>(), handedIn: new Map<string, string>() };
  const roles = await rolesInForce(deps.db, work.course.id);
  const holds = new Set(
    roles.filter((r) => r.role === 'summarizer' && r.groupId === group.id).map((r) => r.meetingId),
  );
  const rows = await listSubmissions(deps.db, {
    courseId: work.course.id,
    deliverableKey: spec.key,
    owners: [ownerOf(spec, reader.userId, group.id)],
  });
  const handedIn = new Map<string, string>();
  for (const r of rows) if (r.meeting_date) handedIn.set(r.meeting_date, r.id);
  return { holds, handedIn };
}

function presentListed(
  reader: Reader,
  t: ThreadListRow,
  counts: Map<string, { posts: number; unread: number }>,
  people: Map<string, { name: string }>,
) {
  const c = counts.get(t.id) ?? { posts: 0, unread: 0 };
  const opening = {
    author_id: t.opening_author_id,
    anonymous: t.opening_anonymous,
  } as DiscussionPostRow;
  return {
    id: t.id,
    kind: t.kind,
    title: t.title ?? '',
    category: t.category,
    meetingId: t.meeting_id,
    author: presentAuthor(reader, opening, people),
    pinned: t.pinned === 1,
    closed: t.closed === 1,
    resolved: t.resolved === 1,
    answered: t.accepted_post_id !== null,
    private: t.opening_private === 1,
    hidden: t.opening_hidden === 1,
    posts: c.posts,
    unread: c.unread,
    createdAt: t.created_at,
  };
}

/** The threads the viewer may see (pinned first, newest activity first), and for class discussions the classes. */
export async function listDiscussions(
  deps: Deps,
  work: WorkCourse,
  filter: { kind?: 'class' | 'question'; category?: QuestionCategory; resolved?: boolean },
) {
  const reader = readerOf(work);
  const rows = (await listThreadRows(deps.db, work.course.id, filter)).filter((t) =>
    threadListed(reader, {
      authorId: t.opening_author_id,
      anonymous: t.opening_anonymous === 1,
      private: t.opening_private === 1,
      privateOwnerId: t.opening_author_id,
      hidden: t.opening_hidden === 1,
      deleted: t.opening_deleted_at !== null,
    }),
  );
  const [counts, people] = await Promise.all([
    countVisiblePosts(deps.db, work.course.id, reader),
    findPeople(
      deps.db,
      rows.map((r) => r.opening_author_id),
    ),
  ]);
  const threads = rows.map((t) => presentListed(reader, t, counts, people));
  const standing = reader.staff ? null : await summaryStanding(deps, work, reader);
  const byMeeting = new Map(rows.filter((t) => t.meeting_id).map((t) => [t.meeting_id!, t.id]));
  const classes =
    filter.kind === 'question'
      ? []
      : work.course.meetings
          .filter((m) => m.kind !== 'no_class')
          .map((m) => ({
            meetingId: m.id,
            date: m.date,
            title: m.title,
            threadId: byMeeting.get(m.id) ?? null,
            canOpen:
              !byMeeting.has(m.id) &&
              (reader.staff || (standing!.holds.has(m.id) && standing!.handedIn.has(m.date))),
            summaryGroup: standing ? standing.holds.has(m.id) : false,
          }));
  return {
    now: deps.clock().toISOString(),
    timeZone: work.course.timeZone,
    viewer: { staff: reader.staff, userId: reader.userId },
    threads,
    classes,
  };
}

function newPost(
  at: string,
  thread: string,
  work: WorkCourse,
  reader: Reader,
  input: { title?: string | null; body: string; anonymous?: boolean; private?: boolean },
): DiscussionPostRow {
  return {
    id: ulid(Date.parse(at)),
    thread_id: thread,
    course_id: work.course.id,
    parent_id: null,
    author_id: reader.userId,
    title: input.title ?? null,
    body: input.body,
    anonymous: input.anonymous ? 1 : 0,
    private: input.private ? 1 : 0,
    private_owner_id: input.private ? reader.userId : null,
    hidden: 0,
    endorsed: 0,
    created_at: at,
    edited_at: null,
    deleted_at: null,
  };
}

/**
 * Opens a class's discussion: staff at any time, a student when their group writes the class's summary
 * (the roles in force) and has handed it in; the opening post links that summary. One discussion per class.
 */
export async function openClassDiscussion(
  deps: Deps,
  work: WorkCourse,
  input: { meetingId: string; body: string; anonymous?: boolean },
) {
  const reader = readerOf(work);
  refuseStaffAnonymity(reader, input.anonymous);
  const meeting = work.course.meetings.find((m) => m.id === input.meetingId);
  if (!meeting) throw new DomainError('not_found', 'This course has no such class.');
  findMeeting(work.course, meeting.date);
  let summaryId: string | null = null;
  if (!reader.staff) {
    const standing = await summaryStanding(deps, work, reader);
    if (!standing.holds.has(meeting.id))
      throw new DomainError(
        'forbidden',
        "Only the group writing this class's summary (or the staff) opens its discussion.",
      );
    summaryId = standing.handedIn.get(meeting.date) ?? null;
    if (!summaryId)
      throw new DomainError('conflict', 'Hand in the summary first: the discussion opens with a link to it.');
  }
  const now = deps.clock().toISOString();
  const threadId = ulid(deps.clock().getTime());
  const title = `Discussion: ${meeting.title ?? meeting.date}`;
  const opening = newPost(now, threadId, work, reader, { ...input, title });
  await writeTransaction(deps.db, async (trx) => {
    if (await findClassThreadRow(trx, work.course.id, meeting.id))
      throw new DomainError('conflict', 'This class already has its discussion.');
    await insertThread(
      trx,
      {
        id: threadId,
        course_id: work.course.id,
        kind: 'class',
        meeting_id: meeting.id,
        category: null,
        summary_submission_id: summaryId,
        opening_post_id: opening.id,
        author_id: reader.userId,
        pinned: 0,
        closed: 0,
        resolved: 0,
        accepted_post_id: null,
        created_at: now,
        last_post_at: now,
      },
      opening,
    );
    await queueMentions(trx, deps, work, { title, threadId, post: opening });
  });
  publishDiscussionEvent(deps.db, work.course.id, { threadId, postId: opening.id, kind: 'thread' });
  return { threadId, postId: opening.id };
}

/** Asks a question on the course's Q&A board (optionally private to staff, or anonymous to classmates). */
export async function askQuestion(
  deps: Deps,
  work: WorkCourse,
  input: { title: string; category: QuestionCategory; body: string; anonymous?: boolean; private?: boolean },
) {
  const reader = readerOf(work);
  refuseStaffAnonymity(reader, input.anonymous);
  const now = deps.clock().toISOString();
  const threadId = ulid(deps.clock().getTime());
  const opening = newPost(now, threadId, work, reader, input);
  await writeTransaction(deps.db, async (trx) => {
    await insertThread(
      trx,
      {
        id: threadId,
        course_id: work.course.id,
        kind: 'question',
        meeting_id: null,
        category: input.category,
        summary_submission_id: null,
        opening_post_id: opening.id,
        author_id: reader.userId,
        pinned: 0,
        closed: 0,
        resolved: 0,
        accepted_post_id: null,
        created_at: now,
        last_post_at: now,
      },
      opening,
    );
    await queueMentions(trx, deps, work, { title: input.title, threadId, post: opening });
  });
  publishDiscussionEvent(deps.db, work.course.id, { threadId, postId: opening.id, kind: 'thread' });
  return { threadId, postId: opening.id };
}

/** One thread with every post the viewer may see (in order, replies pointing at their parent); marks it read. */
export async function readThread(deps: Deps, work: WorkCourse, threadId: string) {
  const reader = readerOf(work);
  const { thread, opening } = await visibleThread(deps.db, work, reader, threadId);
  const [posts, reactionRows, edited, readAt, members] = await Promise.all([
    listPostRows(deps.db, thread.id),
    listReactionRows(deps.db, thread.id),
    listEditedPostIds(deps.db, thread.id),
    findReadAt(deps.db, thread.id, reader.userId),
    listCourseMembers(deps.db, work.course.id),
  ]);
  const people = await findPeople(
    deps.db,
    posts.map((p) => p.author_id),
  );
  const reactions = new Map<string, Array<{ user_id: string; kind: string }>>();
  for (const r of reactionRows) reactions.set(r.post_id, [...(reactions.get(r.post_id) ?? []), r]);
  const staffIds = new Set(members.filter((m) => m.role !== 'student').map((m) => m.id));
  const extras = { reactions, edited, readAt, staffIds };
  const shown = posts.map((p) => presentPost(reader, p, people, extras)).filter((p) => p !== null);
  await markRead(deps.db, thread.id, reader.userId, deps.clock().toISOString());
  const isAuthor = opening.author_id === reader.userId;
  const meeting = thread.meeting_id
    ? work.course.meetings.find((m) => m.id === thread.meeting_id)
    : undefined;
  return {
    now: deps.clock().toISOString(),
    timeZone: work.course.timeZone,
    viewer: { staff: reader.staff, userId: reader.userId },
    thread: {
      id: thread.id,
      kind: thread.kind,
      title: opening.title ?? '',
      category: thread.category,
      meeting: meeting ? { id: meeting.id, date: meeting.date, title: meeting.title } : null,
      summary: thread.summary_submission_id
        ? {
            submissionId: thread.summary_submission_id,
            url: `/api/courses/${work.course.slug}/submissions/${thread.summary_submission_id}/download`,
          }
        : null,
      pinned: thread.pinned === 1,
      closed: thread.closed === 1,
      resolved: thread.resolved === 1,
      acceptedPostId: shown.some((p) => p.id === thread.accepted_post_id) ? thread.accepted_post_id : null,
      private: factsOf(opening).private,
      hidden: factsOf(opening).hidden,
      openingPostId: opening.id,
    },
    abilities: {
      reply: reader.staff || thread.closed === 0,
      moderate: reader.staff,
      resolve: thread.kind === 'question' && (reader.staff || isAuthor),
      anonymous: !reader.staff,
    },
    posts: shown,
  };
}
