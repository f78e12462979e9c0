// Shapes real syllabi are written in (issue 12): legends that flip the default, years from the document, week-based
// schedules, lecture times, time zones. Each fixture is ours, with hand-counted expectations.
import { describe, expect, it } from 'vitest';
import { parseSyllabus } from '../../src/syllabus/index.js';
import { fixturePath, meetingOn, parseOk, readText } from './helpers.js';

const load = (name: string) => parseOk(readText(fixturePath(name)));
const counts = (course: ReturnType<typeof load>['course']) => {
  const all = course.meetings.flatMap((m) => m.readings);
  return {
    meetings: course.meetings.length,
    readings: all.length,
    required: all.filter((r) => r.required).length,
  };
};

describe('a legend that flips the default: "mandatory unless otherwise specified", "(O) marks an optional reading"', () => {
  const { course, warnings } = load('legend-o-marks.md');

  it('makes unmarked readings required and "(O)" / "[O]", before or after, optional', () => {
    expect(counts(course)).toEqual({ meetings: 5, readings: 9, required: 5 });
    expect(meetingOn(course, '2025-01-23').readings.map((r) => [r.title, r.url, r.required])).toEqual([
      ['Cache Replacement Revisited', 'https://example.edu/p/cache.pdf', true],
      ['Victim Buffers', 'https://example.edu/p/victim.pdf', false],
    ]);
    expect(meetingOn(course, '2025-01-28').readings.map((r) => r.required)).toEqual([true, false]);
    expect(meetingOn(course, '2025-01-30').readings.map((r) => [r.title, r.required, r.note])).toEqual([
      ['Perceptron Predictors', true, null],
      ['TAGE', true, null],
      ['Loop Predictors', false, null],
    ]);
    expect(meetingOn(course, '2025-01-21').readings[0]!.required).toBe(false);
  });

  it('says on the legend line what it read', () => {
    expect(warnings).toEqual([
      { line: 8, message: 'Reading legend: readings without a mark are required; (O) marks optional ones.' },
    ]);
  });
});

describe('years from the document, checked against the weekdays', () => {
  it('takes the year of "due September 11, 2017" for a schedule of "Sep 6", and says where it came from', () => {
    const { course, warnings } = load('year-from-sentence.md');
    expect(counts(course)).toEqual({ meetings: 6, readings: 6, required: 5 });
    expect(course.meetings.map((m) => m.date)).toEqual([
      '2017-09-06',
      '2017-09-11',
      '2017-09-13',
      '2017-09-18',
      '2017-09-20',
      '2017-09-25',
    ]);
    expect(course.pattern).toEqual({ days: [1, 3], startTime: '13:00', endTime: '14:15' });
    expect(course.milestones.map((m) => [m.key, m.dueAt])).toEqual([['essay', '2017-12-08T18:00:00.000Z']]);
    expect(warnings).toContainEqual({
      line: 15,
      message:
        'The schedule gives no year; 2017 was taken from the date on line 24 ("September 11, 2017") and the weekdays agree.',
    });
  });

  const table = '| Date | Topic |\n| --- | --- |\n| Wed Sep 6 | Intro |\n| Mon Sep 11 | Dualism |\n';

  it('takes a term written in the text ("offered in Fall 2017"), not only in the title', () => {
    const md = `# Philosophy of Mind\n\nIntro.\n\n## About\n\n${'Text.\n\n'.repeat(10)}This course is offered in Fall 2017.\n\n## Schedule\n\n${table}`;
    const { course, warnings } = parseOk(md);
    expect(course.meetings.map((m) => m.date)).toEqual(['2017-09-06', '2017-09-11']);
    expect(warnings.map((w) => w.message)).toContain(
      'The schedule gives no year; 2017 was taken from the term on line 27 ("Fall 2017") and the weekdays agree.',
    );
  });

  it("keeps the title's year when the weekdays disagree, and says which year they fit (never the current one)", () => {
    const { course, warnings } = parseOk(`# Philosophy of Mind (Fall 2018)\n\n## Schedule\n\n${table}`);
    expect(course.meetings[0]!.date).toBe('2018-09-06');
    expect(warnings[0]!.message).toBe(
      'The schedule gives no year; 2018 was taken from the title ("Philosophy of Mind (Fall 2018)"), but the weekdays fit 2023 better. Pass the year to be sure.',
    );
  });

  it("says nothing when the title's term and the weekdays agree", () => {
    const { course, warnings } = parseOk(`# Philosophy of Mind (Fall 2017)\n\n## Schedule\n\n${table}`);
    expect(course.meetings[0]!.date).toBe('2017-09-06');
    expect(warnings).toEqual([]);
  });
});

