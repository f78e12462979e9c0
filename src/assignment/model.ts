// Builds the integer program that assigns presenter, summarizer and reviewer roles, with one objective per stage.
/*
 * Variables
 *   x[g,m,r] ∈ {0,1}  group g holds role r at meeting m.
 *   y[g,m]   ∈ {0,1}  meeting m is the presenting meeting that counts for g's preference (only when some groups
 *                     present twice; otherwise y is x[·,·,presenter] itself).
 *   W ≥ 0             the worst presenter cost of any group.
 *   e[g,w]   ≥ 0      roles of g in ISO week w beyond the first (only weeks with two or more meetings).
 *
 * Hard constraints
 *   - each meeting gets exactly its count of presenters and summarizers, and of reviewers (or, with
 *     'each-group-once', between ⌊groups/meetings⌋ and ⌈groups/meetings⌉ reviewers);
 *   - each group holds between ⌊T_r/groups⌋ and ⌈T_r/groups⌉ slots of role r, T_r being the role's slots
 *     over the term: every group presents, summarizes and reviews at least once whenever T_r ≥ groups,
 *     and loads never differ by more than one (with 'each-group-once' every group reviews exactly once);
 *   - at most one role per group per meeting, so a group never summarizes or reviews what it presents;
 *   - locks fix x = 1, exclusions fix x = 0 for every role.
 *
 * Preference cost of meeting m for group g: its 1-based rank in g's list; a meeting g did not rank costs
 * (list length + 1), tied behind every ranked one; a group that ranked nothing costs 1 everywhere (it is
 * content anywhere). A group's cost is that of its best presenting meeting (y picks it, since every stage
 * minimises). Ranks are what groups state and what staff read, so the cost is the rank itself. When there
 * are fewer presenting slots than groups, a group without one is outside stages 1–2 (no cost); the notes
 * say how many do not present and each such group's explanation says why.
 *
 * Objective, lexicographic, solved in stages (solve, fix the optimum as a constraint, re-solve):
 *   1. fairness: minimise W, the worst group's cost;
 *   2. total: with W fixed, minimise the sum of all groups' costs;
 *   3. spread: with both fixed, minimise Σ e, the roles doubled up within one week (so summary and review
 *      land away from a group's presenting week wherever the calendar allows).
 * Why min-max first, then the sum: a pure sum happily gives one group its 9th choice to hand three others
 * their 1st instead of their 2nd; the class should first protect the worst-off group, and only then make
 * everyone as well off as possible. Stages rather than one weighted sum: weights big enough to make the
 * order strict blow up the coefficient range, and stages let each answer be stated and checked on its own.
 *
 * How the stages are solved (solve.ts), cheapest exact step first:
 *   - Stages 1–2 on the presenter-only relaxation, which is a network: an exact min-cost flow (flow.ts)
 *     gives the least worst rank (binary search over k) and then the least total. These bound the full
 *     problem from below.
 *   - If summary and review roles can be completed around those presenters with no week clash
 *     (completion.ts, two more flows), all three stages are at their optimum and no MIP is needed.
 *   - Otherwise HiGHS solves this model with the relaxation's values fixed (stage 3 only), asking first for
 *     a clash-free plan; if the relaxation's presenters admit no completion at all, k rises until the full
 *     model is feasible and stages 2–3 run as MIPs. Each HiGHS call tries the LP relaxation first and keeps
 *     it when integral.
 *
 * Determinism: groups are sorted by id and meetings by date and id before the model is built, so the
 * flows and the model (and HiGHS's single-threaded, fixed-seed search) are identical whatever order the
 * caller used; ties are broken by that canonical order (first group, first meeting), not by chance.
 */
import type { Instance } from './instance.js';
import { groupLoad, ROLES } from './instance.js';
import type { Role, StageResult } from './types.js';

export type StageName = 'fairness' | 'total' | 'spread' | 'disruption';

/** What each stage minimises, in words (shown in the plan's stats). */
export const STAGE_OBJECTIVE: Record<StageName, string> = {
  fairness: "worst group's presenter preference cost",
  total: "sum of groups' presenter preference costs",
  spread: 'extra roles held by one group within one week',
  disruption: 'roles of the plan in force that the re-plan changes',
};

export interface Stage {
  name: StageName;
  objective: string;
  /** Objective coefficients, one per column. */
  cost: Float64Array;
}

export interface MipModel {
  numCols: number;
  colLower: Float64Array;
  colUpper: Float64Array;
  /** 1 = integer, 0 = continuous. */
  integrality: Int32Array;
  rowLower: number[];
  rowUpper: number[];
  /** Rows in CSR form. */
  starts: number[];
  indices: number[];
  values: number[];
  stages: Stage[];
  /** x[g][m][r] column, r in ROLES order. */
  x: number[][][];
  /** Column carrying g's presenter cost at m (y, or x presenter). */
  costed: number[][];
  worst: number;
  /** The e[g,w] columns (extra roles in one week). */
  extras: number[];
  /** Group and week of each extras column. */
  extraOwner: { g: number; w: number }[];
}

