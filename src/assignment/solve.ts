// Plans the role assignment: checks the input, solves the staged integer program with HiGHS, and explains the result.
import type { Highs } from 'highs';
import { checkPlan, feasibilityProblems, shortfallNotes, validateInput } from './checks.js';
import { describeOutcomes, weekClashNotes } from './explain.js';
import { loadSolver, MipRunner } from './highs.js';
import type { Instance } from './instance.js';
import { buildInstance, ordinal, sortAssignments } from './instance.js';
import type { MipModel, StageName } from './model.js';
import { buildModel, readAssignments, stageResult, thresholdBounds } from './model.js';
import { completeWithoutClash } from './completion.js';
import { diagnose } from './diagnose.js';
import { presenterFlow, spreadExtras } from './flow.js';
import type {
  AssignmentFailure,
  AssignmentInput,
  AssignmentPlan,
  PlanStatus,
  Role,
  RoleAssignment,
  StageResult,
} from './types.js';

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

type ModelOutcome = Solved | { infeasible: true } | { noSolution: true };
type Outcome =
  | {
      picked: { g: number; m: number; role: Role }[];
      stages: StageResult[];
      status: PlanStatus;
      seconds: number;
    }
  | { infeasible: true }
  | { noSolution: true };
type Relaxed = Exclude<ReturnType<typeof presenterRelaxation>, { infeasible: true }>;

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

/**
 * Stages 1 and 2 on the presenter-only relaxation, solved exactly as a min-cost flow (flow.ts): the least k
 * at which every group can get its k-th choice or better (binary search), then the least total at that k.
 * Both are lower bounds for the full problem; when the summary and review roles can be completed around
 * the flow's presenters they are the full problem's optima too.
 */
