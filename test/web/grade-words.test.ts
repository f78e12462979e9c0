// My grades in words: a what-if score typed as points, a percent or a letter; what the current grade counts so far.
import { describe, expect, it } from 'vitest';
import {
  countsSoFar,
  readWhatIfScore,
  stateSentence,
  tallyWords,
  trimPoints,
} from '../../web/src/pages/grades/mine/grade-words.js';
import type { MyGrades, MyItem } from '../../web/src/pages/grades/mine/grade-types.js';

const CUTOFFS = [
  { letter: 'A', min: '93' },
  { letter: 'B+', min: '87' },
  { letter: 'F', min: '0' },
];

describe('a what-if score as typed', () => {
  it('reads a letter as the lowest percent of its band, out of the item’s points', () => {
    expect(readWhatIfScore('b+', '20', CUTOFFS)).toEqual({ points: '17.4', said: 'B+ (87 %)' });
  });
  it('reads a percent and points, to four decimals at most', () => {
    expect(readWhatIfScore('85 %', '30', CUTOFFS)).toEqual({ points: '25.5', said: '85 %' });
    expect(readWhatIfScore('33.3%', '7', CUTOFFS)).toEqual({ points: '2.331', said: '33.3 %' });
    expect(readWhatIfScore(' 17.50 ', '20', CUTOFFS)).toEqual({ points: '17.5', said: '17.5 / 20 points' });
  });
  it('refuses more than the item is worth, and what is neither', () => {
    expect(readWhatIfScore('21', '20', CUTOFFS)).toEqual({ error: 'At most 20 points.' });
    expect(readWhatIfScore('120 %', '20', CUTOFFS)).toEqual({ error: 'At most 20 points.' });
    expect(readWhatIfScore('Q', '20', CUTOFFS)).toHaveProperty('error');
    expect(readWhatIfScore('', '20', CUTOFFS)).toHaveProperty('error');
    expect(readWhatIfScore('-3', '20', CUTOFFS)).toHaveProperty('error');
  });
  it('drops trailing zeros only after a decimal point', () => {
    expect([trimPoints('100'), trimPoints('87.00'), trimPoints('10.50'), trimPoints('0')]).toEqual([
      '100',
      '87',
      '10.5',
      '0',
    ]);
  });
});

describe('what the current grade counts so far', () => {
  const item = (state: MyItem['state']) => ({ state }) as MyItem;
  const grades = (totals: Record<string, string | null>, states: MyItem['state'][]) =>
    ({
      categories: totals,
      categoryList: [
        { key: 'p', name: 'Participation', weight: '10', dropLowest: 0 },
        { key: 's', name: 'Paper Summary', weight: '15', dropLowest: 0 },
        { key: 'r', name: 'Project Report', weight: '75', dropLowest: 0 },
      ],
      items: states.map(item),
    }) as unknown as MyGrades;

  it('names the counted categories and their share of the weight, and what is left out', () => {
    expect(countsSoFar(grades({ p: '100.00', s: '80.00', r: null }, ['scored', 'scored', 'hidden']))).toBe(
      'It counts your released work in 2 of 3 categories (Participation and Paper Summary), 25 % of the course’s weight. ' +
        'Each counted category keeps its weight relative to the others, as if they made up the whole grade. ' +
        '1 item is not graded or not released yet and is left out.',
    );
  });
  it('says when nothing counts yet, and when everything is graded', () => {
    expect(countsSoFar(grades({ p: null, s: null, r: null }, ['hidden', 'not-due']))).toBe(
      'Nothing released counts yet. 2 items are not graded or not released yet and are left out.',
    );
    expect(countsSoFar(grades({ p: '90.00', s: '90.00', r: '90.00' }, ['scored', 'excused']))).toBe(
      'It counts your released work in 3 of 3 categories (Participation, Paper Summary and Project Report), 100 % of the course’s weight. Every item of yours is graded.',
    );
  });
});

describe('the participation record in words', () => {
  it('says how many were missed, excused and count against the student', () => {
    expect(tallyWords('Classes', { settled: 12, excused: 1, missed: 3, penalized: 1, allowance: 2 })).toBe(
      'Classes: 3 missed of 12 so far, 1 excused; 2 may be missed without cost, 1 counts against you.',
    );
    expect(
      tallyWords('Question days', { settled: 4, excused: 0, missed: 0, penalized: 0, allowance: 2 }),
    ).toBe('Question days: 0 missed of 4 so far; 2 may be missed without cost, 0 count against you.');
  });
});

describe('an item without points, explained', () => {
  const item = (state: MyItem['state']) => ({ state }) as MyItem;
  it('says excused and before-joined items are left out of their category, and unreleased ones until release', () => {
    expect(stateSentence(item('excused'), 'Paper Summary')).toBe(
      'Staff excused it: it is left out of your Paper Summary total.',
    );
    expect(stateSentence(item('before-joined'), 'Paper Summary')).toBe(
      'It took place before you joined the course or your group: it is left out of your Paper Summary total.',
    );
    expect(stateSentence(item('hidden'), 'Paper Summary')).toBe(
      'Its score shows here once staff release it; until then it is left out of your grade.',
    );
    expect(stateSentence(item('scored'), 'Paper Summary')).toBeNull();
  });
});
