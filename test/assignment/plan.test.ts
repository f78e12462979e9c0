// The plan for the demo course and for hand-made classes: roles, fairness, explanations, notes and the time limit.
import { describe, expect, it } from 'vitest';
import { checkPlan, planAssignment } from '../../src/assignment/index.js';
import type { AssignmentPlan } from '../../src/assignment/index.js';
import { buildClass } from './factories.js';
import { syntheticClass } from '../../bench/assignment.js';

function expectPlan(plan: Awaited<ReturnType<typeof planAssignment>>): AssignmentPlan {
  if (!plan.ok) throw new Error(`expected a plan: ${plan.messages.join(' | ')}`);
  return plan;
}

describe('the demo course: 20 lectures, one presenter and one summarizer each, every group reviews once', () => {
  for (const groupCount of [7, 8]) {
    it(`gives each of ${groupCount} groups a presenting slot, a summary slot and exactly one review`, async () => {
      const input = buildClass({ groupCount, meetingCount: 20 });
      input.preferences = Object.fromEntries(
        input.groups.map((g, i) => [
          g.id,
          [
            input.meetings[(i * 3) % 20]!.id,
            input.meetings[(i * 3 + 1) % 20]!.id,
            input.meetings[(i * 3 + 2) % 20]!.id,
          ],
        ]),
      );
      const plan = expectPlan(await planAssignment(input));
      expect(checkPlan(input, plan.assignments)).toEqual([]);
      for (const outcome of plan.groups) {
        expect(outcome.presenting.length).toBeGreaterThanOrEqual(2);
        expect(outcome.summarizing.length).toBeGreaterThanOrEqual(2);
        expect(outcome.reviewing).toHaveLength(1);
        expect(outcome.summarizing).not.toContain(outcome.presenting[0]!.meetingId);
      }
      expect(plan.stats.worstRank).toBe(1);
      expect(plan.stats.status).toBe('optimal');
      expect(plan.notes.join(' ')).toContain(
        `${groupCount} groups each review once, so ${20 - groupCount} of the 20 meetings have no reviewer group.`,
      );
      expect(plan.stats.weekClashes).toBe(0);
    });
  }
});

describe('fairness before the total', () => {
  // A pure sum would give Group 2 its 3rd choice so the others all get their 1st (total 6);
  // min-max first gives everyone its 2nd choice or better.
  const input = buildClass({
    groupCount: 4,
    meetingCount: 4,
    settings: { presentersPerMeeting: 1, summarizersPerMeeting: 0, reviewersPerMeeting: 0 },
  });
  input.preferences = {
    g01: ['m02', 'm04', 'm03', 'm01'],
    g02: ['m03', 'm01', 'm04', 'm02'],
    g03: ['m01', 'm02', 'm04', 'm03'],
    g04: ['m03', 'm01', 'm02', 'm04'],
  };

  it("protects the worst-off group even when that costs the class's total", async () => {
    const plan = expectPlan(await planAssignment(input));
    expect(plan.stats.worstRank).toBe(2);
    expect(plan.stats.stages.map((s) => [s.name, s.value])).toEqual([
      ['fairness', 2],
      ['total', 7],
      ['spread', 0],
    ]);
    expect(plan.groups.every((g) => (g.presenterCost ?? 9) <= 2)).toBe(true);
  });
});

