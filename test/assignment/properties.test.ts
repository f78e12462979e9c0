// Property tests on random classes: every plan keeps every hard rule, plans are deterministic, failures say why.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan, planAssignment } from '../../src/assignment/index.js';
import type { AssignmentInput, Role } from '../../src/assignment/index.js';
import { instanceArb, shuffled } from './factories.js';

const ROLES: Role[] = ['presenter', 'summarizer', 'reviewer'];

function needsPerMeeting(input: AssignmentInput): number {
  const { presentersPerMeeting: p, summarizersPerMeeting: s, reviewersPerMeeting: v } = input.settings;
  return p + s + (v === 'each-group-once' ? Math.ceil(input.groups.length / input.meetings.length) : v);
}

describe('random classes of 2–15 groups and 3–20 meetings', () => {
  it('every plan passes checkPlan; a class that fits gets a plan', async () => {
    let plans = 0;
    await fc.assert(
      fc.asyncProperty(instanceArb({ groups: [2, 15], meetings: [3, 20] }), async ({ input }) => {
        const plan = await planAssignment(input);
        if (plan.ok) {
          expect(checkPlan(input, plan.assignments)).toEqual([]);
          expect(plan.stats.status).toBe('optimal');
          expect(plan.groups).toHaveLength(input.groups.length);
          plans++;
        } else {
          expect(plan.messages.length).toBeGreaterThan(0);
          // Without locks or exclusions, only too many roles per meeting can make a class infeasible.
          expect(needsPerMeeting(input)).toBeGreaterThan(input.groups.length);
        }
      }),
      { numRuns: 30, seed: 2024 },
    );
    expect(plans).toBeGreaterThan(10);
  }, 300_000);

  it('locking part of a plan and excluding dates the plan leaves free still gives a valid plan that keeps the locks', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb({ groups: [3, 12], meetings: [3, 14] }), async ({ input, rnd }) => {
        fc.pre(needsPerMeeting(input) <= input.groups.length);
        const first = await planAssignment(input);
        if (!first.ok) throw new Error(first.messages.join(' | '));
        const locks = first.assignments.filter(() => rnd() < 0.3);
        const busy = new Set(first.assignments.map((a) => `${a.groupId}|${a.meetingId}`));
        const exclusions = input.groups
          .flatMap((g) => input.meetings.map((m) => ({ groupId: g.id, meetingId: m.id })))
          .filter((e) => !busy.has(`${e.groupId}|${e.meetingId}`) && rnd() < 0.2);
        const constrained = { ...input, locks, exclusions };
        const plan = await planAssignment(constrained);
        if (!plan.ok) throw new Error(plan.messages.join(' | '));
        expect(checkPlan(constrained, plan.assignments)).toEqual([]);
        const keys = new Set(plan.assignments.map((a) => `${a.groupId}|${a.meetingId}|${a.role}`));
        for (const lock of locks)
          expect(keys.has(`${lock.groupId}|${lock.meetingId}|${lock.role}`)).toBe(true);
      }),
      { numRuns: 15, seed: 31 },
    );
  }, 300_000);

  it('random locks and exclusions: either a valid plan or a failure that names a cause', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb({ groups: [2, 10], meetings: [3, 12] }), async ({ input, rnd }) => {
        const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]!;
        input.locks = Array.from({ length: Math.floor(rnd() * 6) }, () => ({
          groupId: pick(input.groups).id,
          meetingId: pick(input.meetings).id,
          role: pick(ROLES),
        }));
        input.exclusions = Array.from({ length: Math.floor(rnd() * 10) }, () => ({
          groupId: pick(input.groups).id,
          meetingId: pick(input.meetings).id,
        }));
        const plan = await planAssignment(input);
        if (plan.ok) expect(checkPlan(input, plan.assignments)).toEqual([]);
        else {
          expect(['infeasible', 'invalid-input']).toContain(plan.reason);
          expect(plan.messages.length).toBeGreaterThan(0);
          for (const message of plan.messages) expect(message.length).toBeGreaterThan(20);
        }
      }),
      { numRuns: 30, seed: 5 },
    );
  }, 300_000);

  it('gives the identical plan for the same input twice and for the same input listed in another order', async () => {
    await fc.assert(
      fc.asyncProperty(
        instanceArb({ groups: [3, 12], meetings: [3, 16] }),
        fc.integer({ min: 1, max: 10_000 }),
        async ({ input }, seed) => {
          fc.pre(needsPerMeeting(input) <= input.groups.length);
          const a = await planAssignment(input);
          const b = await planAssignment(input);
          const reordered: AssignmentInput = {
            ...input,
            groups: shuffled(input.groups, seed),
            meetings: shuffled(input.meetings, seed + 1),
            preferences: Object.fromEntries(shuffled(Object.entries(input.preferences), seed + 2)),
          };
          const c = await planAssignment(reordered);
          if (!a.ok || !b.ok || !c.ok) throw new Error('expected plans');
          const strip = (p: typeof a) => ({
            ...p,
            stats: { ...p.stats, solveTimeMs: 0, stages: p.stats.stages.map((s) => ({ ...s, timeMs: 0 })) },
          });
          expect(strip(b)).toEqual(strip(a));
          expect(strip(c)).toEqual(strip(a));
        },
      ),
      { numRuns: 12, seed: 8 },
    );
  }, 300_000);
});
