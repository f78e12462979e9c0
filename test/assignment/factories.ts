// Test factories for role assignment: small classes, random instances, and a brute-force optimum for tiny ones.
import { DateTime } from 'luxon';
import fc from 'fast-check';
import type {
  AssignmentInput,
  AssignmentSettings,
  Role,
  RoleAssignment,
} from '../../src/assignment/index.js';
import { checkPlan } from '../../src/assignment/index.js';

/** Meetings on Tuesdays and Thursdays from Aug 27, 2024, labelled like the schedule ("Aug 27"). */
export function meetingsFrom(count: number, start = '2024-08-27') {
  const first = DateTime.fromISO(start);
  return Array.from({ length: count }, (_, i) => {
    const date = first.plus({ days: Math.floor(i / 2) * 7 + (i % 2) * 2 });
    return {
      id: `m${String(i + 1).padStart(2, '0')}`,
      date: date.toISODate()!,
      label: date.toFormat('LLL d'),
    };
  });
}

export function groupsOf(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: `g${String(i + 1).padStart(2, '0')}`,
    name: `Group ${i + 1}`,
  }));
}

export function buildClass(
  overrides: Partial<AssignmentInput> & { groupCount?: number; meetingCount?: number } = {},
): AssignmentInput {
  const { groupCount = 8, meetingCount = 20, ...rest } = overrides;
  return {
    groups: groupsOf(groupCount),
    meetings: meetingsFrom(meetingCount),
    preferences: {},
    settings: { presentersPerMeeting: 1, summarizersPerMeeting: 1, reviewersPerMeeting: 'each-group-once' },
    locks: [],
    exclusions: [],
    ...rest,
  };
}

/** Random instance: preferences partial and random, settings that usually fit the number of groups. */
export const instanceArb = (limits: { groups: [number, number]; meetings: [number, number] }) =>
  fc
    .record({
      groupCount: fc.integer({ min: limits.groups[0], max: limits.groups[1] }),
      meetingCount: fc.integer({ min: limits.meetings[0], max: limits.meetings[1] }),
      presenters: fc.integer({ min: 1, max: 2 }),
      summarizers: fc.integer({ min: 0, max: 2 }),
      reviewers: fc.constantFrom<AssignmentSettings['reviewersPerMeeting']>(0, 1, 'each-group-once'),
      seed: fc.integer({ min: 0, max: 1_000_000 }),
      // Dates spread over 1–3 meetings per week so week clashes are sometimes forced.
      spacing: fc.constantFrom(1, 2, 3),
    })
    .map(({ groupCount, meetingCount, presenters, summarizers, reviewers, seed, spacing }) => {
      let state = seed;
      const rnd = () => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state / 2147483648;
      };
      const first = DateTime.fromISO('2024-09-02');
      const meetings = Array.from({ length: meetingCount }, (_, i) => {
        const date = first.plus({ days: Math.floor((i * 7) / spacing) });
        return {
          id: `m${String(i + 1).padStart(2, '0')}`,
          date: date.toISODate()!,
          label: date.toFormat('LLL d'),
        };
      });
      const groups = groupsOf(groupCount);
      const preferences: Record<string, string[]> = {};
      for (const g of groups) {
        const ids = meetings.map((m) => m.id).sort(() => rnd() - 0.5);
        preferences[g.id] = ids.slice(0, Math.floor(rnd() * (meetingCount + 1)));
      }
      const input: AssignmentInput = {
        groups,
        meetings,
        preferences,
        settings: {
          presentersPerMeeting: presenters,
          summarizersPerMeeting: summarizers,
          reviewersPerMeeting: reviewers,
        },
        locks: [],
        exclusions: [],
        timeLimitSeconds: 20,
      };
      return { input, rnd };
    });

