// Syllabi written in other shapes than the demo: each fixture under test/fixtures/syllabi, counted by hand.
import { describe, expect, it } from 'vitest';
import { NO_ZONE, fixturePath, meetingOn, parseOk, readText } from './helpers.js';

const load = (name: string) => parseOk(readText(fixturePath(name)));

describe('a Tu/Th spring course whose table has no outer pipes, tabs and ragged rows', () => {
  const { course, warnings } = load('spring-tuth-no-outer-pipes.md');

  it('reads "TTh 2:00-3:15 PM", the room, the term and the code', () => {
    expect(course.pattern).toEqual({ days: [2, 4], startTime: '14:00', endTime: '15:15' });
    expect(course.location).toBe('1302 Everitt Lab');
    expect(course.term).toEqual({ season: 'Spring', year: 2025 });
    expect(course.code).toBe('ECE 512');
    expect(course.title).toBe('Data Center Systems Seminar');
  });

  it('reads staff from "**Instructor**:" and "**TAs**:" lines, the Ed forum and a bare e-mail', () => {
    expect(course.staff).toEqual([
      {
        name: 'Ada Byron',
        url: 'https://ada.example.edu/',
        netId: 'abyron',
        role: 'instructor',
        officeHours: 'Tu 4:00-5:00 PM',
        officeLocation: '3210 Everitt Lab',
      },
      {
        name: 'Grace Hopper',
        url: null,
        netId: 'ghopper',
        role: 'ta',
        officeHours: null,
        officeLocation: null,
      },
      {
        name: 'Alan Turing',
        url: null,
        netId: 'aturing',
        role: 'ta',
        officeHours: null,
        officeLocation: null,
      },
    ]);
    expect(course.forum).toEqual({ label: 'Ed Discussion', url: 'https://edstem.org/us/courses/51234' });
    expect(course.staffEmail).toBe('ece512-staff@example.edu');
  });

  it('reads ten meetings from "Tue 1/21", "Jan 23", "March 4" and "Mar 6" alike', () => {
    expect(course.meetings.map((m) => m.date)).toEqual([
      '2025-01-21',
      '2025-01-23',
      '2025-01-28',
      '2025-01-30',
      '2025-03-04',
      '2025-03-06',
      '2025-03-11',
      '2025-03-13',
      '2025-03-18',
      '2025-03-20',
    ]);
  });

  it('takes titles from the Topic column and keeps Presenter, Reviewer and Notes as data', () => {
    expect(meetingOn(course, '2025-01-23').title).toBe('Warehouse-scale storage');
    expect(meetingOn(course, '2025-01-23').extra).toEqual({ Presenter: 'Team A', Reviewer: 'Team B' });
    expect(meetingOn(course, '2025-01-28').extra).toEqual({
      Presenter: 'Team B',
      Reviewer: 'Team C',
      Notes: 'slides due Monday',
    });
    expect(meetingOn(course, '2025-03-06').extra).toEqual({ Presenter: 'Team B' });
    expect(meetingOn(course, '2025-01-21').extra).toEqual({});
  });

  it('reads the tab-separated row like any other', () => {
    expect(meetingOn(course, '2025-01-28').readings.map((r) => [r.title, r.required])).toEqual([
      ['Borg', true],
      ['Omega', false],
    ]);
  });

  it('keeps the text of a row with one cell too many as a note and warns with the line', () => {
    expect(meetingOn(course, '2025-01-30').notes).toEqual(['bring a laptop']);
    expect(warnings).toContainEqual({ line: 22, message: expect.stringContaining('7 cells') as string });
  });

  it('marks Spring Break as no class and the exam as a lecture nobody presents', () => {
    expect(course.meetings.filter((m) => m.kind === 'no_class').map((m) => m.date)).toEqual([
      '2025-03-11',
      '2025-03-13',
    ]);
    const exam = meetingOn(course, '2025-03-18');
    expect([exam.kind, exam.needsPresenters, exam.extra]).toEqual([
      'lecture',
      false,
      { Notes: 'closed book' },
    ]);
    expect(course.meetings.filter((m) => m.needsPresenters)).toHaveLength(6);
  });

  it('counts 11 readings, 7 required', () => {
    const all = course.meetings.flatMap((m) => m.readings);
    expect(all).toHaveLength(11);
    expect(all.filter((r) => r.required)).toHaveLength(7);
  });

  it('reads grading written as a list', () => {
    expect(course.components).toEqual([
      { key: 'participation', name: 'Participation', weight: 10 },
      { key: 'paper-presentations', name: 'Paper presentations', weight: 30 },
      { key: 'reviews', name: 'Reviews', weight: 20 },
      { key: 'project', name: 'Project', weight: 40 },
    ]);
  });

  it('reads "due Feb 14" and "due by May 9 at 5 PM" from the project text, and teams of up to 3', () => {
    expect(course.milestones.map((m) => [m.key, m.dueAt])).toEqual([
      ['proposal', '2025-02-15T05:59:59.999Z'],
      ['final-report', '2025-05-09T22:00:00.000Z'],
    ]);
    expect(course.groupSize).toEqual({ min: 1, max: 3 });
    expect(course.policies.map((p) => p.slug)).toEqual(['late-policy', 'project']);
    expect(course.description).toBe('We read one systems paper per class and argue about it.');
  });
});

