// Plans the role assignment: checks the input, solves the staged integer program with HiGHS, and explains the result.
import type { Highs } from 'highs';
import { feasibilityProblems, shortfallNotes, validateInput } from './checks.js';
import { describeOutcomes, weekClashNotes } from './explain.js';
import { loadSolver, MipRunner } from './highs.js';
import type { Instance } from './instance.js';
import { buildInstance, ordinal, sortAssignments } from './instance.js';
import type { MipModel, StageName } from './model.js';
import { buildModel, readAssignments, thresholdBounds } from './model.js';
import type { AssignmentFailure, AssignmentInput, AssignmentPlan, PlanStatus, RoleAssignment, StageResult } from './types.js';

export { loadSolver };
export const DEFAULT_TIME_LIMIT_SECONDS = 20;

function failure(reason: AssignmentFailure['reason'], messages: string[]): AssignmentFailure {
  return { ok: false, reason, messages };
}

/** Optional hooks that do not change the plan. */
export interface PlanOptions {
  /** Milliseconds from any origin, for the timing figures only (the solver's own clock is used otherwise). */
  clock?: () => number;
}

interface Solved {
  colValue: Float64Array;
  stages: StageResult[];
  status: PlanStatus;
  seconds: number;
}

type Outcome = Solved | { infeasible: true } | { noSolution: true };

class Budget {
  spent = 0;
  constructor(readonly limit: number) {}
  get left(): number {
    return this.limit - this.spent;
  }
}

function stage(mip: MipModel, name: StageName) {
  return mip.stages.find((s) => s.name === name)!;
}

function stageResult(mip: MipModel, name: StageName, value: number, proven: boolean, gap: number, seconds: number): StageResult {
  return { name, objective: stage(mip, name).objective, value, status: proven ? 'optimal' : 'time_limit', gap, timeMs: Math.round(seconds * 1000) };
}

/**
 * Stages 1 and 2 on the presenter-only relaxation. Its constraint matrix is a network in disguise (x = y + z,
 * z the extra presentations), so the LP optimum is integral and HiGHS answers at the root. Its optima are lower
 * bounds for the full problem; when the summary and review roles can be completed around them they are exact.
 */
function presenterRelaxation(highs: Highs, inst: Instance, budget: Budget) {
  const mip = buildModel(inst, { presenterOnly: true });
  const runner = new MipRunner(highs, mip);
  try {
    const zero = new Float64Array(mip.numCols);
    const ks = [...new Set(inst.cost.flat())].sort((a, b) => a - b);
    let lo = 0;
    let hi = ks.length - 1;
    let best: number | null = null;
    let seconds = 0;
    // Binary search for the least k at which every group can get its k-th choice or better.
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = thresholdBounds(inst, mip, ks[mid]!);
      runner.setBounds(t.cols, t.lower, t.upper);
      const out = runner.run(zero, budget.left);
      seconds += out.seconds;
      budget.spent += out.seconds;
      if (out.kind === 'solution') {
        best = ks[mid]!;
        hi = mid - 1;
      } else if (out.kind === 'infeasible') lo = mid + 1;
      else return null;
    }
    if (best === null) return { infeasible: true as const };
    const t = thresholdBounds(inst, mip, best);
    runner.setBounds(t.cols, t.lower, t.upper);
    const out = runner.run(stage(mip, 'total').cost, budget.left);
    budget.spent += out.seconds;
    if (out.kind !== 'solution' || !out.proven) return null;
    const presenters = readAssignments(inst, mip, out.colValue).filter((a) => a.role === 'presenter');
    return { worst: best, total: out.value, presenters, fairnessSeconds: seconds, totalSeconds: out.seconds };
  } finally {
    runner.dispose();
  }
}

