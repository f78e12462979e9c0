// Questions of one class: your own before the deadline; presenters and staff see all, grouped by reading, once it passes.
import { questionsVisibleTo, type QuestionScope } from '../../domain/question-visibility.js';
import { canInCourse } from '../../domain/permissions.js';
import { listSubmissions } from '../../storage/repositories/work.js';
import { findUsers } from '../../storage/repositories/work-people.js';
import { authorize } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import {
  findDeliverable,
  findMeeting,
  presentedTitles,
  regularDue,
  type WorkCourse,
  type WorkDeps,
} from './context.js';
import { holderGroups } from './submit.js';

export interface QuestionView {
  id: string;
  authorId: string;
  authorName: string;
  readingIndex: number;
  text: string;
  submittedAt: string;
  version: number;
  mine: boolean;
}

export interface MeetingQuestions {
  /** The server's clock when it answered: the page's "(in 6 days)" follows it, not the browser's. */
  now: string;
  meetingDate: string;
  meetingTitle: string | null;
  deadline: string;
  scope: QuestionScope;
  /** Why the viewer sees only their own, or null. */
  hiddenBecause: 'before-deadline' | 'not-presenter' | null;
  byReading: Array<{ readingIndex: number; readingTitle: string; questions: QuestionView[] }>;
}

/** The questions of a class visible to the viewer (only the latest version of each student's question per reading). */
export async function meetingQuestions(
  deps: Pick<WorkDeps, 'db'>,
  work: WorkCourse,
  meetingDate: string,
  now: Date,
): Promise<MeetingQuestions> {
  authorize(work.access, 'viewPrivate');
  const { spec } = findDeliverable(work, 'question');
  if (!spec.meetingDates.includes(meetingDate))
    throw new DomainError(
      'not_found',
      `No questions are asked for the class of ${meetingDate.slice(0, 10)}.`,
    );
  const meeting = findMeeting(work.course, meetingDate);
  const deadline = regularDue(work.course, spec, meetingDate);
  const viewer = work.access.viewer!;
  const isStaff = canInCourse('viewAllSubmissions', viewer, work.access.membership);
  const presenterGroupIds = await holderGroups(deps, work, meeting.id, 'presenter');
  const rows = await listSubmissions(deps.db, {
    courseId: work.course.id,
    deliverableKey: 'question',
    meetingDate,
  });
  // Latest version per (student, reading).
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) latest.set(`${r.user_id}|${r.reading_index}`, r);
  const questions = [...latest.values()].map((r) => ({
    id: r.id,
    authorId: r.user_id,
    readingIndex: r.reading_index ?? 0,
    text: r.text ?? '',
    submittedAt: r.submitted_at,
    version: r.version,
  }));
  const input = {
    viewer: { userId: viewer.userId, isStaff, groupId: work.group?.id ?? null },
    deadline,
    now: now.toISOString(),
    presenterGroupIds,
  };
  const visible = questionsVisibleTo({ ...input, questions, readingTitles: presentedTitles(meeting) });
  const names = new Map(
    (await findUsers(deps.db, [...new Set(questions.map((q) => q.authorId))])).map((u) => [u.id, u.name]),
  );
  const presenting = work.group !== null && presenterGroupIds.includes(work.group.id);
  const hiddenBecause = visible.scope === 'all' ? null : presenting ? 'before-deadline' : 'not-presenter';
  return {
    now: now.toISOString(),
    meetingDate,
    meetingTitle: meeting.title,
    deadline,
    scope: visible.scope,
    hiddenBecause,
    byReading: visible.byReading.map((g) => ({
      readingIndex: g.readingIndex,
      readingTitle: g.readingTitle,
      questions: g.questions.map((q) => ({
        ...q,
        authorName: names.get(q.authorId) ?? 'Former student',
        mine: q.authorId === viewer.userId,
      })),
    })),
  };
}
