// The status quo to beat: a first-come sign-up sheet where groups, in random order, take their best remaining date.
import { buildInstance } from './instance.js';
import type { AssignmentInput, RoleAssignment } from './types.js';

export interface FirstComeResult {
  /** Group ids in the order they reached the sheet. */
  order: string[];
  presenters: RoleAssignment[];
  /** Group id → cost of its best presenting meeting (same cost as the solver's), null if it got none. */
  costs: Record<string, number | null>;
  meanRank: number;
  worstRank: number;
}

/**
 * Simulates the sign-up sheet for presenting only (the role groups rank). Locked presenters are on the sheet
 * before it opens and excluded dates cannot be taken. Each round, every group in sheet order takes its best
 * remaining ranked date with a free slot (earliest date among ties; an unranked date if its list is used up);
 * rounds repeat while slots remain and a group may still take one more (loads differ by at most one).
 * `rng` returns numbers in [0, 1); pass a seeded one for repeatable figures.
 */
export function firstComeSignup(input: AssignmentInput, rng: () => number): FirstComeResult {
  const inst = buildInstance(input);
  const n = inst.groups.length;
  const order = inst.groups.map((_, g) => g);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const free = inst.meetings.map(() => inst.perMeeting.presenter);
  const taken = inst.groups.map(() => new Set<number>());
  for (const lock of inst.locks) {
    if (lock.role !== 'presenter') continue;
    free[lock.m]!--;
    taken[lock.g]!.add(lock.m);
  }
  const max = inst.loads.presenter.max;
  let progress = true;
  while (progress && free.some((f) => f > 0)) {
    progress = false;
    const fewest = Math.min(...taken.map((t) => t.size));
    for (const g of order) {
      if (taken[g]!.size > fewest || taken[g]!.size >= max) continue;
      let pick = -1;
      for (let m = 0; m < inst.meetings.length; m++) {
        if (free[m]! <= 0 || inst.excluded[g]![m] || taken[g]!.has(m)) continue;
        if (pick < 0 || inst.cost[g]![m]! < inst.cost[g]![pick]!) pick = m;
      }
      if (pick < 0) continue;
      free[pick]!--;
      taken[g]!.add(pick);
      progress = true;
    }
  }
  const presenters: RoleAssignment[] = [];
  const costs: Record<string, number | null> = {};
  inst.groups.forEach((group, g) => {
    const mine = [...taken[g]!].sort((a, b) => a - b);
    for (const m of mine)
      presenters.push({ meetingId: inst.meetings[m]!.id, groupId: group.id, role: 'presenter' });
    costs[group.id] = mine.length > 0 ? Math.min(...mine.map((m) => inst.cost[g]![m]!)) : null;
  });
  const values = Object.values(costs).filter((c): c is number => c !== null);
  return {
    order: order.map((g) => inst.groups[g]!.id),
    presenters,
    costs,
    meanRank: values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : 0,
    worstRank: values.length > 0 ? Math.max(...values) : 0,
  };
}