/** Runs the stages on the full model: fast path around the relaxation's presenters, exact fallbacks otherwise. */
function solveFull(highs: Highs, inst: Instance, mip: MipModel, budget: Budget): Outcome {
  const hasPresenters = mip.stages.some((s) => s.name === 'fairness');
  const relaxed = hasPresenters ? presenterRelaxation(highs, inst, budget) : null;
  if (relaxed && 'infeasible' in relaxed) return { infeasible: true };
  const runner = new MipRunner(highs, mip);
  try {
    const stages: StageResult[] = [];
    let status: PlanStatus = 'optimal';
    let colValue: Float64Array | undefined;
    const spreadCost = stage(mip, 'spread').cost;
    const xP = mip.x.flatMap((row) => row.map((cols) => cols[0]!));
    const restoreP = () => runner.setBounds(xP, xP.map((c) => mip.colLower[c]!), xP.map((c) => mip.colUpper[c]!));

    if (hasPresenters) {
      let worst: number | null = null;
      if (relaxed) {
        // Fast path: keep the relaxation's presenters and complete the other roles.
        const chosen = new Set(relaxed.presenters.map((a) => `${a.g}|${a.m}`));
        const M = inst.meetings.length;
        const fixed = xP.map((_, i) => (chosen.has(`${Math.floor(i / M)}|${i % M}`) ? 1 : 0));
        runner.setBounds(xP, fixed, fixed);
        // First ask for a plan with no week clash at all: with the extra-role columns fixed at 0 the
        // week rows become clique constraints that HiGHS's presolve and LP handle far better.
        const extras = mip.extras;
        runner.setBounds(extras, extras.map(() => 0), extras.map(() => 0));
        let out = runner.run(spreadCost, budget.left);
        budget.spent += out.seconds;
        runner.setBounds(extras, extras.map(() => 0), extras.map(() => Infinity));
        if (out.kind !== 'solution') {
          out = runner.run(spreadCost, budget.left);
          budget.spent += out.seconds;
        }
        restoreP();
        if (out.kind === 'solution') {
          worst = relaxed.worst;
          const t = thresholdBounds(inst, mip, relaxed.worst);
          runner.setBounds(t.cols, t.lower, t.upper);
          runner.fix(stage(mip, 'total').cost, relaxed.total);
          stages.push(stageResult(mip, 'fairness', relaxed.worst, true, 0, relaxed.fairnessSeconds));
          stages.push(stageResult(mip, 'total', relaxed.total, true, 0, relaxed.totalSeconds));
          colValue = out.colValue;
          if (out.value === 0 && out.proven) {
            stages.push(stageResult(mip, 'spread', 0, true, 0, out.seconds));
            return { colValue, stages, status, seconds: budget.spent };
          }
        } else if (out.kind === 'none') {
          return { noSolution: true };
        }
      }
      if (worst === null) {
        // Fallback: the relaxation's presenters admit no completion. Raise k from the relaxation's bound.
        const ks = [...new Set(inst.cost.flat())].sort((a, b) => a - b).filter((k) => !relaxed || k >= relaxed.worst);
        let seconds = 0;
        for (const k of ks) {
          const t = thresholdBounds(inst, mip, k);
          runner.setBounds(t.cols, t.lower, t.upper);
          const out = runner.run(new Float64Array(mip.numCols), budget.left);
          seconds += out.seconds;
          budget.spent += out.seconds;
          if (out.kind === 'solution') {
            worst = k;
            colValue = out.colValue;
            break;
          }
          if (out.kind === 'none') return { noSolution: true };
        }
        if (worst === null) return { infeasible: true };
        stages.push(stageResult(mip, 'fairness', worst, true, 0, seconds));
        const out = runner.run(stage(mip, 'total').cost, budget.left, colValue);
        budget.spent += out.seconds;
        if (out.kind !== 'solution') return { colValue: colValue!, stages, status: 'time_limit', seconds: budget.spent };
        colValue = out.colValue;
        if (!out.proven) status = 'time_limit';
        stages.push(stageResult(mip, 'total', out.value, out.proven, out.gap, out.seconds));
        runner.fix(stage(mip, 'total').cost, out.value);
      }
    }
    // Stage 3 on the full model (presenters free again within the fixed fairness and total).
    if (colValue && budget.left < 0.05) {
      return { colValue, stages, status: 'time_limit', seconds: budget.spent };
    }
    const out = runner.run(spreadCost, budget.left, colValue);
    budget.spent += out.seconds;
    if (out.kind === 'infeasible') return { infeasible: true };
    if (out.kind === 'none') return colValue ? { colValue, stages, status: 'time_limit', seconds: budget.spent } : { noSolution: true };
    if (!out.proven) status = 'time_limit';
    stages.push(stageResult(mip, 'spread', out.value, out.proven, out.gap, out.seconds));
    return { colValue: out.colValue, stages, status, seconds: budget.spent };
  } finally {
    runner.dispose();
  }
}

