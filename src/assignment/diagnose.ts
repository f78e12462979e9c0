// Says which family of rules makes an infeasible assignment input impossible, by re-solving relaxed copies.
import type { Highs } from 'highs';
import { MipRunner } from './highs.js';
import type { Instance } from './instance.js';
import { buildModel } from './model.js';

/** When HiGHS proves infeasibility, re-solves relaxed copies to say which family of rules is to blame. */
export function diagnose(highs: Highs, inst: Instance, timeLimit: number): string[] {
  const perRun = Math.max(0.5, Math.min(2, timeLimit / 4));
  const feasible = (variant: Instance): boolean => {
    const mip = buildModel(variant);
    const runner = new MipRunner(highs, mip);
    try {
      return runner.run(new Float64Array(mip.numCols), perRun).kind === 'solution';
    } finally {
      runner.dispose();
    }
  };
  const messages: string[] = [];
  if (inst.locks.length > 0 && feasible({ ...inst, locks: [] })) {
    messages.push(
      'The staff locks cannot all hold together with the other rules (one role per group per meeting, the counts per meeting, even loads). Remove or change some locks and solve again.',
    );
  }
  const anyExcluded = inst.excluded.some((row) => row.some(Boolean));
  if (anyExcluded && feasible({ ...inst, excluded: inst.excluded.map((row) => row.map(() => false)) })) {
    messages.push(
      'The exclusions leave too few available groups to fill every meeting while keeping loads even. Lift some exclusions and solve again.',
    );
  }
  const relaxedLoads = {
    presenter: { ...inst.loads.presenter, min: 0, max: inst.loads.presenter.total },
    summarizer: { ...inst.loads.summarizer, min: 0, max: inst.loads.summarizer.total },
    reviewer: inst.reviewerSpread
      ? inst.loads.reviewer
      : { ...inst.loads.reviewer, min: 0, max: inst.loads.reviewer.total },
  };
  if (messages.length === 0 && feasible({ ...inst, loads: relaxedLoads })) {
    messages.push(
      "The locks and exclusions make it impossible to keep every group's number of presenting, summary and review slots within one of the others'.",
    );
  }
  messages.push(
    'No assignment satisfies every rule together: the counts per meeting, one role per group per meeting, even loads, the locks and the exclusions.',
  );
  return messages;
}