const ROLE_POS: Record<Role, number> = { presenter: 0, summarizer: 1, reviewer: 2 };

export interface BuildOptions {
  /** Only presenter variables, no spread: the relaxation whose optimum bounds stages 1 and 2 (see solve.ts). */
  presenterOnly?: boolean;
}

export function buildModel(inst: Instance, options: BuildOptions = {}): MipModel {
  const n = inst.groups.length;
  const mCount = inst.meetings.length;
  const lower: number[] = [];
  const upper: number[] = [];
  const integer: number[] = [];
  const addCol = (lo: number, hi: number, isInt: boolean): number => {
    lower.push(lo);
    upper.push(hi);
    integer.push(isInt ? 1 : 0);
    return lower.length - 1;
  };
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  /** `coefs` is one coefficient per column, or one number for all of them. */
  const addRow = (lo: number, hi: number, cols: number[], coefs: number[] | number): void => {
    for (let i = 0; i < cols.length; i++) {
      const c = typeof coefs === 'number' ? coefs : coefs[i]!;
      if (c === 0) continue;
      indices.push(cols[i]!);
      values.push(c);
    }
    rowLower.push(lo);
    rowUpper.push(hi);
    starts.push(indices.length);
  };

  const roleActive: Record<Role, boolean> = {
    presenter: inst.loads.presenter.max > 0,
    summarizer: !options.presenterOnly && inst.loads.summarizer.max > 0,
    reviewer: !options.presenterOnly && inst.loads.reviewer.max > 0,
  };

  // x columns; exclusions and locks become bounds.
  const locked = new Set(inst.locks.map((l) => `${l.g}|${l.m}|${l.role}`));
  const lockedAt = new Set(inst.locks.map((l) => `${l.g}|${l.m}`));
  const x: number[][][] = [];
  for (let g = 0; g < n; g++) {
    const row: number[][] = [];
    for (let m = 0; m < mCount; m++) {
      const cols: number[] = [];
      for (const role of ROLES) {
        const isLocked = locked.has(`${g}|${m}|${role}`);
        // A lock on another role at this meeting closes this one (kept explicit for the presenter-only model).
        const open = roleActive[role] && !inst.excluded[g]![m] && (isLocked || !lockedAt.has(`${g}|${m}`));
        // A lock on an excluded meeting is reported by the pre-checks; keep the bound consistent here.
        cols.push(addCol(isLocked && open ? 1 : 0, open ? 1 : 0, true));
      }
      row.push(cols);
    }
    x.push(row);
  }

  // Presenter cost carrier: y when a group may present twice, otherwise x itself.
  const presenterLoad = inst.loads.presenter;
  const needY = presenterLoad.max > 1;
  const costed: number[][] = [];
  for (let g = 0; g < n; g++) {
    if (!needY) {
      costed.push(x[g]!.map((cols) => cols[0]!));
      continue;
    }
    const ys: number[] = [];
    for (let m = 0; m < mCount; m++) {
      const y = addCol(0, inst.excluded[g]![m] ? 0 : 1, true);
      addRow(-Infinity, 0, [y, x[g]![m]![0]!], [1, -1]);
      ys.push(y);
    }
    addRow(1, 1, ys, 1);
    costed.push(ys);
  }
  const worst = addCol(0, Infinity, false);

  // Meeting counts per role.
  for (let m = 0; m < mCount; m++) {
    for (const role of ROLES) {
      if (!roleActive[role]) continue;
      const cols = inst.groups.map((_, g) => x[g]![m]![ROLE_POS[role]]!);
      const fixed = inst.perMeeting[role];
      if (fixed !== null) addRow(fixed, fixed, cols, 1);
      else if (inst.reviewerSpread) addRow(inst.reviewerSpread.min, inst.reviewerSpread.max, cols, 1);
    }
  }
  // One role per group per meeting.
  const activeRoles = ROLES.filter((r) => roleActive[r]);
  if (activeRoles.length > 1) {
    for (let g = 0; g < n; g++) {
      for (let m = 0; m < mCount; m++) {
        if (inst.excluded[g]![m]) continue;
        addRow(
          -Infinity,
          1,
          activeRoles.map((r) => x[g]![m]![ROLE_POS[r]]!),
          1,
        );
      }
    }
  }
  // Balanced loads per role.
  for (let g = 0; g < n; g++) {
    for (const role of activeRoles) {
      const { min, max } = groupLoad(inst, role, g);
      addRow(
        min,
        max,
        x[g]!.map((cols) => cols[ROLE_POS[role]]!),
        1,
      );
    }
  }
  // Fairness: every group's cost is at most W.
  if (roleActive.presenter) {
    for (let g = 0; g < n; g++) {
      addRow(-Infinity, 0, [...costed[g]!, worst], [...inst.cost[g]!, -1]);
    }
  }
  // Spread: roles beyond the first in one ISO week.
  const extras: number[] = [];
  const extraOwner: { g: number; w: number }[] = [];
  for (const [w, week] of (options.presenterOnly ? [] : inst.weeks).entries()) {
    if (week.meetings.length < 2) continue;
    for (let g = 0; g < n; g++) {
      const cols = week.meetings.flatMap((m) => activeRoles.map((r) => x[g]![m]![ROLE_POS[r]]!));
      const e = addCol(0, Infinity, false);
      extras.push(e);
      extraOwner.push({ g, w });
      cols.push(e);
      addRow(
        -Infinity,
        1,
        cols,
        cols.map((_, i) => (i === cols.length - 1 ? -1 : 1)),
      );
    }
  }

  const numCols = lower.length;
  const fairness = new Float64Array(numCols);
  fairness[worst] = 1;
  const total = new Float64Array(numCols);
  if (roleActive.presenter) {
    for (let g = 0; g < n; g++) {
      for (let m = 0; m < mCount; m++) total[costed[g]![m]!] = inst.cost[g]![m]!;
    }
  }
  const spread = new Float64Array(numCols);
  for (const e of extras) spread[e] = 1;

  const stages: Stage[] = [];
  if (roleActive.presenter) {
    stages.push({ name: 'fairness', objective: STAGE_OBJECTIVE.fairness, cost: fairness });
    stages.push({ name: 'total', objective: STAGE_OBJECTIVE.total, cost: total });
  }
  stages.push({ name: 'spread', objective: STAGE_OBJECTIVE.spread, cost: spread });
  if (inst.kept.length > 0 && !options.presenterOnly) {
    // Keeping a published role scores −1: the least value is the most roles kept, i.e. the fewest changes.
    const disruption = new Float64Array(numCols);
    for (const k of inst.kept) disruption[x[k.g]![k.m]![ROLE_POS[k.role]]!] = -1;
    stages.push({ name: 'disruption', objective: STAGE_OBJECTIVE.disruption, cost: disruption });
  }

  return {
    numCols,
    colLower: Float64Array.from(lower),
    colUpper: Float64Array.from(upper),
    integrality: Int32Array.from(integer),
    rowLower,
    rowUpper,
    starts,
    indices,
    values,
    stages,
    x,
    costed,
    worst,
    extras,
    extraOwner,
  };
}

