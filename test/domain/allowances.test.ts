// Allowances: "up to 2 absences" — two missed question days cost nothing, the third counts.

import { describe, expect, it } from 'vitest';
import {
  allowanceState,
  missesLeft,
  questionDayDone,
  type AllowanceEntry,
} from '../../src/domain/allowances.js';

const day = (key: string, dueAt: string, done: boolean, excused = false): AllowanceEntry => ({
  key,
  dueAt,
  done,
  excused,
});

const semester: AllowanceEntry[] = [
  day('2024-08-28', '2024-08-28T14:30:00.000Z', false),
  day('2024-09-18', '2024-09-18T14:30:00.000Z', true),
  day('2024-10-30', '2024-10-30T14:30:00.000Z', false),
  day('2024-11-04', '2024-11-04T15:30:00.000Z', false),
  day('2024-11-06', '2024-11-06T15:30:00.000Z', false),
];

describe('"one question for each presented paper before each class (up to 2 absences)"', () => {
  it('lets a student miss 2 question days at no cost', () => {
    const state = allowanceState(2, semester, '2024-11-01T00:00:00.000Z');
    expect(state).toMatchObject({
      missed: 2,
      left: 0,
      penalized: [],
      forgiven: ['2024-08-28', '2024-10-30'],
    });
  });

  it('counts the third missed day', () => {
    const state = allowanceState(2, semester, '2024-11-05T00:00:00.000Z');
    expect(state.penalized).toEqual(['2024-11-04']);
    expect(state.missed).toBe(3);
  });

  it('counts only days whose deadline has passed: one second before class the day is not missed', () => {
    expect(allowanceState(2, semester, '2024-11-04T15:29:59.000Z').missed).toBe(2);
    expect(allowanceState(2, semester, '2024-11-04T15:30:01.000Z').missed).toBe(3);
  });

  it('shows 2 misses left before anything is due, 1 after the first miss', () => {
    expect(missesLeft(2, semester, '2024-08-01T00:00:00.000Z')).toBe(2);
    expect(missesLeft(2, semester, '2024-09-01T00:00:00.000Z')).toBe(1);
  });

  it('does not count a day staff excused', () => {
    const excused = semester.map((e) => (e.key === '2024-08-28' ? { ...e, excused: true } : e));
    const state = allowanceState(2, excused, '2024-11-05T00:00:00.000Z');
    expect(state).toMatchObject({ missed: 2, excused: 1, left: 0, penalized: [] });
  });

  it('uses misses up in date order, whatever order they are given in', () => {
    const state = allowanceState(2, [...semester].reverse(), '2024-12-01T00:00:00.000Z');
    expect(state.forgiven).toEqual(['2024-08-28', '2024-10-30']);
    expect(state.penalized).toEqual(['2024-11-04', '2024-11-06']);
  });

  it('penalizes every miss when there is no allowance', () => {
    expect(allowanceState(0, semester, '2024-09-01T00:00:00.000Z').penalized).toEqual(['2024-08-28']);
  });
});

describe('a question day', () => {
  it('is done with one question per presented reading', () => {
    expect(questionDayDone(2, 2)).toBe(true);
  });

  it('is missed with one question for a day presenting two papers', () => {
    expect(questionDayDone(2, 1)).toBe(false);
  });
});
