// The demo course's grade items, derived from its deliverables and roles as the syllabus describes them.

import { describe, expect, it } from 'vitest';
import { deliverablesForCourse } from '../../src/domain/demo-deliverables.js';
import { deriveGradeItems, type RoleHolding } from '../../src/domain/grade-items.js';
import { buildCourse } from './demo-course.js';

const course = buildCourse();
const deliverables = deliverablesForCourse(course);
const presented = course.meetings.filter((m) => m.needsPresenters && m.kind === 'lecture').slice(0, 2);
const roles: RoleHolding[] = [
  { meetingDate: presented[0]!.date, groupId: 'g-alpha', role: 'presenter' },
  { meetingDate: presented[0]!.date, groupId: 'g-beta', role: 'summarizer' },
  { meetingDate: presented[0]!.date, groupId: 'g-gamma', role: 'reviewer' },
  { meetingDate: presented[1]!.date, groupId: 'g-beta', role: 'presenter' },
];
const items = deriveGradeItems(course, deliverables, roles);
const get = (key: string) => {
  const found = items.find((i) => i.key === key);
  if (!found) throw new Error(`no ${key} among ${items.map((i) => i.key).join(', ')}`);
  return found;
};

describe('grade items of the demo course', () => {
  it('one per presented class, per summary, the proposal, the final report with its code, the talks, participation', () => {
    const d0 = presented[0]!.date;
    const d1 = presented[1]!.date;
    expect(items.map((i) => i.key)).toEqual([
      'participation',
      `presentation@${d0}`,
      `presentation@${d1}`,
      `summary@${d0}`,
      'proposal',
      'midterm-presentation',
      'poster',
      'final-report',
    ]);
    expect(get(`presentation@${d0}`).groupIds).toEqual(['g-alpha']);
    expect(get(`summary@${d0}`).groupIds).toEqual(['g-beta']);
    expect(get('final-report').deliverableKeys).toEqual(['final-report', 'code']);
    expect(get('final-report').title).toBe('Final report and code');
  });

  it('names a class item by the class title, else its first paper, with the date once', () => {
    const untitled = { ...presented[0]!, title: null };
    const titled = { ...presented[0]!, title: 'Scaling laws' };
    const noPapers = { ...presented[0]!, title: null, readings: [] };
    const titleOf = (meeting: (typeof course.meetings)[number]) =>
      deriveGradeItems({ ...course, meetings: [meeting] }, deliverables, roles).find(
        (i) => i.key === `presentation@${meeting.date}`,
      )!.title;
    expect(titleOf(untitled)).toBe(`Presentation: ${untitled.readings[0]!.title} (${untitled.date})`);
    expect(titleOf(titled)).toBe(`Presentation: Scaling laws (${titled.date})`);
    expect(titleOf(noPapers)).toBe(`Presentation: ${noPapers.date}`);
  });

  it('puts each item in the category of its component, the proposal with the report', () => {
    expect(Object.fromEntries(items.map((i) => [i.key.split('@')[0], i.categoryKey]))).toEqual({
      participation: course.components[0]!.key,
      presentation: course.components[1]!.key,
      summary: course.components[2]!.key,
      proposal: course.components[3]!.key,
      'final-report': course.components[3]!.key,
      'midterm-presentation': course.components[4]!.key,
      poster: course.components[4]!.key,
    });
  });

  it('scores summaries on the five summary questions and talks on the presentation rubric, without a hand-in to wait for', () => {
    const summary = get(`summary@${presented[0]!.date}`);
    expect(summary.pointsPossible).toBe('20');
    expect(summary.rubric!.map((c) => c.key)).toEqual([
      'problem',
      'related-work',
      'solution',
      'limitations',
      'future',
    ]);
    expect(summary.handIn).toBe(true);
    const talk = get(`presentation@${presented[0]!.date}`);
    expect(talk.pointsPossible).toBe('100');
    expect(talk.handIn).toBe(false);
    expect(get('midterm-presentation').rubric).not.toBeNull();
    expect(get('proposal').pointsPossible).toBe('10');
  });
});
