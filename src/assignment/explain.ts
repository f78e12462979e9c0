// Explains a plan from its data: what each group got, who holds its better choices and why that was better for the class.
import type { Instance } from './instance.js';
import { ordinal } from './instance.js';
import type { GroupOutcome, PresentingSlot, Role, RoleAssignment } from './types.js';

interface Held {
  presenting: number[];
  roleAt: Map<number, Role>;
}

function heldBy(inst: Instance, assignments: RoleAssignment[]): Held[] {
  const held: Held[] = inst.groups.map(() => ({ presenting: [], roleAt: new Map() }));
  for (const a of assignments) {
    const g = inst.groupIndex.get(a.groupId);
    const m = inst.meetingIndex.get(a.meetingId);
    if (g === undefined || m === undefined) continue;
    if (a.role === 'presenter') held[g]!.presenting.push(m);
    held[g]!.roleAt.set(m, a.role);
  }
  return held;
}

function bestCost(inst: Instance, g: number, meetings: number[]): number | null {
  if (meetings.length === 0) return null;
  return Math.min(...meetings.map((m) => inst.cost[g]![m]!));
}

/** "its 2nd choice", "a meeting it did not rank". */
function choiceWords(inst: Instance, g: number, m: number, whose: 'its' | 'your'): string {
  const rank = inst.rank[g]![m] ?? null;
  if (inst.prefLength[g] === 0) return whose === 'its' ? 'a date it had no preference about' : 'a date';
  if (rank === null) return whose === 'its' ? 'a meeting it did not rank' : 'a meeting you did not rank';
  return `${whose} ${ordinal(rank)} choice`;
}

function costWords(inst: Instance, g: number, cost: number): string {
  if (inst.prefLength[g] === 0) return 'a date it had no preference about';
  return cost > inst.prefLength[g]! ? 'a meeting it did not rank' : `its ${ordinal(cost)} choice`;
}

/** Why group g did not get meeting `better`, which it ranked above what it got. */
function whyNot(
  inst: Instance,
  held: Held[],
  costs: (number | null)[],
  worst: number,
  g: number,
  better: number,
  got: number,
): string {
  const meeting = inst.meetings[better]!;
  const head = `Your ${ordinal(inst.rank[g]![better]!)} choice ${meeting.label}`;
  if (inst.excluded[g]![better]) return `${head}: your group is unavailable that day.`;
  const holders = held.map((h, i) => (h.presenting.includes(better) ? i : -1)).filter((i) => i >= 0);
  if (holders.length === 0) return `${head} has no presenting group.`;
  const ownRole = held[g]!.roleAt.get(better);

  type Option = { h: number; text: string; score: number };
  const options: Option[] = holders.map((h) => {
    const name = inst.groups[h]!.name;
    const theirs = inst.rank[h]![better] ?? null;
    const alsoSame = theirs !== null && theirs === inst.rank[g]![better];
    const went = `${head} went to ${name}, for whom it was ${alsoSame ? `also ${ordinal(theirs)}` : choiceWords(inst, h, better, 'its')}`;
    if (inst.locks.some((l) => l.g === h && l.m === better && l.role === 'presenter')) {
      return { h, text: `${head} was fixed by staff for ${name}.`, score: 4 };
    }
    if (inst.locks.some((l) => l.g === g && l.m === got && l.role === 'presenter')) {
      return { h, text: `${went}; staff fixed your group on ${inst.meetings[got]!.label}.`, score: 4 };
    }
    const clash =
      ownRole !== undefined
        ? `you ${ownRole === 'summarizer' ? 'summarize' : 'review'} that meeting`
        : inst.excluded[h]![got]
          ? `${name} is unavailable on ${inst.meetings[got]!.label}`
          : held[h]!.roleAt.has(got)
            ? `${name} already has a role on ${inst.meetings[got]!.label}`
            : null;
    // Costs after swapping: g presents at `better` instead of `got`, h at `got` instead of `better`.
    const gAfter = bestCost(inst, g, [...held[g]!.presenting.filter((m) => m !== got), better])!;
    const hAfter = bestCost(inst, h, [...held[h]!.presenting.filter((m) => m !== better), got])!;
    const gNow = costs[g]!;
    const hNow = costs[h]!;
    const worstAfter = Math.max(...costs.map((c, i) => (i === g ? gAfter : i === h ? hAfter : (c ?? 0))));
    const loss = hAfter - hNow;
    const gain = gNow - gAfter;
    const leaves = `giving it to you would have left ${name} with ${costWords(inst, h, hAfter)}`;
    if (worstAfter > worst) {
      return {
        h,
        text: `${went}; ${leaves}, worse than any group's result in this plan (the worst is ${ordinal(worst)}).`,
        score: 3,
      };
    }
    if (loss > gain) {
      return {
        h,
        text: `${went}; ${leaves}: ${name} would lose ${loss} ${loss === 1 ? 'place' : 'places'} while you would gain ${gain}.`,
        score: 2,
      };
    }
    if (clash) {
      return {
        h,
        text: `${went}; a direct swap is not allowed because ${clash}, and no rearrangement of the other roles did better for the class.`,
        score: 1,
      };
    }
    if (loss === gain) {
      return {
        h,
        text: `${went}; swapping would be just as good for the class (you would gain ${gain}, ${name} would lose ${loss}), and the tie went to the arrangement that keeps each group's roles in separate weeks, then to the fixed order of groups.`,
        score: 0,
      };
    }
    return {
      h,
      text: `${went}; swapping would help the class, but the solver stopped at its time limit before finding it.`,
      score: -1,
    };
  });
  // Explain with the holder for whom the trade looks closest to worthwhile (the least decisive reason).
  options.sort((a, b) => a.score - b.score || a.h - b.h);
  return options[0]!.text;
}