describe('a winter course that crosses the new year, one reading per row', () => {
  const { course, warnings } = load('winter-crossing-year.md');

  it('rolls Dec into Jan of the next year', () => {
    expect(course.term).toEqual({ season: 'Winter', year: 2024 });
    expect(course.meetings.map((m) => m.date)).toEqual([
      '2024-12-03',
      '2024-12-05',
      '2024-12-10',
      '2024-12-24',
      '2024-12-26',
      '2025-01-07',
      '2025-01-09',
      '2025-01-14',
    ]);
    expect(warnings).toEqual([NO_ZONE]);
  });

  it('reads "Tuesday/Thursday 14:00–15:15"', () => {
    expect(course.pattern).toEqual({ days: [2, 4], startTime: '14:00', endTime: '15:15' });
    expect(course.location).toBe('Room 210');
  });

  it('gathers blank-date continuation rows into the meeting above, in order', () => {
    expect(meetingOn(course, '2024-12-05').readings).toEqual([
      { title: 'Paxos Made Simple', url: 'https://example.org/paxos.pdf', required: true, note: null },
      { title: 'Raft', url: 'https://example.org/raft.pdf', required: false, note: null },
      {
        title: 'Viewstamped Replication Revisited',
        url: 'https://example.org/vr.pdf',
        required: true,
        note: null,
      },
    ]);
    expect(meetingOn(course, '2024-12-05').extra).toEqual({ Presenter: 'Lin' });
  });

  it('reads an empty () link as a reading without url', () => {
    expect(meetingOn(course, '2024-12-10').readings[1]).toEqual({
      title: 'TrueTime notes',
      url: null,
      required: false,
      note: null,
    });
  });

  it('knows winter break, buffer and final presentations', () => {
    expect(course.meetings.map((m) => m.kind)).toEqual([
      'lecture',
      'lecture',
      'lecture',
      'no_class',
      'no_class',
      'lecture',
      'buffer',
      'presentations',
    ]);
    expect(course.meetings.map((m) => m.needsPresenters)).toEqual([
      false,
      true,
      true,
      false,
      false,
      true,
      false,
      false,
    ]);
  });

  it('reads "due on Jan 10 by 5:00 PM" in the next calendar year', () => {
    expect(course.milestones.map((m) => [m.key, m.dueAt, m.meetingDates])).toEqual([
      ['project', '2025-01-10T23:00:00.000Z', []],
      ['final-presentations', null, ['2025-01-14']],
    ]);
    expect(course.groupSize).toEqual({ min: 2, max: 2 });
  });
});

