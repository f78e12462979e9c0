// Shapes real syllabi are written in (issue 12): legends that flip the default, years from the document, week-based
// schedules, lecture times, time zones. Each fixture is ours, with hand-counted expectations.
import { describe, expect, it } from 'vitest';
import { parseSyllabus } from '../../src/syllabus/index.js';
import { NO_ZONE, fixturePath, meetingOn, parseOk, readText } from './helpers.js';

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
      NO_ZONE,
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
    expect(warnings[1]!.message).toBe(
      'The schedule gives no year; 2018 was taken from the title ("Philosophy of Mind (Fall 2018)"), but the weekdays fit 2023 better. Pass the year to be sure.',
    );
  });

  it("says nothing when the title's term and the weekdays agree", () => {
    const { course, warnings } = parseOk(`# Philosophy of Mind (Fall 2017)\n\n## Schedule\n\n${table}`);
    expect(course.meetings[0]!.date).toBe('2017-09-06');
    expect(warnings).toEqual([NO_ZONE]);
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
      NO_ZONE,
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
    // Line 9: two classes from one row, and Aug 28 and 30 2024 are a Wednesday and a Friday, not Tue/Thu.
    expect(warnings.map((w) => w.line)).toEqual([1, 9, 9, 9, 10]);
  });
});

describe('lecture days and times as people write them', () => {
  it('reads "Lectures: Mondays 14:00-15:30, HG E 1.1, …" (a plain label), day-first dates and "HS 2024"', () => {
    const { course } = load('mondays-zurich.md');
    expect(course.pattern).toEqual({ days: [1], startTime: '14:00', endTime: '15:30' });
    expect(course.location).toBe('HG E 1.1, ETH Zentrum, Zurich');
    expect(course.term).toEqual({ season: 'Fall', year: 2024 });
    expect(course.title).toBe('Seminar in Machine Learning Theory');
    expect(counts(course)).toEqual({ meetings: 5, readings: 4, required: 0 });
    expect(course.meetings.map((m) => m.date)).toEqual([
      '2024-09-16',
      '2024-09-23',
      '2024-09-30',
      '2024-10-07',
      '2024-10-14',
    ]);
    expect(course.staff.map((s) => [s.name, s.role])).toEqual([
      ['Prof. Anna Keller', 'instructor'],
      ['Jonas Meier', 'ta'],
    ]);
  });

  it.each([
    ['TTh 10:30 AM – 12:00 PM, Room 1404', [2, 4], '10:30', '12:00', 'Room 1404'],
    ['**Lectures**: Tue/Thu 3:30-4:45pm in Gates G01', [2, 4], '15:30', '16:45', 'Gates G01'],
    ['MW 9:30–10:45, Siebel 0216', [1, 3], '09:30', '10:45', 'Siebel 0216'],
    ['Lectures: Mondays 14:00-15:30, Lecture Hall B', [1], '14:00', '15:30', 'Lecture Hall B'],
    [
      'Meets Mondays and Wednesdays, 1:00–2:15 PM, Humanities Hall 210.',
      [1, 3],
      '13:00',
      '14:15',
      'Humanities Hall 210',
    ],
    ['**When**: M/W 4:00 - 5:15 p.m.', [1, 3], '16:00', '17:15', null],
    ['Lecture: Wed 10:00–11:30 (CET), Room 2.14', [3], '10:00', '11:30', 'Room 2.14'],
  ])('reads "%s"', (line, days, startTime, endTime, location) => {
    const { course } = parseOk(
      `# Seminar (Fall 2024)\n\n${line}\n\n## Schedule\n\n| Date | Topic |\n|---|---|\n| Sep 9 | A |\n`,
    );
    expect(course.pattern).toEqual({ days, startTime, endTime });
    expect(course.location).toBe(location);
  });
});

describe('the time zone from the document, else the course default, saying which', () => {
  it('takes America/New_York from "5 PM EST", reads AoE deadlines in UTC−12, and says both', () => {
    const { course, warnings } = load('deadlines-est.md');
    expect(course.timeZone).toBe('America/New_York');
    expect(counts(course)).toEqual({ meetings: 4, readings: 5, required: 4 });
    expect(course.pattern).toEqual({ days: [1, 3], startTime: '09:30', endTime: '10:45' });
    expect(course.milestones.map((m) => [m.key, m.dueAt])).toEqual([
      ['proposal', '2025-02-14T22:00:00.000Z'],
      ['final-report', '2025-05-10T11:59:59.999Z'],
    ]);
    expect(warnings).toEqual([
      {
        line: 6,
        message:
          'Deadlines written "AoE" (anywhere on Earth) are read at that time in UTC−12; the classes keep the course\'s zone.',
      },
      {
        line: 6,
        message:
          'The course\'s time zone is America/New_York, from "5 PM EST" on this line (instead of the default America/Chicago).',
      },
      { line: 20, message: 'The deadline is stated in AoE; it was read as 23:59 Etc/GMT+12.' },
    ]);
  });

  it('takes the zone of the campus city when no time names one', () => {
    const { course, warnings } = load('mondays-zurich.md');
    expect(course.timeZone).toBe('Europe/Zurich');
    expect(warnings).toEqual([
      {
        line: 3,
        message:
          'The course\'s time zone is Europe/Zurich, from "Zurich" on this line (instead of the default America/Chicago).',
      },
    ]);
  });

  it('keeps a zone the user fixed, and says what the syllabus suggests', () => {
    const r = parseSyllabus(readText(fixturePath('deadlines-est.md')), {
      timeZone: 'America/Chicago',
      timeZoneFixed: true,
    });
    expect(r.ok && r.course.timeZone).toBe('America/Chicago');
    expect(r.ok && r.warnings.map((w) => w.message)).toContain(
      '"5 PM EST" suggests America/New_York, but the time zone given, America/Chicago, is used.',
    );
  });

  it('uses the course default when the syllabus names none, and says so', () => {
    const { course, warnings } = load('legend-o-marks.md');
    expect(course.timeZone).toBe('America/Chicago');
    expect(warnings[0]).toEqual(NO_ZONE);
  });
});
