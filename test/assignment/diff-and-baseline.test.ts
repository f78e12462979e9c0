// The preview diff between current roles and a proposed plan, and the first-come sign-up sheet it is measured against.
import { describe, expect, it } from 'vitest';
import { diffPlans, firstComeSignup, planAssignment } from '../../src/assignment/index.js';
import type { RoleAssignment } from '../../src/assignment/index.js';
import { mulberry32 } from '../../src/domain/group-formation.js';
import { buildClass } from './factories.js';
import { syntheticClass } from '../../bench/assignment.js';

describe('diffPlans', () => {
  const current: RoleAssignment[] = [
    { meetingId: 'm01', groupId: 'g01', role: 'presenter' },
    { meetingId: 'm01', groupId: 'g02', role: 'summarizer' },
    { meetingId: 'm02', groupId: 'g03', role: 'reviewer' },
  ];

  it('reports nothing changed for the same roles in another order', () => {
    expect(diffPlans(current, [...current].reverse())).toEqual({
      added: [],
      removed: [],
      changed: [],
      unchanged: 3,
    });
  });

  it('reports a group switching role on the same date as changed, and moves as removed plus added', () => {
    const proposed: RoleAssignment[] = [
      { meetingId: 'm01', groupId: 'g01', role: 'presenter' },
      { meetingId: 'm01', groupId: 'g02', role: 'reviewer' },
      { meetingId: 'm03', groupId: 'g03', role: 'reviewer' },
    ];
    expect(diffPlans(current, proposed)).toEqual({
      added: [{ meetingId: 'm03', groupId: 'g03', role: 'reviewer' }],
      removed: [{ meetingId: 'm02', groupId: 'g03', role: 'reviewer' }],
      changed: [{ meetingId: 'm01', groupId: 'g02', from: 'summarizer', to: 'reviewer' }],
      unchanged: 1,
    });
  });

  it('shows a re-solve that keeps the staff locks as a small diff', async () => {
    const input = buildClass({ groupCount: 6, meetingCount: 12 });
    input.preferences = Object.fromEntries(
      input.groups.map((g, i) => [g.id, [input.meetings[i]!.id, input.meetings[i + 6]!.id]]),
    );
    const first = await planAssignment(input);
    if (!first.ok) throw new Error('expected a plan');
    const locks = first.assignments.filter((a) => a.role === 'presenter');
    const again = await planAssignment({ ...input, locks });
    if (!again.ok) throw new Error('expected a plan');
    const diff = diffPlans(first.assignments, again.assignments);
    expect(diff.unchanged).toBeGreaterThanOrEqual(locks.length);
    expect(again.assignments.filter((a) => a.role === 'presenter')).toEqual(locks);
  });
});

describe('first-come sign-up sheet', () => {
  it('lets groups, in a seeded random order, take their best remaining date', () => {
    const input = buildClass({
      groupCount: 3,
      meetingCount: 3,
      settings: { presentersPerMeeting: 1, summarizersPerMeeting: 0, reviewersPerMeeting: 0 },
    });
    input.preferences = { g01: ['m01', 'm02'], g02: ['m01', 'm03'], g03: ['m01'] };
    const result = firstComeSignup(input, mulberry32(1));
    expect(firstComeSignup(input, mulberry32(1))).toEqual(result);
    const [first, second, third] = result.order;
    expect(result.costs[first!]).toBe(1);
    expect(result.presenters).toHaveLength(3);
    expect(result.costs[second!]! + result.costs[third!]!).toBeGreaterThan(2);
    expect(result.worstRank).toBe(Math.max(...Object.values(result.costs).map((c) => c ?? 0)));
  });

  it('is never better than the solver on the worst rank, and worse on the mean, for a contested class', async () => {
    const input = syntheticClass(30, 11);
    const plan = await planAssignment(input);
    if (!plan.ok) throw new Error('expected a plan');
    for (let seed = 1; seed <= 5; seed++) {
      const sheet = firstComeSignup(input, mulberry32(seed));
      expect(plan.stats.worstRank).toBeLessThanOrEqual(sheet.worstRank);
    }
    const meanOfSheets =
      [1, 2, 3, 4, 5].map((s) => firstComeSignup(input, mulberry32(s)).meanRank).reduce((a, b) => a + b) / 5;
    expect(plan.stats.meanRank).toBeLessThan(meanOfSheets);
  }, 60_000);
});