describe('a syllabus whose legend says unmarked readings are mandatory', () => {
  const { course, warnings } = load('legend-unmarked-mandatory.md');

  it('reads "Sep 06", "Sept 8", "Sep  11", "September 13" and "Sep. 15"', () => {
    expect(course.meetings.map((m) => m.date)).toEqual([
      '2023-09-06',
      '2023-09-08',
      '2023-09-11',
      '2023-09-13',
      '2023-09-15',
    ]);
    expect(course.pattern?.days).toEqual([1, 3, 5]);
  });

  it('makes unmarked readings required and (Optional) ones, prefix or suffix, with or without a space, optional', () => {
    expect(meetingOn(course, '2023-09-08').readings.map((r) => [r.title, r.required])).toEqual([
      ['Paxos Made Simple', true],
      ['Paxos Made Live', false],
      ['Raft', false],
    ]);
    expect(meetingOn(course, '2023-09-13').readings).toEqual([
      { title: 'Calvin', url: 'https://example.org/calvin', required: false, note: null },
      { title: 'Spanner', url: 'https://example.org/spanner', required: true, note: 'Sections 1-3' },
    ]);
  });

  it('reads readings without links', () => {
    expect(meetingOn(course, '2023-09-11').readings).toEqual([
      { title: 'The Google File System', url: null, required: true, note: null },
      { title: 'Bigtable: A Distributed Storage System', url: null, required: false, note: null },
      { title: 'MapReduce', url: null, required: true, note: null },
    ]);
  });

  it('counts 8 readings, 4 required; keeps the slides line as a note; Study Break has no class', () => {
    const all = course.meetings.flatMap((m) => m.readings);
    expect([all.length, all.filter((r) => r.required).length]).toEqual([8, 4]);
    expect(meetingOn(course, '2023-09-06').notes).toEqual(['Course overview slides']);
    expect(meetingOn(course, '2023-09-15')).toMatchObject({ kind: 'no_class', title: 'Study Break' });
    expect(warnings.map((w) => w.line)).toEqual([1, 7]);
  });
});

describe('numeric dates, bold topic rows and a table of staff with e-mails', () => {
  const { course, warnings } = load('numeric-dates-2019.md');

  it('takes the year from "1/23/19" and reads "1/28", "2/4/2019" and "Tue 2/6"', () => {
    expect(course.term).toBeNull();
    expect(course.meetings.map((m) => m.date)).toEqual([
      '2019-01-23',
      '2019-01-28',
      '2019-01-30',
      '2019-02-04',
      '2019-02-06',
      '2019-02-11',
    ]);
  });

  it('turns bold rows in the date column into units', () => {
    expect(course.units.map((u) => u.title)).toEqual(['Part I: Foundations', 'Part II: Systems']);
    expect(course.meetings.map((m) => m.unit)).toEqual([
      'Part I: Foundations',
      'Part I: Foundations',
      'Part I: Foundations',
      'Part II: Systems',
      'Part II: Systems',
      'Part II: Systems',
    ]);
  });

  it('warns, with lines, about a wrong weekday, an impossible date and weights summing to 95', () => {
    expect(warnings).toEqual([
      NO_ZONE,
      { line: 19, message: 'Feb 6 2019 is a Wednesday, not a Tuesday as written.' },
      { line: 20, message: 'There is no such date as "2/30" in 2019; the row was skipped.' },
      { line: 24, message: 'The grading weights add up to 95%, not 100%.' },
    ]);
  });

  it('reads NetIDs from the e-mail column and "Teaching Assistant" as ta', () => {
    expect(course.staff).toEqual([
      {
        name: 'Dana Park',
        url: null,
        netId: 'dpark',
        role: 'instructor',
        officeHours: 'Fri 1:00-2:00 PM',
        officeLocation: null,
      },
      { name: 'Sam Ortiz', url: null, netId: 'sortiz', role: 'ta', officeHours: null, officeLocation: null },
    ]);
    expect(course.pattern).toEqual({ days: [1, 3], startTime: '15:30', endTime: '16:45' });
    expect(course.location).toBe('0310 DCL');
  });
});

