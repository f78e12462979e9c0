// The first-come baseline beside a plan: what a sign-up sheet would have given each group, over a fixed set of sheet orders.
import { firstComeSignup, type AssignmentInput } from '../../assignment/index.js';
import { mulberry32 } from '../../domain/group-formation.js';

/** The sheet orders tried: fixed seeds, so the same input always shows the same baseline. */
export const FIRST_COME_SEEDS = [1, 2, 3, 4, 5, 6, 7] as const;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Group id → the median, over the seeded sheet orders, of the rank of the best date the group would have taken
 * (the solver's cost: its rank, list length + 1 when unranked); null when it would never present. Empty when
 * nothing is left to sign up for.
 */
export function firstComeRanks(input: AssignmentInput): Map<string, number | null> {
  const ranks = new Map<string, number | null>();
  if (input.meetings.length === 0 || input.groups.length === 0) return ranks;
  const runs = FIRST_COME_SEEDS.map((seed) => firstComeSignup(input, mulberry32(seed)).costs);
  for (const group of input.groups) {
    const costs = runs.map((r) => r[group.id]).filter((c): c is number => typeof c === 'number');
    ranks.set(group.id, median(costs));
  }
  return ranks;
}