describe('week-based schedules', () => {
  const weekly = readText(fixturePath('weeks-tue-thu.md'));

  it('dates "Week 1 (Tue)", "W2 Thu" and "Week 3" from "Classes begin on Tuesday, August 28" and the term', () => {
    const { course, warnings } = parseOk(weekly);
    expect(counts(course)).toEqual({ meetings: 6, readings: 7, required: 0 });
    expect(course.meetings.map((m) => [m.date, m.title])).toEqual([
      ['2018-08-28', 'Introduction'],
      ['2018-08-30', 'Column stores'],
      ['2018-09-04', 'Query compilation'],
      ['2018-09-06', 'Indexing'],
      ['2018-09-11', 'Concurrency control'],
      ['2018-09-20', 'Recovery'],
    ]);
    expect(warnings).toEqual([
      {
        line: 6,
        message:
          'The schedule is written by weeks; week 1 starts on 2018-08-28, the first day of classes given here.',
      },
      {
        line: 16,
        message:
          "Rows name a week but not its class day; each was read as one class on the week's first class day (of Tuesday and Thursday).",
      },
    ]);
  });

  it('takes the first day of classes from the start option over the text', () => {
    const r = parseSyllabus(weekly, { timeZone: 'America/Chicago', start: '2018-09-04' });
    expect(r.ok && r.course.meetings.map((m) => m.date)).toEqual([
      '2018-09-04',
      '2018-09-06',
      '2018-09-11',
      '2018-09-13',
      '2018-09-18',
      '2018-09-27',
    ]);
  });

  it('refuses a week schedule with no first day of classes, naming what it looked for', () => {
    const r = parseSyllabus(weekly.replace('Classes begin on Tuesday, August 28.', ''), {
      timeZone: 'America/Chicago',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/by weeks.*when classes begin.*--start/);
  });

  it('reads "Week of Sep 9" as the first class day of that week, and "Sep 3 & 5" / "28/30 Aug" as two classes', () => {
    const md = [
      '# Seminar (Fall 2024)',
      '',
      '**Lectures**: TTh 10:30 AM – 12:00 PM, Room 101',
      '',
      '## Schedule',
      '',
      '| Date | Topic | Readings |',
      '| --- | --- | --- |',
      '| 28/30 Aug | Introduction | [A](https://e.org/a) |',
      '| Sep 3 & 5 | Storage | [B](https://e.org/b) |',
      '| Week of Sep 9 | Networks | [C](https://e.org/c) |',
    ].join('\n');
    const { course, warnings } = parseOk(md);
    expect(course.pattern).toEqual({ days: [2, 4], startTime: '10:30', endTime: '12:00' });
    expect(course.meetings.map((m) => [m.date, m.title, m.readings.map((r) => r.title)])).toEqual([
      ['2024-08-28', 'Introduction', ['A']],
      ['2024-08-30', 'Introduction', []],
      ['2024-09-03', 'Storage', ['B']],
      ['2024-09-05', 'Storage', []],
      ['2024-09-10', 'Networks', ['C']],
    ]);
    expect(warnings.map((w) => w.line)).toEqual([9, 9, 9, 10]);
  });
});