function presenterRelaxation(inst: Instance, clock: () => number) {
  const started = clock();
  const ks = [...new Set(inst.cost.flat())].sort((a, b) => a - b);
  let lo = 0;
  let hi = ks.length - 1;
  let best: number | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (presenterFlow(inst, ks[mid]!, false).feasible) {
      best = ks[mid]!;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  if (best === null) return { infeasible: true as const };
  const fairnessDone = clock();
  const flow = presenterFlow(inst, best, true);
  return {
    worst: best,
    total: flow.total,
    presenters: spreadExtras(inst, flow.presenters),
    fairnessSeconds: (fairnessDone - started) / 1000,
    totalSeconds: (clock() - fairnessDone) / 1000,
  };
}

/**
 * Runs the stages on the full model.
 *   Stages 1–2: the relaxation's optima, kept when the other roles can be completed around its presenters;
 *   otherwise k rises from the relaxation's bound until the full model is feasible, then the total is solved.
 *   Stage 3 (spread), cheapest questions first: a plan with no week clash around the relaxation's presenters,
 *   then with any presenters of the same fairness and total, and only then the general minimisation.
 */
function solveFull(highs: Highs, inst: Instance, budget: Budget, clock: () => number): Outcome {
  const hasPresenters = inst.loads.presenter.max > 0;
  // A re-plan (own loads per group, roles to keep) has no flow shortcut: the model solves every stage.
  const relaxed = hasPresenters && !inst.groupLoads ? presenterRelaxation(inst, clock) : null;
  if (relaxed && 'infeasible' in relaxed) return { infeasible: true };
  if (relaxed) {
    const quick = completeWithoutClash(inst, relaxed.presenters);
    if (quick) {
      // Clash-free completion around optimal presenters: every stage is at its optimum, no MIP needed.
      return {
        picked: quick,
        stages: [
          stageResult('fairness', relaxed.worst, true, 0, relaxed.fairnessSeconds),
          stageResult('total', relaxed.total, true, 0, relaxed.totalSeconds),
          stageResult('spread', 0, true, 0, 0),
        ],
        status: 'optimal',
        seconds: budget.spent,
      };
    }
  }
  const mip = buildModel(inst);
  const out = solveWithModel(highs, inst, mip, budget, relaxed);
  if (!('colValue' in out)) return out;
  return {
    picked: readAssignments(inst, mip, out.colValue),
    stages: out.stages,
    status: out.status,
    seconds: out.seconds,
  };
}

/** The MIP part of solveFull, used when the flows alone do not settle every stage. */
function solveWithModel(
  highs: Highs,
  inst: Instance,
  mip: MipModel,
  budget: Budget,
  relaxed: Relaxed | null,
): ModelOutcome {
  const hasPresenters = inst.loads.presenter.max > 0;
  const runner = new MipRunner(highs, mip);
  try {
    const stages: StageResult[] = [];
    let status: PlanStatus = 'optimal';
    let best: { colValue: Float64Array; spread: number } | null = null;
    const spreadCost = stage(mip, 'spread').cost;
    const xP = mip.x.flatMap((row) => row.map((cols) => cols[0]!));
    const M = inst.meetings.length;
    const noClash = (on: boolean) =>
      runner.setBounds(
        mip.extras,
        mip.extras.map(() => 0),
        mip.extras.map(() => (on ? 0 : Infinity)),
      );
    const attempt = () => {
      const out = runner.run(spreadCost, budget.left, best?.colValue);
      budget.spent += out.seconds;
      return out;
    };
    const done = (spread: { value: number; proven: boolean; gap: number; seconds: number }): Solved => {
      if (!spread.proven) status = 'time_limit';
      stages.push(stageResult('spread', spread.value, spread.proven, spread.gap, spread.seconds));
      const disruption = mip.stages.find((s) => s.name === 'disruption');
      if (disruption) {
        // Stage 4 of a re-plan: with the other three fixed, keep as many published roles as possible.
        const keptNow = (cv: ArrayLike<number>) =>
          disruption.cost.reduce((sum, c, i) => sum + (c !== 0 && (cv[i] ?? 0) > 0.5 ? 1 : 0), 0);
        runner.fix(spreadCost, spread.value);
        const out = runner.run(disruption.cost, budget.left, best!.colValue);
        budget.spent += out.seconds;
        const changes = (cv: ArrayLike<number>) => inst.kept.length - keptNow(cv);
        if (out.kind === 'solution') {
          best = { colValue: out.colValue, spread: spread.value };
          if (!out.proven) status = 'time_limit';
          stages.push(stageResult('disruption', changes(out.colValue), out.proven, out.gap, out.seconds));
        } else {
          status = 'time_limit';
          stages.push(stageResult('disruption', changes(best!.colValue), false, 1, out.seconds));
        }
      }
      return { colValue: best!.colValue, stages, status, seconds: budget.spent };
    };
    let spreadSeconds = 0;

    if (relaxed) {
      const chosen = new Set(relaxed.presenters.map((a) => `${a.g}|${a.m}`));
      const fixed = xP.map((_, i) => (chosen.has(`${Math.floor(i / M)}|${i % M}`) ? 1 : 0));
      runner.setBounds(xP, fixed, fixed);
      noClash(true);
      let out = attempt();
      spreadSeconds += out.seconds;
      if (out.kind === 'solution') {
        best = { colValue: out.colValue, spread: 0 };
      } else {
        noClash(false);
        out = attempt();
        spreadSeconds += out.seconds;
        if (out.kind === 'solution') best = { colValue: out.colValue, spread: out.value };
      }
      runner.setBounds(
        xP,
        xP.map((c) => mip.colLower[c]!),
        xP.map((c) => mip.colUpper[c]!),
      );
      if (best) {
        stages.push(stageResult('fairness', relaxed.worst, true, 0, relaxed.fairnessSeconds));
        stages.push(stageResult('total', relaxed.total, true, 0, relaxed.totalSeconds));
        const t = thresholdBounds(inst, mip, relaxed.worst);
        runner.setBounds(t.cols, t.lower, t.upper);
        runner.fix(stage(mip, 'total').cost, relaxed.total);
        if (best.spread === 0) return done({ value: 0, proven: true, gap: 0, seconds: spreadSeconds });
        // Neighbourhood: free the presenters of the clashing groups and of every group presenting in the
        // clashing weeks, keep the rest. A clash-free plan found there is optimal (0 is the least spread).
        const colValue = best.colValue;
        const clashing = mip.extraOwner.filter((_, i) => (colValue[mip.extras[i]!] ?? 0) > 0.5);
        const weeks = new Set(clashing.map((c) => c.w));
        const free = new Set(clashing.map((c) => c.g));
        xP.forEach((col, i) => {
          if ((colValue[col] ?? 0) > 0.5 && weeks.has(inst.weekOf[i % M]!)) free.add(Math.floor(i / M));
        });
        const keep = xP.map((col, i) => !free.has(Math.floor(i / M)));
        const lower = xP.map((col, i) => (keep[i] ? Math.round(colValue[col]!) : mip.colLower[col]!));
        const upper = xP.map((col, i) => (keep[i] ? Math.round(colValue[col]!) : mip.colUpper[col]!));
        runner.setBounds(xP, lower, upper);
        noClash(true);
        const near = attempt();
        spreadSeconds += near.seconds;
        noClash(false);
        runner.setBounds(
          xP,
          xP.map((c) => mip.colLower[c]!),
          xP.map((c) => mip.colUpper[c]!),
        );
        runner.setBounds(t.cols, t.lower, t.upper);
        if (near.kind === 'solution') {
          best = { colValue: near.colValue, spread: 0 };
          return done({ value: 0, proven: true, gap: 0, seconds: spreadSeconds });
        }
      } else if (out.kind === 'none') {
        return { noSolution: true };
      }
    }

    if (hasPresenters && !best) {
      // The relaxation's presenters admit no completion: raise k from the relaxation's bound.
      const ks = [...new Set(inst.cost.flat())]
        .sort((a, b) => a - b)
        .filter((k) => !relaxed || k >= relaxed.worst);
      let worst: number | null = null;
      let seconds = 0;
      let start: Float64Array | undefined;
      for (const k of ks) {
        const t = thresholdBounds(inst, mip, k);
        if (t.impossible) continue;
        runner.setBounds(t.cols, t.lower, t.upper);
        const out = runner.run(new Float64Array(mip.numCols), budget.left);
        seconds += out.seconds;
        budget.spent += out.seconds;
        if (out.kind === 'solution') {
          worst = k;
          start = out.colValue;
          break;
        }
        if (out.kind === 'none') return { noSolution: true };
      }
      if (worst === null || !start) return { infeasible: true };
      stages.push(stageResult('fairness', worst, true, 0, seconds));
      const out = runner.run(stage(mip, 'total').cost, budget.left, start);
      budget.spent += out.seconds;
      if (out.kind !== 'solution')
        return { colValue: start, stages, status: 'time_limit', seconds: budget.spent };
      if (!out.proven) status = 'time_limit';
      stages.push(stageResult('total', out.value, out.proven, out.gap, out.seconds));
      runner.fix(stage(mip, 'total').cost, out.value);
      best = {
        colValue: out.colValue,
        spread: Math.round(mip.extras.reduce((sum, e) => sum + (out.colValue[e] ?? 0), 0)),
      };
    }

    // Stage 3 with presenters free within the fixed fairness and total: first ask for no clash at all.
    if (best && budget.left < 0.05) {
      return { colValue: best.colValue, stages, status: 'time_limit', seconds: budget.spent };
    }
    noClash(true);
    let out = attempt();
    spreadSeconds += out.seconds;
    noClash(false);
    if (out.kind === 'solution') {
      best = { colValue: out.colValue, spread: 0 };
      return done({ value: 0, proven: true, gap: 0, seconds: spreadSeconds });
    }
    if (out.kind === 'none' && best)
      return done({ value: best.spread, proven: false, gap: 1, seconds: spreadSeconds });
    out = attempt();
    spreadSeconds += out.seconds;
    if (out.kind === 'infeasible') return { infeasible: true };
    if (out.kind === 'none') {
      if (!best) return { noSolution: true };
      return done({ value: best.spread, proven: false, gap: 1, seconds: spreadSeconds });
    }
    best = { colValue: out.colValue, spread: out.value };
    return done({ value: out.value, proven: out.proven, gap: out.gap, seconds: spreadSeconds });
  } finally {
    runner.dispose();
  }
}

/**
 * Plans the presenter, summarizer and reviewer roles of every group. Pure apart from the solver's own clock:
 * the same input gives the same plan. Never throws for bad input; a failure names its cause.
 */
export async function planAssignment(
  input: AssignmentInput,
  options: PlanOptions = {},
): Promise<AssignmentPlan | AssignmentFailure> {
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
    return failure('solver-error', [
      `The solver could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
  const timeLimit = input.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
  const started = options.clock?.();
  let outcome: Outcome;
  try {
    outcome = solveFull(highs, inst, new Budget(timeLimit), options.clock ?? (() => 0));
  } catch (error) {
    return failure('solver-error', [
      `The solver stopped with an error: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
  if ('infeasible' in outcome) return failure('infeasible', diagnose(highs, inst, timeLimit));
  if ('noSolution' in outcome) {
    return failure('time-limit', [
      `No valid plan was found within the time limit of ${timeLimit} s. Allow more time, or remove some locks and exclusions.`,
    ]);
  }

  const picked = outcome.picked;
  const assignments: RoleAssignment[] = sortAssignments(
    inst,
    picked.map(({ g, m, role }) => ({ meetingId: inst.meetings[m]!.id, groupId: inst.groups[g]!.id, role })),
  );
  // Safety net: a plan that breaks a hard rule is a bug, never something to hand to staff.
  const broken = checkPlan(input, assignments);
  if (broken.length > 0) {
    return failure('solver-error', [
      'The solver returned a plan that breaks the rules; please report this.',
      ...broken.map((v) => v.message),
    ]);
  }
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
    planNotes.push(
      `Every presenting group got its ${ordinal(worstRank)} choice or better; the mean rank is ${meanRank.toFixed(2)}.`,
    );
  }
  return {
    ok: true,
    assignments,
    groups,
    stats: {
      status: outcome.status,
      stages: outcome.stages,
      gap,
      solveTimeMs:
        started !== undefined && options.clock
          ? Math.round(options.clock() - started)
          : Math.round(outcome.seconds * 1000),
      worstRank,
      meanRank,
      weekClashes: clashes.count,
    },
    notes: planNotes,
  };
}
