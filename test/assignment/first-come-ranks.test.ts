// The first-come baseline shown beside a plan: the median rank each group would get over the seeded sheet orders.
import { describe, expect, it } from 'vitest';
import { firstComeSignup } from '../../src/assignment/index.js';
import { mulberry32 } from '../../src/domain/group-formation.js';
import { FIRST_COME_SEEDS, firstComeRanks } from '../../src/services/assignment/first-come-ranks.js';
import { buildClass } from './factories.js';

const onePresenter = { presentersPerMeeting: 1, summarizersPerMeeting: 0, reviewersPerMeeting: 0 };

describe('firstComeRanks', () => {
  it('gives every group its first choice when no two groups want the same date', () => {
    const input = buildClass({ groupCount: 3, meetingCount: 3, settings: onePresenter });
    input.preferences = { g01: ['m01', 'm02'], g02: ['m02', 'm03'], g03: ['m03', 'm01'] };
    expect(Object.fromEntries(firstComeRanks(input))).toEqual({ g01: 1, g02: 1, g03: 1 });
  });

  it('takes the median over the seeded orders when two groups want the same date', () => {
    const input = buildClass({ groupCount: 2, meetingCount: 2, settings: onePresenter });
    input.preferences = { g01: ['m01', 'm02'], g02: ['m01', 'm02'] };
    const ranks = firstComeRanks(input);
    // Each order gives one group its first choice and the other its second; over an odd number of orders the
    // group that came first more often has median 1, the other 2.
    const firstOften = FIRST_COME_SEEDS.filter(
      (seed) => firstComeSignup(input, mulberry32(seed)).order[0] === 'g01',
    ).length;
    expect(FIRST_COME_SEEDS.length % 2).toBe(1);
    const g01 = firstOften > FIRST_COME_SEEDS.length / 2 ? 1 : 2;
    expect(Object.fromEntries(ranks)).toEqual({ g01, g02: 3 - g01 });
    expect(firstComeRanks(input)).toEqual(ranks);
  });

  it('counts an unranked date as list length + 1, and is empty when nothing is left to sign up for', () => {
    const input = buildClass({ groupCount: 2, meetingCount: 2, settings: onePresenter });
    input.preferences = { g01: ['m01'], g02: ['m01'] };
    expect([...firstComeRanks(input).values()].sort()).toEqual([1, 2]);
    expect(firstComeRanks({ ...input, meetings: [] }).size).toBe(0);
  });
});
