// The canonical form of an assignment input: sorted groups and meetings, preference costs, role counts and load bounds.
import { DateTime } from 'luxon';
import type { AssignmentGroup, AssignmentInput, AssignmentMeeting, Role } from './types.js';
import { ROLES } from './types.js';

export interface LoadBounds {
  /** Role slots over the whole term. */
  total: number;
  /** Every group holds between min and max slots of the role (max − min ≤ 1). */
  min: number;
  max: number;
}

export interface Instance {
  /** Sorted by id: the order never depends on how the caller listed them. */
  groups: AssignmentGroup[];
  /** Sorted by date, then id. */
  meetings: AssignmentMeeting[];
  groupIndex: Map<string, number>;
  meetingIndex: Map<string, number>;
  /** rank[g][m]: 1-based position of meeting m in group g's list, or null when unranked. */
  rank: (number | null)[][];
  /** cost[g][m]: the presenter preference cost (see model.ts). */
  cost: number[][];
  prefLength: number[];
  /** Groups per meeting for each role; reviewer is null in 'each-group-once' mode. */
  perMeeting: { presenter: number; summarizer: number; reviewer: number | null };
  /** In 'each-group-once' mode, each meeting gets between these many reviewer groups. */
  reviewerSpread: { min: number; max: number } | null;
  loads: Record<Role, LoadBounds>;
  /** Deduplicated, sorted locks, as indices. */
  locks: { g: number; m: number; role: Role }[];
  excluded: boolean[][];
  /** Meeting indices grouped by ISO week, in date order. */
  weeks: { label: string; meetings: number[] }[];
  weekOf: number[];
  /**
   * Per-group load bounds of a re-plan (input.prior or input.published given): the most even totals over
   * the term once the prior roles are counted. Null for a plan from scratch, where `loads` holds for all.
   */
  groupLoads: Record<Role, { min: number; max: number }[]> | null;
  /** Published roles on the planned meetings, as indices: the disruption stage keeps as many as it can. */
  kept: { g: number; m: number; role: Role }[];
  /** Whether roles exist already (frozen or in force): the plan re-plans the classes left of a term. */
  replan: boolean;
}

/** The load bounds of group g for a role (the group's own in a re-plan, the common ones otherwise). */
export function groupLoad(inst: Pick<Instance, 'loads' | 'groupLoads'>, role: Role, g: number) {
  return inst.groupLoads?.[role][g] ?? inst.loads[role];
}

/**
 * The most even future loads given what each group already holds: the least level H such that raising
 * every group below H up to H (but no group past its cap) covers the future slots; each group then ends
 * the term with H − 1 or H roles of the kind, or its cap, and a group already at or above H takes none.
 */
function waterFill(prior: number[], future: number, caps: number[]): { min: number; max: number }[] {
  const upTo = (h: number) => prior.map((f, g) => Math.min(caps[g]!, Math.max(0, h - f)));
  const room = upTo(Number.MAX_SAFE_INTEGER).reduce((a, b) => a + b, 0);
  let level = 0;
  while (upTo(level).reduce((a, b) => a + b, 0) < Math.min(future, room)) level++;
  const high = upTo(level);
  const low = upTo(level - 1);
  return prior.map((_, g) => ({ min: low[g]!, max: high[g]! }));
}

/**
 * Per-group bounds of a re-plan: each role water-filled over the term. A group holds one role per meeting,
 * so what it must take (its minimum, or more when the other groups' maximums leave it the rest) has to fit
 * its meetings, beside `fixed[g]` roles it holds anyway (reviewing once). Where it does not (a group that
 * joined late, with few classes left), the cap of the most-forced role drops by one (reviewer before
 * summarizer before presenter) until it fits, and the other groups take up the rest.
 */
