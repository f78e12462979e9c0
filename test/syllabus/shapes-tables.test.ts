// Shapes real syllabi are written in (issue 12), second part: tables that are not the schedule, readings written
// around links, several rows of one date, other schedule shapes, and what a refusal still says and keeps.
import { describe, expect, it } from 'vitest';
import type { CourseModel } from '../../src/domain/course.js';
import { parseSyllabus } from '../../src/syllabus/index.js';
import { fixturePath, meetingOn, parseOk, readText } from './helpers.js';

const load = (name: string) => parseOk(readText(fixturePath(name)));
const counts = (course: CourseModel) => {
  const all = course.meetings.flatMap((m) => m.readings);
  return {
    meetings: course.meetings.length,
    readings: all.length,
    required: all.filter((r) => r.required).length,
  };
};

describe('tables that are not the schedule, and days that are not classes', () => {
  const { course, warnings } = load('deadlines-teams-breaks.md');

  it('reads the "Summary of Deadlines" as milestones (end of day, or the time written), not as meetings', () => {
    expect(course.milestones.map((m) => [m.key, m.title, m.dueAt, m.meetingDates])).toEqual([
      ['team-building', 'Team building', '2024-11-16T05:59:59.999Z', []],
      ['project-proposal', 'Project proposal', '2024-11-22T23:00:00.000Z', []],
      ['final-report', 'Final report', '2024-12-14T05:59:59.999Z', []],
    ]);
    expect(course.meetings.map((m) => m.date)).not.toContain('2024-11-15');
    expect(course.meetings.map((m) => m.date)).not.toContain('2024-12-13');
  });

  it('leaves the project-team table in the text, and gives no reading for "Format TBD", "No lecture" or "Thanksgiving holidays"', () => {
    expect(counts(course)).toEqual({ meetings: 7, readings: 4, required: 0 });
    expect(course.policies.map((p) => p.title)).toEqual(['Summary of Deadlines', 'Project Teams']);
    expect(course.policies[1]!.markdown).toContain('| 1 | Ana Ruiz, Bo Chen |');
    expect(meetingOn(course, '2024-11-14')).toMatchObject({
      kind: 'lecture',
      readings: [],
      notes: ['Format TBD'],
    });
    expect(course.meetings.map((m) => [m.date, m.kind, m.readings.length, m.notes])).toEqual([
      ['2024-11-12', 'lecture', 1, []],
      ['2024-11-14', 'lecture', 0, ['Format TBD']],
      ['2024-11-19', 'lecture', 2, []],
      ['2024-11-21', 'no_class', 0, ['No lecture (instructor travelling)']],
      ['2024-11-26', 'no_class', 0, ['Thanksgiving holidays']],
      ['2024-11-28', 'no_class', 0, ['Thanksgiving holidays']],
      ['2024-12-03', 'lecture', 1, []],
    ]);
  });

  it('takes the zone of "Urbana" (the default here), so says nothing about it', () => {
    expect(course.timeZone).toBe('America/Chicago');
    expect(warnings).toEqual([]);
  });
});

describe('readings written around links', () => {
  const { course, warnings } = load('papers-around-links.md');

  it('reads "Paper 1 / Paper 2 / Paper 3" columns all as readings, and "[Scaling]" as the topic', () => {
    expect(counts(course)).toEqual({ meetings: 4, readings: 7, required: 3 });
    expect(course.meetings.map((m) => [m.title, m.readings.length])).toEqual([
      ['Scaling', 2],
      ['Reasoning', 3],
      ['Alignment', 2],
      ['Q&A with the authors', 0],
    ]);
  });

  it('keeps the link of "(Required) Section 1 of [Title](url)" and gives "[[pdf]](url)" and "[slides](url)" to the title before them', () => {
    expect(meetingOn(course, '2025-01-10').readings[1]).toEqual({
      title: 'Training Compute-Optimal Large Language Models',
      url: 'https://example.org/fm/chinchilla.pdf',
      required: false,
      note: null,
    });
    expect(meetingOn(course, '2025-01-17').readings).toEqual([
      {
        title: 'Chain-of-Thought Prompting Elicits Reasoning',
        url: 'https://example.org/fm/cot.pdf',
        required: true,
        note: 'Section 1',
      },
      {
        title: 'Self-Consistency Improves Chain of Thought Reasoning',
        url: 'https://example.org/fm/sc-slides.pdf',
        required: false,
        note: null,
      },
      {
        title: 'Tree of Thoughts',
        url: 'https://example.org/fm/tot.pdf',
        required: false,
        note: '[[code]](https://example.org/fm/tot-code)',
      },
    ]);
    expect(course.timeZone).toBe('America/Los_Angeles');
    expect(warnings.map((w) => w.line)).toEqual([3]);
  });

  it('gives no readings for a schedule of topics only: each topic is the class title', () => {
    const { course: topics, warnings: w } = load('topics-only.md');
    expect(counts(topics)).toEqual({ meetings: 6, readings: 0, required: 0 });
    expect(topics.meetings.map((m) => [m.date, m.title, m.notes])).toEqual([
      ['2025-01-22', 'Intro to federated learning', []],
      ['2025-01-27', 'Optimization: FedAvg and its variants', []],
      ['2025-01-29', 'Statistical heterogeneity', []],
      ['2025-02-03', 'Differential privacy basics', []],
      ['2025-02-05', 'Secure aggregation', []],
      ['2025-02-10', 'Q&A', []],
    ]);
    expect(w).toEqual([]);
  });
});

