// The solver's staged optimum equals an exhaustive search on tiny classes, and its plans always keep the rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan, planAssignment } from '../../src/assignment/index.js';
import { bruteForce, bruteForceSize, instanceArb, objectiveOf } from './factories.js';

describe('optimality on tiny classes', () => {
  it('matches the brute-force lexicographic optimum (worst rank, then total, then week clashes)', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(instanceArb({ groups: [2, 4], meetings: [2, 4] }), async ({ input }) => {
        fc.pre(bruteForceSize(input) <= 60_000);
        const expected = bruteForce(input);
        const plan = await planAssignment(input);
        if (expected === null) {
          expect(plan.ok).toBe(false);
          return;
        }
        if (!plan.ok) throw new Error(`expected a plan, got: ${plan.messages.join(' | ')}`);
        expect(checkPlan(input, plan.assignments)).toEqual([]);
        expect(objectiveOf(input, plan.assignments)).toEqual(expected);
        const stage = (name: string) => plan.stats.stages.find((s) => s.name === name)?.value;
        expect([stage('fairness'), stage('total'), stage('spread')]).toEqual([
          expected.worst,
          expected.total,
          expected.spread,
        ]);
        compared++;
      }),
      { numRuns: 40, seed: 4242 },
    );
    expect(compared).toBeGreaterThan(15);
  }, 240_000);
});

describe('optimality with locks and exclusions', () => {
  it('agrees with brute force on feasibility and on the optimum when staff lock roles and exclude dates', async () => {
    let feasible = 0;
    let infeasible = 0;
    await fc.assert(
      fc.asyncProperty(instanceArb({ groups: [2, 4], meetings: [2, 4] }), async ({ input, rnd }) => {
        fc.pre(bruteForceSize(input) <= 60_000);
        const roles = ['presenter', 'summarizer', 'reviewer'] as const;
        const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]!;
        input.exclusions = Array.from({ length: Math.floor(rnd() * 3) }, () => ({
          groupId: pick(input.groups).id,
          meetingId: pick(input.meetings).id,
        }));
        input.locks = Array.from({ length: Math.floor(rnd() * 3) }, () => ({
          groupId: pick(input.groups).id,
          meetingId: pick(input.meetings).id,
          role: pick([...roles]),
        }));
        const expected = bruteForce(input);
        const plan = await planAssignment(input);
        if (expected === null) {
          expect(plan.ok).toBe(false);
          if (!plan.ok) expect(plan.messages.length).toBeGreaterThan(0);
          infeasible++;
          return;
        }
        if (!plan.ok) throw new Error(`expected a plan, got: ${plan.messages.join(' | ')}`);
        expect(checkPlan(input, plan.assignments)).toEqual([]);
        expect(objectiveOf(input, plan.assignments)).toEqual(expected);
        feasible++;
      }),
      { numRuns: 60, seed: 777 },
    );
    expect(feasible).toBeGreaterThan(5);
    expect(infeasible).toBeGreaterThan(5);
  }, 300_000);
});