/** A deterministic shuffle of a copy (Fisher–Yates on a seeded LCG). */
export function shuffled<T>(list: T[], seed: number): T[] {
  const out = [...list];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface Objective {
  worst: number;
  total: number;
  spread: number;
}

/** The staged objective of a set of assignments, computed independently of the solver. */
export function objectiveOf(input: AssignmentInput, assignments: RoleAssignment[]): Objective {
  const costOf = (groupId: string, meetingId: string) => {
    const list = input.preferences[groupId] ?? [];
    const i = list.indexOf(meetingId);
    return i >= 0 ? i + 1 : list.length + 1;
  };
  const best = new Map<string, number>();
  const perWeek = new Map<string, number>();
  const weekOf = new Map(
    input.meetings.map((m) => {
      const d = DateTime.fromISO(m.date);
      return [m.id, `${d.weekYear}-${d.weekNumber}`];
    }),
  );
  for (const a of assignments) {
    if (a.role === 'presenter')
      best.set(a.groupId, Math.min(best.get(a.groupId) ?? Infinity, costOf(a.groupId, a.meetingId)));
    const key = `${a.groupId}|${weekOf.get(a.meetingId)}`;
    perWeek.set(key, (perWeek.get(key) ?? 0) + 1);
  }
  const costs = [...best.values()];
  return {
    worst: costs.length ? Math.max(...costs) : 0,
    total: costs.reduce((a, b) => a + b, 0),
    spread: [...perWeek.values()].reduce((s, c) => s + Math.max(0, c - 1), 0),
  };
}

function better(a: Objective, b: Objective): boolean {
  return (a.worst - b.worst || a.total - b.total || a.spread - b.spread) < 0;
}

function combinations<T>(items: T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (items.length < k) return [];
  const [head, ...tail] = items as [T, ...T[]];
  return [...combinations(tail, k - 1).map((c) => [head, ...c]), ...combinations(tail, k)];
}

/** Exhaustive search over every valid plan of a tiny instance; returns the lexicographic optimum or null. */
export function bruteForce(input: AssignmentInput): Objective | null {
  const groups = input.groups.map((g) => g.id);
  const n = groups.length;
  const m = input.meetings.length;
  const { presentersPerMeeting: p, summarizersPerMeeting: s, reviewersPerMeeting: v } = input.settings;
  const reviewerCounts = v === 'each-group-once' ? [Math.floor(n / m), Math.ceil(n / m)] : [v];
  const options: RoleAssignment[][][] = input.meetings.map((meeting) => {
    const out: RoleAssignment[][] = [];
    for (const pres of combinations(groups, p)) {
      const rest1 = groups.filter((g) => !pres.includes(g));
      for (const summ of combinations(rest1, s)) {
        const rest2 = rest1.filter((g) => !summ.includes(g));
        for (const count of new Set(reviewerCounts)) {
          for (const rev of combinations(rest2, count)) {
            const roles: [string[], Role][] = [
              [pres, 'presenter'],
              [summ, 'summarizer'],
              [rev, 'reviewer'],
            ];
            out.push(
              roles.flatMap(([ids, role]) =>
                ids.map((groupId) => ({ meetingId: meeting.id, groupId, role })),
              ),
            );
          }
        }
      }
    }
    return out;
  });
  // Quick filters (loads, locks, exclusions) before the full checkPlan on candidates that would improve.
  const excluded = new Set((input.exclusions ?? []).map((e) => `${e.groupId}|${e.meetingId}`));
  const locks = (input.locks ?? []).map((l) => `${l.groupId}|${l.meetingId}|${l.role}`);
  const load = (role: Role, total: number) =>
    role === 'reviewer' && v === 'each-group-once' ? [1, 1] : [Math.floor(total / n), Math.ceil(total / n)];
  const bounds = {
    presenter: load('presenter', p * m),
    summarizer: load('summarizer', s * m),
    reviewer: load('reviewer', v === 'each-group-once' ? n : v * m),
  };
  const filtered = options.map((list) =>
    list.filter((option) => option.every((a) => !excluded.has(`${a.groupId}|${a.meetingId}`))),
  );
  let best: Objective | null = null;
  const chosen: RoleAssignment[][] = [];
  const walk = (i: number) => {
    if (i === m) {
      const flat = chosen.flat();
      const counts = new Map<string, number>();
      for (const a of flat)
        counts.set(`${a.groupId}|${a.role}`, (counts.get(`${a.groupId}|${a.role}`) ?? 0) + 1);
      for (const g of groups) {
        for (const role of ['presenter', 'summarizer', 'reviewer'] as const) {
          const c = counts.get(`${g}|${role}`) ?? 0;
          if (c < bounds[role][0]! || c > bounds[role][1]!) return;
        }
      }
      const keys = new Set(flat.map((a) => `${a.groupId}|${a.meetingId}|${a.role}`));
      if (!locks.every((k) => keys.has(k))) return;
      const obj = objectiveOf(input, flat);
      if (best && !better(obj, best)) return;
      if (checkPlan(input, flat).length > 0) return;
      best = obj;
      return;
    }
    for (const option of filtered[i]!) {
      chosen.push(option);
      walk(i + 1);
      chosen.pop();
    }
  };
  walk(0);
  return best;
}

/** Number of leaves bruteForce would visit (to keep tests fast). */
export function bruteForceSize(input: AssignmentInput): number {
  const n = input.groups.length;
  const { presentersPerMeeting: p, summarizersPerMeeting: s, reviewersPerMeeting: v } = input.settings;
  const choose = (a: number, b: number): number =>
    b < 0 || b > a ? 0 : b === 0 ? 1 : (choose(a - 1, b - 1) * a) / b;
  const r = v === 'each-group-once' ? Math.ceil(n / input.meetings.length) : v;
  const perMeeting =
    choose(n, p) * choose(n - p, s) * Math.max(1, choose(n - p - s, r) * (v === 'each-group-once' ? 2 : 1));
  return perMeeting ** input.meetings.length;
}