/** Per group: its presenting meetings with ranks, its other roles, and an explanation in plain words. */
export function describeOutcomes(inst: Instance, assignments: RoleAssignment[]): GroupOutcome[] {
  const held = heldBy(inst, assignments);
  const costs = held.map((h, g) => bestCost(inst, g, h.presenting));
  const present = costs.filter((c): c is number => c !== null);
  const worst = present.length > 0 ? Math.max(...present) : 0;

  return inst.groups.map((group, g) => {
    const presenting: PresentingSlot[] = [...held[g]!.presenting]
      .sort((a, b) => inst.cost[g]![a]! - inst.cost[g]![b]! || a - b)
      .map((m) => ({ meetingId: inst.meetings[m]!.id, rank: inst.rank[g]![m]!, cost: inst.cost[g]![m]! }));
    const roleMeetings = (role: Role) =>
      [...held[g]!.roleAt]
        .filter(([, r]) => r === role)
        .map(([m]) => m)
        .sort((a, b) => a - b)
        .map((m) => inst.meetings[m]!.id);

    let explanation: string;
    const first =
      held[g]!.presenting.length > 0
        ? [...held[g]!.presenting].sort((a, b) => inst.cost[g]![a]! - inst.cost[g]![b]! || a - b)[0]!
        : null;
    if (first === null) {
      explanation =
        inst.loads.presenter.total === 0
          ? 'No meeting has student presenters.'
          : 'Your group does not present: there are fewer presenting slots than groups (see the plan notes).';
    } else {
      const label = inst.meetings[first]!.label;
      const also =
        held[g]!.presenting.length > 1
          ? ` You also present on ${held[g]!.presenting.filter((m) => m !== first)
              .map((m) => inst.meetings[m]!.label)
              .join(', ')}.`
          : '';
      if (inst.prefLength[g] === 0) {
        explanation = `You present on ${label}. Your group ranked no meetings, so every date counted as a first choice.${also}`;
      } else if (inst.rank[g]![first] === 1) {
        explanation = `You present on ${label}, your 1st choice.${also}`;
      } else {
        const lines = [
          `You present on ${label}, ${choiceWords(inst, g, first, 'your')}${inst.rank[g]![first] === null ? ` (you ranked ${inst.prefLength[g]} meetings)` : ''}.${also}`,
        ];
        const better = inst.meetings
          .map((_, m) => m)
          .filter((m) => inst.rank[g]![m] !== null && inst.cost[g]![m]! < inst.cost[g]![first]!)
          .sort((a, b) => inst.rank[g]![a]! - inst.rank[g]![b]!);
        for (const m of better.slice(0, 3)) lines.push(whyNot(inst, held, costs, worst, g, m, first));
        if (better.length > 3)
          lines.push(
            `Your ${better.length - 3} other better-ranked choices went to groups for the same kind of reasons.`,
          );
        explanation = lines.join(' ');
      }
    }
    return {
      groupId: group.id,
      presenting,
      summarizing: roleMeetings('summarizer'),
      reviewing: roleMeetings('reviewer'),
      presenterCost: costs[g]!,
      explanation,
    };
  });
}

/** Counts group-weeks with more than one role and lists them in words. */
export function weekClashNotes(
  inst: Instance,
  assignments: RoleAssignment[],
): { count: number; notes: string[] } {
  const perWeek = new Map<string, number>();
  for (const a of assignments) {
    const g = inst.groupIndex.get(a.groupId);
    const m = inst.meetingIndex.get(a.meetingId);
    if (g === undefined || m === undefined) continue;
    const key = `${g}|${inst.weekOf[m]}`;
    perWeek.set(key, (perWeek.get(key) ?? 0) + 1);
  }
  const clashes = [...perWeek]
    .filter(([, c]) => c > 1)
    .map(([key]) => key.split('|').map(Number) as [number, number]);
  if (clashes.length === 0) return { count: 0, notes: [] };
  clashes.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const listed = clashes
    .slice(0, 8)
    .map(([g, w]) => `${inst.groups[g]!.name} (week of ${inst.weeks[w]!.label})`);
  const more = clashes.length > 8 ? ` and ${clashes.length - 8} more` : '';
  return {
    count: clashes.length,
    notes: [
      `Some groups hold two roles in one week, which no arrangement keeping the best presenting choices avoids: ${listed.join(', ')}${more}.`,
    ],
  };
}