describe('explanations', () => {
  it('tells a group who holds its 1st choice and what giving it away would have cost that group', async () => {
    const input = buildClass({
      groupCount: 4,
      meetingCount: 4,
      settings: { presentersPerMeeting: 1, summarizersPerMeeting: 0, reviewersPerMeeting: 0 },
    });
    input.preferences = {
      g01: ['m01', 'm02'],
      g02: ['m01', 'm03', 'm04', 'm02'],
      g03: ['m03'],
      g04: ['m04'],
    };
    const plan = expectPlan(await planAssignment(input));
    const g1 = plan.groups.find((g) => g.groupId === 'g01')!;
    expect(g1.presenting).toEqual([{ meetingId: 'm02', rank: 2, cost: 2 }]);
    expect(g1.explanation).toBe(
      "You present on Aug 29, your 2nd choice. Your 1st choice Aug 27 went to Group 2, for whom it was also 1st; giving it to you would have left Group 2 with its 4th choice, worse than any group's result in this plan (the worst is 2nd).",
    );
    expect(plan.groups.find((g) => g.groupId === 'g02')!.explanation).toBe(
      'You present on Aug 27, your 1st choice.',
    );
  });

  it('says when a better choice was fixed by staff for another group', async () => {
    const input = buildClass({
      groupCount: 2,
      meetingCount: 2,
      settings: { presentersPerMeeting: 1, summarizersPerMeeting: 1, reviewersPerMeeting: 0 },
    });
    input.preferences = { g01: ['m01'], g02: ['m01'] };
    input.locks = [{ groupId: 'g02', meetingId: 'm01', role: 'presenter' }];
    const plan = expectPlan(await planAssignment(input));
    expect(plan.groups[0]!.explanation).toContain('Your 1st choice Aug 27 was fixed by staff for Group 2.');
  });

  it('says a group that ranked nothing was content with any date', async () => {
    const plan = expectPlan(await planAssignment(buildClass({ groupCount: 3, meetingCount: 6 })));
    expect(plan.groups[0]!.explanation).toMatch(
      /Your group ranked no meetings, so every date counted as a first choice/,
    );
  });
});

describe('shortfalls and uneven loads are stated in the notes', () => {
  it('plans 14 groups over 12 lectures with one presenter each, saying not every group can present', async () => {
    const input = buildClass({
      groupCount: 14,
      meetingCount: 12,
      settings: { presentersPerMeeting: 1, summarizersPerMeeting: 1, reviewersPerMeeting: 0 },
    });
    const plan = expectPlan(await planAssignment(input));
    expect(plan.notes).toContain(
      '14 groups but 12 meetings need presenters: not every group can present; 12 groups present once and 2 do not.',
    );
    expect(plan.groups.filter((g) => g.presenting.length === 0)).toHaveLength(2);
    expect(plan.groups.find((g) => g.presenting.length === 0)!.explanation).toMatch(
      /fewer presenting slots than groups/,
    );
    expect(checkPlan(input, plan.assignments)).toEqual([]);
  });

  it("refuses the same class when staff ask for every group to present ('fail')", async () => {
    const plan = await planAssignment({
      ...buildClass({ groupCount: 14, meetingCount: 12 }),
      shortfall: 'fail',
    });
    expect(plan).toEqual({
      ok: false,
      reason: 'infeasible',
      messages: [
        '14 groups but 12 meetings need presenters: not every group can present; 12 groups present once and 2 do not.',
        '14 groups but only 12 summary slots (12 meetings × 1): not every group can summarize; 12 groups summarize once and 2 do not.',
      ],
    });
  });

  it('says which groups present twice when slots outnumber groups', async () => {
    const input = buildClass({
      groupCount: 20,
      meetingCount: 12,
      settings: { presentersPerMeeting: 2, summarizersPerMeeting: 2, reviewersPerMeeting: 1 },
    });
    const plan = expectPlan(await planAssignment(input));
    expect(plan.notes).toContain('24 presenting slots for 20 groups: 4 groups present twice and 16 once.');
    expect(plan.groups.filter((g) => g.presenting.length === 2)).toHaveLength(4);
  });
});

describe('time limit', () => {
  it('returns the best plan found with its gap, or a clear failure, when the budget is tiny', async () => {
    const input = { ...syntheticClass(100, 3), timeLimitSeconds: 0.1 };
    const plan = await planAssignment(input);
    if (plan.ok) {
      expect(checkPlan(input, plan.assignments)).toEqual([]);
      if (plan.stats.status === 'time_limit') {
        expect(plan.stats.gap).toBeGreaterThanOrEqual(0);
        expect(plan.notes.join(' ')).toMatch(/time limit of 0.1 s/);
      }
    } else {
      expect(plan.reason).toBe('time-limit');
      expect(plan.messages[0]).toMatch(/No valid plan was found within the time limit of 0.1 s/);
    }
  }, 60_000);
});
