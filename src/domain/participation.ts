// Participation, computed: attendance and questions handed in (each with its allowance), and posts once discussions exist.

import type { AllowanceState } from './allowances.js';
import { add, div, HUNDRED, isZero, mul, ratio, ZERO, type Ratio } from './exact.js';

/**
 * How the parts weigh against each other (whole numbers, relative). The syllabus asks for a question
 * before every class and attendance at every class, each with 2 misses allowed, and "something to share
 * over the semester" on the forum: attendance and questions count equally; posts count once the course
 * has a discussion area (weight 0 until then).
 */
export interface ParticipationFormula {
  attendance: number;
  questions: number;
  posts: number;
  /** Posts over the semester that earn the full posts part. */
  postsExpected: number;
}

export const DEFAULT_PARTICIPATION: ParticipationFormula = Object.freeze({
  attendance: 1,
  questions: 1,
  posts: 0,
  postsExpected: 1,
});

export interface ParticipationInputs {
  /** From allowanceState over the classes whose roll was taken. */
  attendance: Pick<AllowanceState, 'settled' | 'excused' | 'penalized'> | null;
  /** From allowanceState over the question days. */
  questions: Pick<AllowanceState, 'settled' | 'excused' | 'penalized'> | null;
  posts: number | null;
}

/**
 * One allowance part as a fraction: occasions that count (settled, not excused) less the misses beyond
 * the allowance, over those that count. The allowed misses cost nothing; nothing settled yet → null.
 */
export function allowancePart(
  state: Pick<AllowanceState, 'settled' | 'excused' | 'penalized'>,
): Ratio | null {
  const countable = state.settled - state.excused;
  if (countable <= 0) return null;
  return ratio(Math.max(0, countable - state.penalized.length), countable);
}

/**
 * Participation in percent: the weighted mean of the parts that have something to count. A part with
 * nothing settled yet (or weight 0) is left out and the others re-normalise; null when no part counts.
 */
export function participationPercent(
  formula: ParticipationFormula,
  inputs: ParticipationInputs,
): Ratio | null {
  const parts: Array<[number, Ratio | null]> = [
    [formula.attendance, inputs.attendance ? allowancePart(inputs.attendance) : null],
    [formula.questions, inputs.questions ? allowancePart(inputs.questions) : null],
    [
      formula.posts,
      inputs.posts === null || formula.postsExpected <= 0
        ? null
        : ratio(Math.min(inputs.posts, formula.postsExpected), formula.postsExpected),
    ],
  ];
  let weighted = ZERO;
  let weights = ZERO;
  for (const [w, part] of parts) {
    if (part === null || w <= 0) continue;
    weighted = add(weighted, mul(ratio(w), part));
    weights = add(weights, ratio(w));
  }
  return isZero(weights) ? null : mul(div(weighted, weights), HUNDRED);
}

/** Points on a participation item of `possible` points, from the percent. */
export function participationPoints(percent: Ratio, possible: Ratio): Ratio {
  return div(mul(percent, possible), HUNDRED);
}
