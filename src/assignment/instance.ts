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

  return {
    groups,
    meetings,
    groupIndex,
    meetingIndex,
    rank,
    cost,
    prefLength,
    perMeeting: { presenter: p, summarizer: s, reviewer: eachOnce ? null : v },
    reviewerSpread,
    loads,
    locks,
    excluded,
    weeks,
    weekOf,
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
