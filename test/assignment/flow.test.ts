// The presenter relaxation solved as a min-cost flow agrees with HiGHS on the same relaxation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MinCostFlow, presenterFlow } from '../../src/assignment/flow.js';
import { loadSolver, MipRunner } from '../../src/assignment/highs.js';
import { buildInstance } from '../../src/assignment/instance.js';
import { buildModel, thresholdBounds } from '../../src/assignment/model.js';
import { instanceArb } from './factories.js';

describe('MinCostFlow', () => {
  it('sends the most flow at the least cost on a small network', () => {
    // s=0, a=1, b=2, t=3: two routes of capacity 1 (cost 1 and 5) and one of capacity 2 via b (cost 3).
    const net = new MinCostFlow(4);
    const sa = net.addArc(0, 1, 2, 1);
    net.addArc(1, 3, 1, 0);
    net.addArc(0, 3, 1, 5);
    const sb = net.addArc(0, 2, 2, 3);
    net.addArc(2, 3, 2, 0);
    expect(net.run(0, 3)).toBe(4);
    expect(net.flowOn(sa)).toBe(1);
    expect(net.flowOn(sb)).toBe(2);
  });
});

describe('presenterFlow', () => {
  it('finds the same least worst rank and least total as the presenter-only integer program', async () => {
    const highs = await loadSolver();
    await fc.assert(
      fc.asyncProperty(instanceArb({ groups: [2, 12], meetings: [3, 12] }), async ({ input, rnd }) => {
        const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]!;
        input.exclusions = Array.from({ length: Math.floor(rnd() * 8) }, () => ({
          groupId: pick(input.groups).id,
          meetingId: pick(input.meetings).id,
        }));
        input.locks = Array.from({ length: Math.floor(rnd() * 3) }, () => ({
          groupId: pick(input.groups).id,
          meetingId: pick(input.meetings).id,
          role: pick(['presenter', 'summarizer'] as const),
        }));
        const inst = buildInstance(input);
        const mip = buildModel(inst, { presenterOnly: true });
        const runner = new MipRunner(highs, mip);
        try {
          for (const k of [...new Set(inst.cost.flat())].sort((a, b) => a - b)) {
            const t = thresholdBounds(inst, mip, k);
            const flow = presenterFlow(inst, k, true);
            if (t.impossible) {
              expect(flow.feasible).toBe(false);
              continue;
            }
            runner.setBounds(t.cols, t.lower, t.upper);
            const exact = runner.run(mip.stages.find((s) => s.name === 'total')!.cost, 20);
            expect(flow.feasible).toBe(exact.kind === 'solution');
            if (exact.kind === 'solution') expect(flow.total).toBe(exact.value);
          }
        } finally {
          runner.dispose();
        }
      }),
      { numRuns: 40, seed: 17 },
    );
  }, 300_000);
});

describe('completeWithoutClash', () => {
  it('completes summary and review roles around the flow presenters with no week clash, or declines', async () => {
    const { completeWithoutClash } = await import('../../src/assignment/completion.js');
    const { checkPlan } = await import('../../src/assignment/index.js');
    const { objectiveOf } = await import('./factories.js');
    let completed = 0;
    fc.assert(
      fc.property(instanceArb({ groups: [3, 15], meetings: [3, 20] }), ({ input }) => {
        const inst = buildInstance(input);
        const flow = presenterFlow(inst, Math.max(...inst.cost.flat()), true);
        fc.pre(flow.feasible);
        const roles = completeWithoutClash(inst, flow.presenters);
        if (!roles) return;
        const assignments = roles.map(({ g, m, role }) => ({
          groupId: inst.groups[g]!.id,
          meetingId: inst.meetings[m]!.id,
          role,
        }));
        expect(checkPlan(input, assignments)).toEqual([]);
        expect(objectiveOf(input, assignments).spread).toBe(0);
        completed++;
      }),
      { numRuns: 60, seed: 3 },
    );
    expect(completed).toBeGreaterThan(10);
  });
});