/**
 * Bounds that keep every group's counted presenting meeting at cost ≤ k (stage 1 as a feasibility question:
 * "can every group get its k-th choice or better?"). `impossible` when a locked counted column costs more
 * than k (a group whose only presenting slot is locked there cannot do better than that lock).
 */
export function thresholdBounds(
  inst: Instance,
  mip: MipModel,
  k: number,
): { cols: number[]; lower: number[]; upper: number[]; impossible: boolean } {
  const cols: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  let impossible = false;
  mip.costed.forEach((row, g) =>
    row.forEach((col, m) => {
      cols.push(col);
      const lo = mip.colLower[col]!;
      const within = inst.cost[g]![m]! <= k;
      if (lo > 0 && !within) impossible = true;
      lower.push(lo);
      upper.push(lo > 0 ? lo : within ? mip.colUpper[col]! : 0);
    }),
  );
  return { cols, lower, upper, impossible };
}

/** Reads the role assignments out of a column vector. */
export function readAssignments(
  inst: Instance,
  model: MipModel,
  colValue: ArrayLike<number>,
): { g: number; m: number; role: Role }[] {
  const out: { g: number; m: number; role: Role }[] = [];
  for (let m = 0; m < inst.meetings.length; m++) {
    for (const role of ROLES) {
      for (let g = 0; g < inst.groups.length; g++) {
        if ((colValue[model.x[g]![m]![ROLE_POS[role]]!] ?? 0) > 0.5) out.push({ g, m, role });
      }
    }
  }
  return out;
}

/** A stage's figures as the plan reports them. */
export function stageResult(
  name: StageName,
  value: number,
  proven: boolean,
  gap: number,
  seconds: number,
): StageResult {
  return {
    name,
    objective: STAGE_OBJECTIVE[name],
    value,
    status: proven ? 'optimal' : 'time_limit',
    gap,
    timeMs: Math.round(seconds * 1000),
  };
}
