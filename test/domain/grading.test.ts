// The grading rules at their boundaries, and the demo students' grades computed by hand.

import { describe, expect, it } from 'vitest';
import { allowanceState, type AllowanceEntry } from '../../src/domain/allowances.js';
import { formatFixed, parseDecimal, ratio } from '../../src/domain/exact.js';
import {
  categoryScore,
  cutoffsProblem,
  DEFAULT_CUTOFFS,
  itemsToDrop,
  itemState,
  letterFor,
  memberPoints,
  studentGrade,
  weightsProblem,
  whatIf,
  type ItemRecord,
} from '../../src/domain/grading.js';
import {
  participationPercent,
  participationPoints,
  DEFAULT_PARTICIPATION,
} from '../../src/domain/participation.js';
import {
  rubricPoints,
  rubricScoresProblem,
  rubricTotal,
  SUMMARY_RUBRIC,
  PRESENTATION_RUBRIC,
} from '../../src/domain/rubrics.js';
import { dec, DEMO_CATEGORIES, item, record, scored } from './grades-factory.js';

const SUMMARY_DUE = '2024-09-10T16:45:00Z';

describe('exact numbers', () => {
  it('reads decimals exactly and rounds half up once, at display', () => {
    expect(formatFixed(dec('0.1'))).toBe('0.10');
    expect(formatFixed(ratio(1, 3))).toBe('0.33');
    expect(formatFixed(ratio(2, 3))).toBe('0.67');
    expect(formatFixed(dec('89.755'))).toBe('89.76');
    expect(formatFixed(dec('89.7549'))).toBe('89.75');
    expect(formatFixed(dec('-1.005'))).toBe('-1.01');
    // 0.1 + 0.2 is exactly 0.3 here.
    const r = parseDecimal('0.1')!;
    expect(formatFixed(ratio(r.n * 3n, r.d), 20)).toBe('0.30000000000000000000');
    expect(parseDecimal('1e3')).toBeNull();
    expect(parseDecimal('12.34567')).toBeNull();
    expect(parseDecimal('')).toBeNull();
  });
});

describe('what one item counts for', () => {
  const summary = item({ id: 'summary@2024-09-09', categoryKey: 'paper-summary', dueAt: SUMMARY_DUE });

  it('counts a summary not handed in as 0 only after its deadline, and leaves it out before', () => {
    expect(itemState(summary, record(), '2024-09-10T16:44:59Z', 'staff')).toBe('not-due');
    expect(itemState(summary, record(), '2024-09-10T16:45:00Z', 'staff')).toBe('not-due');
    expect(itemState(summary, record(), '2024-09-10T16:45:01Z', 'staff')).toBe('missing');
  });

  it('counts a late summary as 0 whatever points were entered (the late rule decided)', () => {
    const late = scored('18', { lateZero: true });
    expect(itemState(summary, late, '2024-10-01T00:00:00Z', 'staff')).toBe('late-zero');
    const grade = studentGrade(
      DEMO_CATEGORIES,
      [summary],
      new Map([[summary.id, late]]),
      '2024-10-01T00:00:00Z',
      'staff',
    );
    expect(formatFixed(grade.categories.find((c) => c.key === 'paper-summary')!.percent!)).toBe('0.00');
  });

  it('leaves out excused items and items due before the student joined', () => {
    expect(itemState(summary, record({ excused: true }), '2024-12-01T00:00:00Z', 'staff')).toBe('excused');
    expect(itemState(summary, record({ obligation: 'before-joined' }), '2024-12-01T00:00:00Z', 'staff')).toBe(
      'before-joined',
    );
    expect(
      itemState(summary, scored('3', { obligation: 'not-member' }), '2024-12-01T00:00:00Z', 'staff'),
    ).toBe('not-member');
  });

  it('keeps a handed-in, unscored summary out of the total as ungraded', () => {
    expect(itemState(summary, record({ handedIn: true }), '2024-12-01T00:00:00Z', 'staff')).toBe('ungraded');
  });

  it('hides an unreleased score from the student, and counts it for staff', () => {
    const hidden = { ...summary, released: false };
    expect(itemState(hidden, scored('10'), '2024-12-01T00:00:00Z', 'student')).toBe('hidden');
    expect(itemState(hidden, scored('10'), '2024-12-01T00:00:00Z', 'staff')).toBe('scored');
  });

  it("gives a group's score to each member unless staff overrode that member's", () => {
    expect(memberPoints(dec('80'), null)).toEqual(dec('80'));
    expect(memberPoints(dec('80'), dec('60'))).toEqual(dec('60'));
    expect(memberPoints(null, null)).toBeNull();
  });
});