/** When HiGHS proves infeasibility, re-solves relaxed copies to say which family of rules is to blame. */
function diagnose(highs: Highs, inst: Instance): string[] {
  const feasible = (variant: Instance): boolean => {
    const mip = buildModel(variant);
    const runner = new MipRunner(highs, mip);
    try {
      return runner.run(new Float64Array(mip.numCols), 2).kind === 'solution';
    } finally {
      runner.dispose();
    }
  };
  const messages: string[] = [];
  if (inst.locks.length > 0 && feasible({ ...inst, locks: [] })) {
    messages.push('The staff locks cannot all hold together with the other rules (one role per group per meeting, the counts per meeting, even loads). Remove or change some locks and solve again.');
  }
  const anyExcluded = inst.excluded.some((row) => row.some(Boolean));
  if (anyExcluded && feasible({ ...inst, excluded: inst.excluded.map((row) => row.map(() => false)) })) {
    messages.push('The exclusions leave too few available groups to fill every meeting while keeping loads even. Lift some exclusions and solve again.');
  }
  const relaxedLoads = {
    presenter: { ...inst.loads.presenter, min: 0, max: inst.loads.presenter.total },
    summarizer: { ...inst.loads.summarizer, min: 0, max: inst.loads.summarizer.total },
    reviewer: inst.reviewerSpread ? inst.loads.reviewer : { ...inst.loads.reviewer, min: 0, max: inst.loads.reviewer.total },
  };
  if (messages.length === 0 && feasible({ ...inst, loads: relaxedLoads })) {
    messages.push("The locks and exclusions make it impossible to keep every group's number of presenting, summary and review slots within one of the others'.");
  }
  messages.push(
    'No assignment satisfies every rule together: the counts per meeting, one role per group per meeting, even loads, the locks and the exclusions.',
  );
  return messages;
}

/**
 * Plans the presenter, summarizer and reviewer roles of every group. Pure apart from the solver's own clock:
 * the same input gives the same plan. Never throws for bad input; a failure names its cause.
 */
export async function planAssignment(input: AssignmentInput, options: PlanOptions = {}): Promise<AssignmentPlan | AssignmentFailure> {
  const invalid = validateInput(input);
  if (invalid.length > 0) return failure('invalid-input', invalid);
  const inst = buildInstance(input);
  const problems = feasibilityProblems(inst);
  if (problems.length > 0) return failure('infeasible', problems);
  const { notes, shortfalls } = shortfallNotes(inst);
  if (input.shortfall === 'fail' && shortfalls.length > 0) return failure('infeasible', shortfalls);

  let highs: Highs;
  try {
    highs = await loadSolver();
  } catch (error) {
    return failure('solver-error', [`The solver could not be loaded: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const timeLimit = input.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
  const started = options.clock?.();
  const mip = buildModel(inst);
  let outcome: Outcome;
  try {
    outcome = solveFull(highs, inst, mip, new Budget(timeLimit));
  } catch (error) {
    return failure('solver-error', [`The solver stopped with an error: ${error instanceof Error ? error.message : String(error)}`]);
  }
  if ('infeasible' in outcome) return failure('infeasible', diagnose(highs, inst));
  if ('noSolution' in outcome) {
    return failure('time-limit', [
      `No valid plan was found within the time limit of ${timeLimit} s. Allow more time, or remove some locks and exclusions.`,
    ]);
  }

  const picked = readAssignments(inst, mip, outcome.colValue);
  const assignments: RoleAssignment[] = sortAssignments(
    inst,
    picked.map(({ g, m, role }) => ({ meetingId: inst.meetings[m]!.id, groupId: inst.groups[g]!.id, role })),
  );
  const groups = describeOutcomes(inst, assignments);
  const costs = groups.flatMap((o) => (o.presenterCost === null ? [] : [o.presenterCost]));
  const worstRank = costs.length > 0 ? Math.max(...costs) : 0;
  const meanRank = costs.length > 0 ? costs.reduce((a, b) => a + b, 0) / costs.length : 0;
  const clashes = weekClashNotes(inst, assignments);
  const gap = outcome.stages.reduce((max, s) => Math.max(max, s.gap), 0);
  const planNotes = [...notes, ...clashes.notes];
  if (outcome.status === 'time_limit') {
    const stopped = outcome.stages.find((s) => s.status === 'time_limit');
    planNotes.push(
      `The solver reached the time limit of ${timeLimit} s${stopped ? ` in the ${stopped.name} stage` : ''}: the plan keeps every rule but may not be the best; its objective is within ${(gap * 100).toFixed(1)}% of the best possible.`,
    );
  }
  if (worstRank > 1 && costs.length > 0) {
    planNotes.push(`Every presenting group got its ${ordinal(worstRank)} choice or better; the mean rank is ${meanRank.toFixed(2)}.`);
  }
  return {
    ok: true,
    assignments,
    groups,
    stats: {
      status: outcome.status,
      stages: outcome.stages,
      gap,
      solveTimeMs: started !== undefined && options.clock ? Math.round(options.clock() - started) : Math.round(outcome.seconds * 1000),
      worstRank,
      meanRank,
      weekClashes: clashes.count,
    },
    notes: planNotes,
  };
}
