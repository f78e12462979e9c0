// The demo course's deliverables, derived from its course model as the syllabus describes them.

import { describe, expect, it } from 'vitest';
import {
  SUMMARY_QUESTIONS,
  SUMMARY_TEMPLATE,
  deliverablesForCourse,
  presentedReadings,
  summaryQuestionsFrom,
} from '../../src/domain/demo-deliverables.js';
import { acceptsFileType, appliesToMeeting, type Deliverable } from '../../src/domain/deliverables.js';
import { dueAt } from '../../src/domain/due.js';
import { buildCourse, meetingOn } from './demo-course.js';

const course = buildCourse();
const list = deliverablesForCourse(course);
const get = (key: string): Deliverable => {
  const found = list.find((d) => d.key === key);
  if (!found) throw new Error(`no ${key}`);
  return found;
};
const due = (key: string, date?: string) =>
  dueAt(get(key).dueRule, course, date ? meetingOn(course, date) : null);

describe('the demo course hands in', () => {
  it('questions, slides, summary, proposal, mid-semester presentation, poster, final report and code', () => {
    expect(list.map((d) => d.key)).toEqual([
      'question',
      'slides',
      'summary',
      'proposal',
      'midterm-presentation',
      'poster',
      'final-report',
      'code',
    ]);
  });

  it('counts each toward its grade component', () => {
    expect(Object.fromEntries(list.map((d) => [d.key, d.component]))).toEqual({
      question: 'participation',
      slides: 'paper-presentation-discussion',
      summary: 'paper-summary',
      proposal: null,
      'midterm-presentation': 'project-presentations',
      poster: 'project-presentations',
      'final-report': 'project-report',
      code: 'project-report',
    });
  });
});

describe('"one insightful question for each presented paper before each class (up to 2 absences)"', () => {
  const question = get('question');

  it('is individual, one per presented reading, due when class starts, two misses free', () => {
    expect(question).toMatchObject({
      audience: 'individual',
      holder: 'everyone',
      perReading: true,
      allowance: 2,
      lateRule: 'reject',
      textAllowed: true,
    });
    expect(due('question', '2024-08-28')).toBe('2024-08-28T14:30:00.000Z');
  });

  it('asks about the required readings of student-presented lectures only', () => {
    expect(presentedReadings(meetingOn(course, '2024-08-28')).map((r) => r.title)).toEqual([
      'The Illustrated Transformer',
      'FlashAttention',
    ]);
    expect(appliesToMeeting(question, '2024-08-28')).toBe(true);
    expect(appliesToMeeting(question, '2024-08-26')).toBe(false); // the instructor's introduction
    expect(appliesToMeeting(question, '2024-09-16')).toBe(false); // no lecture
    expect(appliesToMeeting(question, '2024-10-21')).toBe(false); // mid-semester presentations
  });
});

describe('"slides … in *.pptx format at least 24 hours prior to the corresponding class"', () => {
  const slides = get('slides');

  it('are the presenting group’s, .pptx or .pdf, due 24 h before class, late flagged', () => {
    expect(slides).toMatchObject({ audience: 'group', holder: 'presenter', lateRule: 'flag' });
    expect(acceptsFileType(slides, 'pptx')).toBe(true);
    expect(acceptsFileType(slides, 'pdf')).toBe(true);
    expect(acceptsFileType(slides, 'zip')).toBe(false);
    expect(due('slides', '2024-11-04')).toBe('2024-11-03T15:30:00.000Z');
  });

  it('note that the presentation lasts at most 40 minutes', () => {
    expect(slides.notes).toContain('The presentation is at most 40 minutes.');
  });
});

describe('"the paper summary must be emailed within 24 hours after its presentation"', () => {
  const summary = get('summary');

  it('is the summarizing group’s, due 24 h after class ends, late = zero', () => {
    expect(summary).toMatchObject({
      audience: 'group',
      holder: 'summarizer',
      lateRule: 'zero',
      textAllowed: true,
    });
    expect(due('summary', '2024-11-04')).toBe('2024-11-05T16:45:00.000Z');
  });

  it('is written in Markdown or uploaded as PDF or DOCX', () => {
    expect(summary.fileRules?.types).toEqual(['pdf', 'docx', 'md']);
  });

  it("starts from the syllabus's five template questions", () => {
    expect(summaryQuestionsFrom(course)).toEqual(SUMMARY_QUESTIONS);
    expect(summary.template).toBe(SUMMARY_TEMPLATE);
    for (const q of SUMMARY_QUESTIONS) expect(SUMMARY_TEMPLATE).toContain(`## ${q}`);
    expect(SUMMARY_TEMPLATE.match(/^## /gm)).toHaveLength(6); // five questions + discussion notes
  });

  it('falls back to the constant template when the course has no summary policy', () => {
    const bare = deliverablesForCourse(buildCourse({ policies: [] }));
    expect(bare.find((d) => d.key === 'summary')?.template).toBe(SUMMARY_TEMPLATE);
    expect(bare.find((d) => d.key === 'slides')?.notes).toEqual([]);
  });
});

describe('the project', () => {
  it('"a 2-page draft proposal … by September 26": a group PDF due at the end of Sept 26 in Chicago, approved by staff', () => {
    expect(get('proposal')).toMatchObject({
      holder: 'group',
      needsApproval: true,
      fileRules: { types: ['pdf'] },
    });
    expect(due('proposal')).toBe('2024-09-27T04:59:59.999Z');
  });

  it('"present mid-semester progress on October 21 and October 23": slides from the groups staff put on each day, 24 h before', () => {
    const talk = get('midterm-presentation');
    expect(talk).toMatchObject({
      kind: 'presentation',
      holder: 'slot',
      meetingDates: ['2024-10-21', '2024-10-23'],
    });
    expect(due('midterm-presentation', '2024-10-23')).toBe('2024-10-22T14:30:00.000Z');
  });

  it('"Final Poster Presentations" Dec 4: the poster is due when the 10:30 session starts', () => {
    expect(due('poster')).toBe('2024-12-04T16:30:00.000Z');
  });

  it('"an 8-page final report … on or before 6:00PM on December 19": PDF, pages counted with a warning', () => {
    expect(get('final-report').fileRules).toMatchObject({ types: ['pdf'], maxPages: 8, pageLimit: 'warn' });
    expect(due('final-report')).toBe('2024-12-20T00:00:00.000Z');
  });

  it('"the code must be submitted as a zip file … must include a README": same deadline, README at root', () => {
    expect(get('code').fileRules).toMatchObject({ types: ['zip'], requireReadmeAtRoot: true });
    expect(due('code')).toBe('2024-12-20T00:00:00.000Z');
  });

  it('leaves out project deliverables whose milestone has no date rather than inventing one', () => {
    const keys = deliverablesForCourse(buildCourse({ milestones: [], meetings: [] })).map((d) => d.key);
    expect(keys).toEqual(['question', 'slides', 'summary']);
  });
});