function termLoads(
  prior: Record<Role, number[]>,
  future: Record<Role, number>,
  available: number[],
  fixed: number[],
): Record<Role, { min: number; max: number }[]> {
  const caps = Object.fromEntries(
    ROLES.map((r) => [r, available.map(() => Number.MAX_SAFE_INTEGER)]),
  ) as Record<Role, number[]>;
  for (;;) {
    const bounds = Object.fromEntries(
      ROLES.map((r) => [r, waterFill(prior[r], future[r], caps[r])]),
    ) as Record<Role, { min: number; max: number }[]>;
    const maxSum = Object.fromEntries(
      ROLES.map((r) => [r, bounds[r].reduce((sum, b) => sum + b.max, 0)]),
    ) as Record<Role, number>;
    let changed = false;
    available.forEach((avail, g) => {
      const forced = Object.fromEntries(
        ROLES.map((r) => [r, Math.max(bounds[r][g]!.min, future[r] - (maxSum[r] - bounds[r][g]!.max))]),
      ) as Record<Role, number>;
      const need = (fixed[g] ?? 0) + ROLES.reduce((sum, r) => sum + forced[r], 0);
      if (need <= avail) return;
      // The most-forced role whose cap can still drop (a cap already below what the others leave this
      // group cannot help: lowering it again would loop forever; the solver then reports the clash).
      const role = [...ROLES]
        .reverse()
        .filter((r) => forced[r] > 0 && forced[r] - 1 < caps[r][g]!)
        .reduce<Role | null>((a, b) => (a === null || forced[b] > forced[a] ? b : a), null);
      if (role === null) return; // nothing left to hand to the others
      caps[role][g] = forced[role] - 1;
      changed = true;
    });
    if (!changed) return bounds;
  }
}

export const ROLE_ORDER: Record<Role, number> = { presenter: 0, summarizer: 1, reviewer: 2 };

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortMeetings(meetings: AssignmentMeeting[]): AssignmentMeeting[] {
  return [...meetings].sort((a, b) => compareIds(a.date, b.date) || compareIds(a.id, b.id));
}

/** The cost a group puts on a meeting: its rank, list length + 1 when unranked, 1 everywhere for an empty list. */
export function preferenceCost(rank: number | null, listLength: number): number {
  return rank ?? listLength + 1;
}

function loadBounds(total: number, groups: number): LoadBounds {
  if (groups === 0) return { total, min: 0, max: 0 };
  return { total, min: Math.floor(total / groups), max: Math.ceil(total / groups) };
}