describe('a seminar with every special row, several readings per cell and three role columns', () => {
  const { course, warnings } = load('seminar-special-rows.md');

  it('reads M/D dates in the term of "(FA25)"', () => {
    expect(course.term).toEqual({ season: 'Fall', year: 2025 });
    expect(course.meetings).toHaveLength(11);
    expect(warnings).toEqual([]);
  });

  it('sorts the special rows', () => {
    expect(course.meetings.map((m) => `${m.date} ${m.kind}`)).toEqual([
      '2025-08-25 lecture',
      '2025-08-27 lecture',
      '2025-09-01 no_class',
      '2025-09-03 lecture',
      '2025-10-13 presentations',
      '2025-10-15 presentations',
      '2025-11-24 lecture',
      '2025-11-26 no_class',
      '2025-12-01 buffer',
      '2025-12-03 poster',
      '2025-12-08 lecture',
    ]);
    expect(course.meetings.filter((m) => m.needsPresenters).map((m) => m.date)).toEqual([
      '2025-08-27',
      '2025-09-03',
      '2025-11-24',
    ]);
    expect(meetingOn(course, '2025-12-03')).toMatchObject({ startTime: '13:00', endTime: '15:00' });
  });

  it('splits readings on <br> and keeps Presenter, Summary and Reviewer', () => {
    expect(meetingOn(course, '2025-08-27').readings.map((r) => r.title)).toEqual([
      'ZeRO',
      'Megatron-LM',
      'GPipe',
    ]);
    expect(meetingOn(course, '2025-08-27').extra).toEqual({
      Presenter: 'Team 1',
      Summary: 'Team 2',
      Reviewer: 'Team 3',
    });
  });

  it('keeps a script tag in a cell as text, for the server to sanitize', () => {
    expect(meetingOn(course, '2025-09-03').notes).toEqual(['<script>alert("x")</script>']);
  });

  it('reads objectives under a sub-heading and drops the heading from the description', () => {
    expect(course.objectives).toEqual([
      'Read and critique systems papers',
      'Build a prototype of an ML system',
    ]);
    expect(course.description).toBe(
      'This seminar studies how machine learning models are trained and served at scale.',
    );
  });

  it('reads deadlines "due Oct 3", "by 11:59 PM on November 1" and "on or before 5:00 PM CST on Dec 12"', () => {
    expect(course.milestones.map((m) => [m.key, m.dueAt, m.meetingDates])).toEqual([
      ['proposal', '2025-10-04T04:59:59.999Z', []],
      ['midterm-presentations', null, ['2025-10-13', '2025-10-15']],
      ['midterm-report', '2025-11-02T04:59:59.999Z', []],
      ['poster', null, ['2025-12-03']],
      ['final-report', '2025-12-12T23:00:00.000Z', []],
    ]);
  });

  it('lists the report template as a resource and the staff table without a Member header', () => {
    expect(course.resources).toEqual([{ label: 'report template', url: 'templates/report.tex' }]);
    expect(course.staff[0]).toMatchObject({
      name: 'Rosa Diaz',
      netId: 'rdiaz',
      officeLocation: '4102 Siebel',
      officeHours: 'Th 2:00 PM - 3:00 PM',
    });
    expect(course.forum?.label).toBe('Piazza');
  });
});

describe('rows broken over several lines and units as headings between tables', () => {
  const { course, warnings } = load('line-broken-rows.md');

  it('merges a continuation line that starts with <br>', () => {
    const m = meetingOn(course, '2025-09-02');
    expect(m.title).toBe('Overview');
    expect(m.readings.map((r) => r.title)).toEqual([
      'A Note on Distributed Computing',
      'End-to-End Arguments in System Design',
    ]);
    expect(m.extra).toEqual({ Presenter: 'Staff' });
    expect(m.needsPresenters).toBe(false);
  });

  it('merges a row broken over three lines, the last one opening with a pipe', () => {
    const m = meetingOn(course, '2025-09-04');
    expect(m.readings.map((r) => [r.title, r.required])).toEqual([
      ['Time, Clocks, and the Ordering of Events', true],
      ['Distributed Snapshots', false],
      ['Impossibility of Distributed Consensus with One Faulty Process', true],
    ]);
    expect(m.extra).toEqual({ Presenter: 'Team 1', Summary: 'Team 2' });
  });

  it('uses "### Week" headings as units and warns about the trailing text with its line', () => {
    expect(course.units.map((u) => u.title)).toEqual(['Week 1: Foundations', 'Week 2: Replication']);
    expect(course.meetings.map((m) => m.unit)).toEqual([
      'Week 1: Foundations',
      'Week 1: Foundations',
      'Week 2: Replication',
      'Week 2: Replication',
    ]);
    expect(warnings).toEqual([
      NO_ZONE,
      { line: 24, message: expect.stringContaining('Slides are posted after class.') as string },
    ]);
  });
});
