// "Classmates' questions are hidden until the deadline; after it, the presenters and staff see all, grouped by reading."

import { describe, expect, it } from 'vitest';
import {
  allQuestionsBlocker,
  questionsVisibleTo,
  type Question,
  type QuestionViewer,
} from '../../src/domain/question-visibility.js';

const deadline = '2024-11-04T15:30:00.000Z';
const before = '2024-11-04T15:29:59.000Z';
const after = '2024-11-04T15:30:01.000Z';
const readingTitles = ['OMS-DPM', 'Are More LM Calls All You Need?'];
const questions: Question[] = [
  { id: 'q1', authorId: 'alice', readingIndex: 0, text: 'Why DPM?', submittedAt: '2024-11-03T10:00:00.000Z' },
  {
    id: 'q2',
    authorId: 'bob',
    readingIndex: 0,
    text: 'Cost model?',
    submittedAt: '2024-11-02T10:00:00.000Z',
  },
  {
    id: 'q3',
    authorId: 'alice',
    readingIndex: 1,
    text: 'Scaling laws?',
    submittedAt: '2024-11-03T11:00:00.000Z',
  },
  { id: 'q4', authorId: 'carol', readingIndex: 1, text: 'Voting?', submittedAt: '2024-11-04T09:00:00.000Z' },
];
const alice: QuestionViewer = { userId: 'alice', isStaff: false, groupId: 'g2' };
const presenter: QuestionViewer = { userId: 'pat', isStaff: false, groupId: 'g1' };
const staff: QuestionViewer = { userId: 'fan', isStaff: true, groupId: null };

const view = (viewer: QuestionViewer, now: string) =>
  questionsVisibleTo({ viewer, now, deadline, presenterGroupIds: ['g1'], questions, readingTitles });
const ids = (result: ReturnType<typeof view>) => result.byReading.map((r) => r.questions.map((q) => q.id));

describe('before the question deadline', () => {
  it('shows a student only their own questions', () => {
    const result = view(alice, before);
    expect(result.scope).toBe('own');
    expect(ids(result)).toEqual([['q1'], ['q3']]);
  });

  it('hides questions from the presenters too, one second before class', () => {
    expect(view(presenter, before).scope).toBe('own');
    expect(ids(view(presenter, before))).toEqual([[], []]);
    expect(allQuestionsBlocker({ viewer: presenter, now: before, deadline, presenterGroupIds: ['g1'] })).toBe(
      'before-deadline',
    );
  });
});

describe('after the question deadline', () => {
  it('shows the presenters every question, grouped by reading in hand-in order', () => {
    const result = view(presenter, after);
    expect(result.scope).toBe('all');
    expect(result.byReading.map((r) => r.readingTitle)).toEqual(readingTitles);
    expect(ids(result)).toEqual([
      ['q2', 'q1'],
      ['q3', 'q4'],
    ]);
  });

  it('still shows other students only their own', () => {
    expect(ids(view(alice, after))).toEqual([['q1'], ['q3']]);
    expect(allQuestionsBlocker({ viewer: alice, now: after, deadline, presenterGroupIds: ['g1'] })).toBe(
      'not-presenter',
    );
  });

  it("doesn't treat a student without a group as a presenter", () => {
    expect(view({ userId: 'dan', isStaff: false, groupId: null }, after).scope).toBe('own');
  });
});

describe('staff', () => {
  it('see every question at any time', () => {
    expect(ids(view(staff, before))).toEqual([
      ['q2', 'q1'],
      ['q3', 'q4'],
    ]);
  });
});