/** Builds the canonical instance. Assumes validateInput found nothing (ids known, counts sane). */
export function buildInstance(input: AssignmentInput): Instance {
  const groups = [...input.groups].sort((a, b) => compareIds(a.id, b.id));
  const meetings = sortMeetings(input.meetings);
  const groupIndex = new Map(groups.map((g, i) => [g.id, i]));
  const meetingIndex = new Map(meetings.map((m, i) => [m.id, i]));
  const n = groups.length;
  const mCount = meetings.length;

  const rank: (number | null)[][] = [];
  const cost: number[][] = [];
  const prefLength: number[] = [];
  for (const group of groups) {
    const list = input.preferences[group.id] ?? [];
    const row: (number | null)[] = new Array<number | null>(mCount).fill(null);
    list.forEach((meetingId, i) => {
      const m = meetingIndex.get(meetingId);
      if (m !== undefined && row[m] === null) row[m] = i + 1;
    });
    rank.push(row);
    prefLength.push(list.length);
    cost.push(row.map((r) => preferenceCost(r, list.length)));
  }

  const { presentersPerMeeting: p, summarizersPerMeeting: s, reviewersPerMeeting: v } = input.settings;
  const eachOnce = v === 'each-group-once';
  const loads: Record<Role, LoadBounds> = {
    presenter: loadBounds(p * mCount, n),
    summarizer: loadBounds(s * mCount, n),
    reviewer: eachOnce ? { total: n, min: 1, max: 1 } : loadBounds(v * mCount, n),
  };
  const reviewerSpread =
    eachOnce && mCount > 0 ? { min: Math.floor(n / mCount), max: Math.ceil(n / mCount) } : null;

  const lockKeys = new Set<string>();
  const locks: Instance['locks'] = [];
  for (const lock of input.locks ?? []) {
    const g = groupIndex.get(lock.groupId);
    const m = meetingIndex.get(lock.meetingId);
    if (g === undefined || m === undefined) continue;
    const key = `${g}|${m}|${lock.role}`;
    if (lockKeys.has(key)) continue;
    lockKeys.add(key);
    locks.push({ g, m, role: lock.role });
  }
  locks.sort((a, b) => a.m - b.m || ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.g - b.g);

  const excluded = groups.map(() => new Array<boolean>(mCount).fill(false));
  for (const ex of input.exclusions ?? []) {
    const g = groupIndex.get(ex.groupId);
    const m = meetingIndex.get(ex.meetingId);
    if (g !== undefined && m !== undefined) excluded[g]![m] = true;
  }

  const weeks: Instance['weeks'] = [];
  const weekOf: number[] = [];
  const weekKeys = new Map<string, number>();
  for (const meeting of meetings) {
    const d = DateTime.fromISO(meeting.date);
    const key = `${d.weekYear}-W${d.weekNumber}`;
    let w = weekKeys.get(key);
    if (w === undefined) {
      w = weeks.length;
      weekKeys.set(key, w);
      weeks.push({ label: d.startOf('week').toFormat('LLL d'), meetings: [] });
    }
    weeks[w]!.meetings.push(weekOf.length);
    weekOf.push(w);
  }

  let groupLoads: Instance['groupLoads'] = null;
  let spread = reviewerSpread;
  const kept: Instance['kept'] = [];
  if (input.prior !== undefined || (input.published ?? []).length > 0) {
    const held = (role: Role) =>
      groups.map((g) => (input.prior ?? []).filter((a) => a.groupId === g.id && a.role === role).length);
    const prior = Object.fromEntries(ROLES.map((r) => [r, held(r)])) as Record<Role, number[]>;
    const excludedAt = new Set((input.exclusions ?? []).map((e) => `${e.groupId}|${e.meetingId}`));
    const available = groups.map((g) => meetings.filter((m) => !excludedAt.has(`${g.id}|${m.id}`)).length);
    const perGroup = termLoads(
      prior,
      {
        presenter: loads.presenter.total,
        summarizer: loads.summarizer.total,
        reviewer: eachOnce ? 0 : loads.reviewer.total,
      },
      available,
      // Each group that has not reviewed yet reviews once in the classes left.
      groups.map((_, g) => (eachOnce && prior.reviewer[g] === 0 ? 1 : 0)),
    );
    for (const role of ROLES) {
      if (role === 'reviewer' && eachOnce) {
        perGroup.reviewer = prior.reviewer.map((f) => (f > 0 ? { min: 0, max: 0 } : { min: 1, max: 1 }));
        const remaining = prior.reviewer.filter((f) => f === 0).length;
        loads.reviewer = { total: remaining, min: 0, max: 1 };
        spread =
          mCount > 0 ? { min: Math.floor(remaining / mCount), max: Math.ceil(remaining / mCount) } : null;
      }
      const bounds = perGroup[role];
      if (bounds.length > 0 && !(role === 'reviewer' && eachOnce)) {
        loads[role] = {
          total: loads[role].total,
          min: Math.min(...bounds.map((b) => b.min)),
          max: Math.max(...bounds.map((b) => b.max)),
        };
      }
    }
    groupLoads = perGroup;
    const seen = new Set<string>();
    for (const a of input.published ?? []) {
      const g = groupIndex.get(a.groupId);
      const m = meetingIndex.get(a.meetingId);
      if (g === undefined || m === undefined || seen.has(`${g}|${m}|${a.role}`)) continue;
      seen.add(`${g}|${m}|${a.role}`);
      kept.push({ g, m, role: a.role });
    }
  }

  return {
    groups,
    meetings,
    groupIndex,
    meetingIndex,
    rank,
    cost,
    prefLength,
    perMeeting: { presenter: p, summarizer: s, reviewer: eachOnce ? null : v },
    reviewerSpread: spread,
    loads,
    locks,
    excluded,
    weeks,
    weekOf,
    groupLoads,
    kept,
    replan: (input.prior ?? []).length > 0 || (input.published ?? []).length > 0,
  };
}

/** Sorts assignments by meeting order, role, group order (the plan's canonical order). */
export function sortAssignments<T extends { meetingId: string; groupId: string; role: Role }>(
  inst: Pick<Instance, 'meetingIndex' | 'groupIndex'>,
  list: T[],
): T[] {
  const mi = (id: string) => inst.meetingIndex.get(id) ?? Number.MAX_SAFE_INTEGER;
  const gi = (id: string) => inst.groupIndex.get(id) ?? Number.MAX_SAFE_INTEGER;
  return [...list].sort(
    (a, b) =>
      mi(a.meetingId) - mi(b.meetingId) ||
      compareIds(a.meetingId, b.meetingId) ||
      ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
      gi(a.groupId) - gi(b.groupId) ||
      compareIds(a.groupId, b.groupId),
  );
}

export function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  const suffix = n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

export const ROLE_NOUN: Record<Role, string> = {
  presenter: 'presenting',
  summarizer: 'summary',
  reviewer: 'review',
};
export const ROLE_VERB: Record<Role, string> = {
  presenter: 'present',
  summarizer: 'summarize',
  reviewer: 'review',
};

export { ROLES };
