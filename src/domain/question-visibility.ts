// Who sees which questions: your own before the deadline; presenters and staff see all after it.

import { isAfter, toMillis, type Instant } from './due.js';

export interface Question {
  id: string;
  authorId: string;
  /** Index of the presented reading (0-based, in the meeting's order) the question is about. */
  readingIndex: number;
  text: string;
  submittedAt: Instant;
}

export interface QuestionViewer {
  userId: string;
  isStaff: boolean;
  groupId: string | null;
}

export type QuestionScope = 'own' | 'all';

export type AllQuestionsBlocker = 'before-deadline' | 'not-presenter';

export interface VisibilityInput {
  viewer: QuestionViewer;
  /** The meeting's regular question deadline (its start), not anyone's extension. */
  deadline: Instant;
  now: Instant;
  /** Groups presenting the meeting. */
  presenterGroupIds: readonly string[];
}

/**
 * Why the viewer may not see every question of the meeting, or null when they may.
 * Staff may always (they grade and moderate; hiding questions exists so students cannot copy
 * one another). The presenting group may once the deadline has passed. Everyone else only
 * ever sees their own.
 */
export function allQuestionsBlocker(input: VisibilityInput): AllQuestionsBlocker | null {
  if (input.viewer.isStaff) return null;
  const presenting = input.viewer.groupId !== null && input.presenterGroupIds.includes(input.viewer.groupId);
  if (!presenting) return 'not-presenter';
  if (!isAfter(input.now, input.deadline)) return 'before-deadline';
  return null;
}

export function canSeeAllQuestions(input: VisibilityInput): boolean {
  return allQuestionsBlocker(input) === null;
}

export interface ReadingQuestions<Q extends Question> {
  readingIndex: number;
  readingTitle: string;
  questions: Q[];
}

/**
 * The questions a viewer may see, grouped by presented reading (in reading order, each group
 * in hand-in order). `readingTitles` are the meeting's presented readings; every reading gets
 * a group, even an empty one.
 */
export function questionsVisibleTo<Q extends Question>(
  input: VisibilityInput & { questions: readonly Q[]; readingTitles: readonly string[] },
): { scope: QuestionScope; byReading: ReadingQuestions<Q>[] } {
  const scope: QuestionScope = canSeeAllQuestions(input) ? 'all' : 'own';
  const visible = input.questions.filter((q) => scope === 'all' || q.authorId === input.viewer.userId);
  const byReading = input.readingTitles.map((readingTitle, readingIndex) => ({
    readingIndex,
    readingTitle,
    questions: visible
      .filter((q) => q.readingIndex === readingIndex)
      .sort((a, b) => toMillis(a.submittedAt) - toMillis(b.submittedAt)),
  }));
  return { scope, byReading };
}