describe('categories, drops, weights and letters', () => {
  it('drops the items whose removal helps most, never all of them', () => {
    const items = [
      { id: 'a', earned: dec('7'), possible: dec('10') },
      { id: 'b', earned: dec('2'), possible: dec('10') },
      { id: 'c', earned: dec('9'), possible: dec('10') },
    ];
    expect(itemsToDrop(items, 1)).toEqual(['b']);
    expect(itemsToDrop(items, 5)).toEqual(['a', 'b']);
    expect(formatFixed(categoryScore('x', items, 1).percent!)).toBe('80.00');
  });

  it('says what is off when the weights do not add up to 100 %', () => {
    expect(weightsProblem(DEMO_CATEGORIES)).toBeNull();
    expect(weightsProblem([{ weight: dec('10') }, { weight: dec('85') }])).toBe(
      'The weights add up to 95 %: 5 % short of 100 %.',
    );
    expect(weightsProblem([{ weight: dec('60') }, { weight: dec('42.5') }])).toBe(
      'The weights add up to 102.5 %: 2.5 % over 100 %.',
    );
  });

  it('gives letters by the default cutoffs, comparing the percent as shown', () => {
    expect(letterFor(dec('93'))).toBe('A');
    expect(letterFor(dec('92.995'))).toBe('A'); // shown as 93.00
    expect(letterFor(dec('92.994'))).toBe('A-');
    expect(letterFor(dec('89.99'))).toBe('B+');
    expect(letterFor(dec('60'))).toBe('D-');
    expect(letterFor(dec('59.99'))).toBe('F');
    expect(letterFor(dec('0'))).toBe('F');
    expect(cutoffsProblem(DEFAULT_CUTOFFS)).toBeNull();
    expect(
      cutoffsProblem([
        { letter: 'A', min: dec('90') },
        { letter: 'B', min: dec('95') },
        { letter: 'F', min: dec('0') },
      ]),
    ).toBe('B must need less than A.');
    expect(cutoffsProblem([{ letter: 'P', min: dec('50') }])).toBe('The last letter (P) must start at 0.');
  });
});

describe('participation, computed from the record', () => {
  const entries = (n: number, missed: number[], excused: number[] = []): AllowanceEntry[] =>
    Array.from({ length: n }, (_, i) => ({
      key: `d${String(i).padStart(2, '0')}`,
      dueAt: new Date(Date.UTC(2024, 7, 28) + i * 86_400_000).toISOString(),
      done: !missed.includes(i) && !excused.includes(i),
      excused: excused.includes(i),
    }));
  const NOW = '2024-12-20T00:00:00Z';

  it('forgives two absences and two missed question days', () => {
    const p = participationPercent(DEFAULT_PARTICIPATION, {
      attendance: allowanceState(2, entries(20, [3, 9]), NOW),
      questions: allowanceState(2, entries(20, [1, 2]), NOW),
      posts: null,
    });
    expect(formatFixed(p!)).toBe('100.00');
  });

  it('costs each miss beyond the allowance, excused ones left out', () => {
    const p = participationPercent(DEFAULT_PARTICIPATION, {
      attendance: allowanceState(2, entries(26, [1, 2, 3]), NOW), // 25/26
      questions: allowanceState(2, entries(24, [5], [6, 7]), NOW), // 22/22
      posts: null,
    });
    expect(p).toEqual(ratio(5100, 52)); // (25/26 + 1) / 2 × 100
    expect(formatFixed(participationPoints(p!, dec('100')))).toBe('98.08');
  });

  it('has nothing to say before any class was settled', () => {
    expect(
      participationPercent(DEFAULT_PARTICIPATION, { attendance: null, questions: null, posts: 3 }),
    ).toBeNull();
  });
});

describe('rubrics', () => {
  it("follows the syllabus's five summary questions and the presentation's five parts", () => {
    expect(SUMMARY_RUBRIC.map((c) => c.key)).toEqual([
      'problem',
      'related-work',
      'solution',
      'limitations',
      'future',
    ]);
    expect(formatFixed(rubricTotal(SUMMARY_RUBRIC), 0)).toBe('20');
    expect(PRESENTATION_RUBRIC.map((c) => c.key)).toEqual([
      'content',
      'clarity',
      'time',
      'questions',
      'panel',
    ]);
    expect(formatFixed(rubricTotal(PRESENTATION_RUBRIC), 0)).toBe('100');
    expect(formatFixed(rubricPoints({ problem: '4', solution: '3.5' }), 1)).toBe('7.5');
    expect(rubricScoresProblem(SUMMARY_RUBRIC, { problem: '5' })).toBe(
      'Problem: give between 0 and 4 points.',
    );
    expect(rubricScoresProblem(SUMMARY_RUBRIC, { nope: '1' })).toBe('The rubric has no criterion "nope".');
  });
});

/** A group's items in the demo course (points as the derived items have them). */
const DEMO_ITEMS = [
  item({ id: 'participation', categoryKey: 'participation', handIn: false }),
  item({
    id: 'presentation',
    categoryKey: 'paper-presentation-discussion',
    handIn: false,
    dueAt: '2024-09-08T14:30:00Z',
  }),
  item({
    id: 'summary',
    categoryKey: 'paper-summary',
    pointsPossible: dec('20'),
    dueAt: '2024-10-15T16:45:00Z',
  }),
  item({
    id: 'proposal',
    categoryKey: 'project-report',
    pointsPossible: dec('10'),
    dueAt: '2024-09-27T04:59:00Z',
  }),
  item({ id: 'final-report', categoryKey: 'project-report', dueAt: '2024-12-20T00:00:00Z' }),
  item({ id: 'midterm', categoryKey: 'project-presentations', handIn: false, dueAt: '2024-10-20T14:30:00Z' }),
  item({ id: 'poster', categoryKey: 'project-presentations', dueAt: '2024-12-04T16:30:00Z' }),
];

