// Deliverables as data: text limits and the list of deadlines a deliverable sets.

import { describe, expect, it } from 'vitest';
import { MAX_QUESTION_CHARS, deliverablesForCourse } from '../../src/domain/demo-deliverables.js';
import { textBlocker, type Deliverable } from '../../src/domain/deliverables.js';
import { deadlinesOf } from '../../src/domain/due.js';
import { buildCourse } from './demo-course.js';

const course = buildCourse();
const list = deliverablesForCourse(course);
const get = (key: string) => list.find((d) => d.key === key) as Deliverable;

describe('"one insightful question": a question is text with a length limit', () => {
  it('accepts a question at the limit', () => {
    expect(textBlocker(get('question'), 'q'.repeat(MAX_QUESTION_CHARS))).toBeNull();
  });

  it('refuses a question one character over the limit', () => {
    expect(textBlocker(get('question'), 'q'.repeat(MAX_QUESTION_CHARS + 1))).toBe('text-too-long');
  });

  it('counts an emoji as one character', () => {
    expect(textBlocker(get('question'), '🤔'.repeat(MAX_QUESTION_CHARS))).toBeNull();
  });

  it('refuses an empty or blank question', () => {
    expect(textBlocker(get('question'), '   \n ')).toBe('empty-text');
  });

  it('refuses text where only a file is accepted (slides)', () => {
    expect(textBlocker(get('slides'), 'my slides')).toBe('text-not-allowed');
  });
});

describe('deadlines of a deliverable', () => {
  it('lists one question deadline per presented lecture, in time order', () => {
    expect(deadlinesOf(get('question'), course)).toEqual([
      { meetingDate: '2024-08-28', dueAt: '2024-08-28T14:30:00.000Z' },
      { meetingDate: '2024-09-18', dueAt: '2024-09-18T14:30:00.000Z' },
      { meetingDate: '2024-10-30', dueAt: '2024-10-30T14:30:00.000Z' },
      { meetingDate: '2024-11-04', dueAt: '2024-11-04T15:30:00.000Z' },
    ]);
  });

  it('lists one deadline for a course-wide deliverable', () => {
    expect(deadlinesOf(get('code'), course)).toEqual([
      { meetingDate: null, dueAt: '2024-12-20T00:00:00.000Z' },
    ]);
  });
});