describe('one meeting written over several rows of the same date', () => {
  it('makes consecutive rows of one date one meeting, its readings in order and presenters joined', () => {
    const { course, warnings } = load('one-date-several-rows.md');
    expect(counts(course)).toEqual({ meetings: 4, readings: 5, required: 3 });
    expect(course.meetings.map((m) => [m.date, m.readings.length, m.extra])).toEqual([
      ['2024-09-05', 0, { Presenter: 'Lucia Ortiz' }],
      ['2024-09-12', 2, { Presenter: 'Alice Hart<br>Ben Okafor' }],
      ['2024-09-19', 1, { Presenter: 'Chen Wei' }],
      ['2024-09-26', 2, { Presenter: 'Dana Cruz<br>Eli Novak<br>Farah Haddad (discussant)' }],
    ]);
    expect(meetingOn(course, '2024-09-12').readings.map((r) => [r.title, r.required])).toEqual([
      ['Microstructure of a Spatial Map in the Entorhinal Cortex', true],
      ['The Hippocampus as a Spatial Map', false],
    ]);
    expect(course.pattern).toEqual({ days: [4], startTime: '16:00', endTime: '17:30' });
    expect(warnings).toEqual([]);
  });
});

describe('other schedule shapes', () => {
  it('reads a bulleted list nested by week: weeks as units, dated sub-items as classes, deeper items as readings', () => {
    const { course, warnings } = load('nested-weeks.md');
    expect(counts(course)).toEqual({ meetings: 6, readings: 5, required: 3 });
    expect(course.units.map((u) => u.title)).toEqual(['Week 1', 'Week 2', 'Week 3']);
    expect(course.meetings.map((m) => [m.date, m.kind, m.title, m.unit, m.readings.length])).toEqual([
      ['2024-09-03', 'lecture', 'Introduction', 'Week 1', 0],
      ['2024-09-05', 'lecture', 'Lambda calculus', 'Week 1', 1],
      ['2024-09-10', 'lecture', 'Compositionality', 'Week 2', 2],
      ['2024-09-12', 'lecture', 'Distributional semantics', 'Week 2', 1],
      ['2024-09-17', 'no_class', 'No class (instructor at a conference)', 'Week 3', 0],
      ['2024-09-19', 'lecture', 'Neural semantic parsing', 'Week 3', 1],
    ]);
    expect(course.pattern).toEqual({ days: [2, 4], startTime: '09:30', endTime: '10:45' });
    expect(warnings).toEqual([]);
  });

  it('reads a Jekyll page: front matter for the title and term, Liquid lines ignored, a definition list as the schedule', () => {
    const { course, warnings } = load('jekyll-definition-list.md');
    expect([course.code, course.title, course.term]).toEqual([
      'CS 6120',
      'Advanced Compilers',
      { season: 'Spring', year: 2025 },
    ]);
    expect(counts(course)).toEqual({ meetings: 4, readings: 4, required: 2 });
    expect(course.meetings.map((m) => [m.date, m.title, m.notes])).toEqual([
      ['2025-01-22', 'Welcome', ['Course overview and logistics.']],
      ['2025-01-27', 'Static single assignment', []],
      ['2025-01-29', 'Dataflow analysis', []],
      ['2025-02-03', 'Loop optimizations', []],
    ]);
    expect(meetingOn(course, '2025-01-27').readings[0]).toEqual({
      title: 'Efficiently Computing Static Single Assignment Form',
      url: '/papers/cytron.pdf',
      required: true,
      note: null,
    });
    expect(course.forum?.url).toBe('https://cs6120.zulipchat.com');
    expect(course.policies.map((p) => p.markdown).join('\n')).not.toMatch(/\{%|\{:|layout:/);
    expect(warnings).toEqual([
      {
        line: 9,
        message:
          'The course\'s time zone is America/New_York, from "Ithaca" on this line (instead of the default America/Chicago).',
      },
    ]);
  });
});

describe('what a refusal says and still reads', () => {
  it('names the shape it looked for, counts the undated table, and still reads the header, staff and policies', () => {
    const r = parseSyllabus(readText(fixturePath('refused-numbered-lectures.md')), {
      timeZone: 'America/Chicago',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('not_a_syllabus');
    expect(r.error.message).toBe(
      'This does not look like a course syllabus: it has no schedule table with dated class meetings. Its one table has no column of dates. Looked for: a Markdown or HTML table, a definition list or a bulleted list whose rows begin with a date ("Sep 3", "9/3", "2024-09-03") or a week with a first day of classes ("Week 3 (Tue)").',
    );
    const partial = r.partial!.course;
    expect([partial.code, partial.title, partial.term]).toEqual([
      'STAT 541',
      'Bayesian Data Analysis',
      { season: 'Spring', year: 2025 },
    ]);
    expect(partial.staff.map((s) => [s.name, s.role])).toEqual([
      ['Prof. Ingrid Halvorsen', 'instructor'],
      ['Marcus Bell', 'ta'],
    ]);
    expect(partial.pattern).toEqual({ days: [2, 4], startTime: '14:00', endTime: '15:15' });
    expect(partial.meetings).toEqual([]);
    expect(partial.policies.map((p) => p.title)).toContain('Policies');
  });

  it('reports text it could not place with its line', () => {
    const md = readText(fixturePath('refused-numbered-lectures.md'))
      .replace('| 1 |', '| Jan 21 |')
      .replace('| 2 |', '| Jan 23 |');
    const { course, warnings } = parseOk(md);
    expect(course.meetings.map((m) => m.date)).toEqual(['2025-01-21', '2025-01-23']);
    expect(warnings).toContainEqual({
      line: 9,
      message:
        'Schedule text not placed in the course model: "The order of topics may change; dates will be announced in class."',
    });
    expect(warnings).toContainEqual({
      line: 15,
      message: 'Could not read the date "3"; the row was skipped.',
    });
  });
});