function grade(records: Record<string, ItemRecord>, now: string, view: 'staff' | 'student' = 'staff') {
  const g = studentGrade(DEMO_CATEGORIES, DEMO_ITEMS, new Map(Object.entries(records)), now, view);
  return {
    percent: g.percent === null ? null : formatFixed(g.percent),
    letter: g.letter,
    categories: Object.fromEntries(
      g.categories.map((c) => [c.key, c.percent === null ? null : formatFixed(c.percent)]),
    ),
  };
}

describe('the demo students, computed by hand', () => {
  it('Ada, everything graded: 89.76 %, B+', () => {
    // Participation (25/26 + 1)/2 = 98.0769…; report (9 + 88)/110 = 88.1818…; talks 185/200 = 92.5.
    // 0.10 × 98.0769 + 0.15 × 87 + 0.15 × 87.5 + 0.40 × 88.1818 + 0.20 × 92.5 = 89.7554…
    const g = grade(
      {
        participation: record({ points: ratio(5100, 52) }),
        presentation: record({ points: dec('87') }),
        summary: scored('17.5'),
        proposal: scored('9'),
        'final-report': scored('88'),
        midterm: record({ points: dec('90') }),
        poster: scored('95'),
      },
      '2024-12-21T00:00:00Z',
    );
    expect(g).toEqual({
      percent: '89.76',
      letter: 'B+',
      categories: {
        participation: '98.08',
        'paper-presentation-discussion': '87.00',
        'paper-summary': '87.50',
        'project-report': '88.18',
        'project-presentations': '92.50',
      },
    });
  });

  it('Ben at mid-semester, a late summary and the final report not yet due: 72.13 %, C-', () => {
    // (10 × 93.33… + 15 × 92 + 15 × 0 + 40 × 80 + 20 × 85) / 100 = 72.1333…
    const g = grade(
      {
        participation: record({ points: ratio(280, 3) }),
        presentation: record({ points: dec('92') }),
        summary: scored('17', { lateZero: true }),
        proposal: scored('8'),
        midterm: record({ points: dec('85') }),
      },
      '2024-10-25T12:00:00Z',
    );
    expect(g.percent).toBe('72.13');
    expect(g.letter).toBe('C-');
    expect(g.categories['project-report']).toBe('80.00');
  });

  it('Cat joined Oct 1: what was due before is excused, the weights re-normalise, an unreleased score stays hidden', () => {
    const records = {
      participation: record({ points: dec('100') }),
      presentation: record({ points: dec('70'), obligation: 'before-joined' }),
      proposal: record({ obligation: 'before-joined' }),
      summary: scored('16'),
      midterm: record({ points: dec('88.5') }),
    } satisfies Record<string, ItemRecord>;
    const hidden = { ...records };
    // Staff: (10 × 100 + 15 × 80 + 20 × 88.5) / 45 = 88.2222…
    expect(grade(records, '2024-10-25T12:00:00Z')).toMatchObject({ percent: '88.22', letter: 'B+' });
    // The summary is not released: the student's grade is (10 × 100 + 20 × 88.5) / 30 = 92.3333…
    const items = DEMO_ITEMS.map((i) => (i.id === 'summary' ? { ...i, released: false } : i));
    const g = studentGrade(
      DEMO_CATEGORIES,
      items,
      new Map(Object.entries(hidden)),
      '2024-10-25T12:00:00Z',
      'student',
    );
    expect(formatFixed(g.percent!)).toBe('92.33');
    expect(g.letter).toBe('A-');
    expect(g.states.get('summary')).toBe('hidden');
    expect(g.categories.find((c) => c.key === 'paper-summary')!.percent).toBeNull();
  });

  it("answers Ben's what-if: with 87 on the final report his grade would be 74.68 %", () => {
    const records = new Map(
      Object.entries({
        participation: record({ points: ratio(280, 3) }),
        presentation: record({ points: dec('92') }),
        summary: scored('17', { lateZero: true }),
        proposal: scored('8'),
        midterm: record({ points: dec('85') }),
      }),
    );
    // Report (8 + 87)/110 = 86.3636…: (933.33… + 1380 + 0 + 40 × 86.3636… + 1700) / 100 = 74.6787…
    const g = whatIf(DEMO_CATEGORIES, DEMO_ITEMS, records, '2024-10-25T12:00:00Z', {
      itemId: 'final-report',
      points: dec('87'),
    });
    expect(formatFixed(g.percent!)).toBe('74.68');
    expect(g.letter).toBe('C');
  });
});
