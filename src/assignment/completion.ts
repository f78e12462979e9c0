// Completes summary and review roles around fixed presenters with no week clash, by two flows (fast path of stage 3).
import { MinCostFlow } from './flow.js';
import type { Instance } from './instance.js';
import type { Role } from './types.js';

/**
 * Summarizers first, then reviewers, each as a flow: source → group (its load) → group×week (capacity 1,
 * only weeks where the group has no role yet) → meeting (its count) → sink. Lower bounds are −BIG arcs;
 * the meeting side's capacity equals any feasible flow's value, so a min-cost max-flow meets them whenever
 * some flow can. Returns null when this greedy order finds no clash-free completion (the MIP then decides).
 * Any completion it returns has zero week clashes, which is optimal for stage 3.
 */
export function completeWithoutClash(
  inst: Instance,
  presenters: { g: number; m: number }[],
): { g: number; m: number; role: Role }[] | null {
  const n = inst.groups.length;
  const roleAt = new Map<string, Role>();
  const busy = inst.groups.map(() => new Set<number>());
  for (const { g, m } of presenters) {
    roleAt.set(`${g}|${m}`, 'presenter');
    if (busy[g]!.has(inst.weekOf[m]!)) return null; // presenting twice in one week is a clash already
    busy[g]!.add(inst.weekOf[m]!);
  }
  const lockedRole = new Map(inst.locks.map((l) => [`${l.g}|${l.m}`, l.role]));
  const out: { g: number; m: number; role: Role }[] = presenters.map(({ g, m }) => ({
    g,
    m,
    role: 'presenter' as const,
  }));

  for (const role of ['summarizer', 'reviewer'] as const) {
    const { min, max } = inst.loads[role];
    if (max === 0) continue;
    const perMeeting = inst.perMeeting[role];
    const spread = role === 'reviewer' && perMeeting === null ? inst.reviewerSpread : null;
    const mMin = spread ? spread.min : perMeeting!;
    const mMax = spread ? spread.max : perMeeting!;
    const BIG = 1_000_000;
    const W = inst.weeks.length;
    const M = inst.meetings.length;
    const s = 0;
    const t = 1;
    const gNode = (g: number) => 2 + g;
    const mNode = (m: number) => 2 + n + m;
    const gwNode = (g: number, w: number) => 2 + n + M + g * W + w;
    const net = new MinCostFlow(2 + n + M + n * W);
    const required: number[] = [];
    const carriers: { g: number; m: number; arc: number }[] = [];
    for (let g = 0; g < n; g++) {
      if (min > 0) required.push(net.addArc(s, gNode(g), min, -BIG));
      if (max > min) net.addArc(s, gNode(g), max - min, 0);
      for (let w = 0; w < W; w++) {
        const lockedHere = inst.weeks[w]!.meetings.some((m) => lockedRole.get(`${g}|${m}`) === role);
        if (busy[g]!.has(w)) {
          if (lockedHere) return null;
          continue;
        }
        net.addArc(gNode(g), gwNode(g, w), 1, 0);
        for (const m of inst.weeks[w]!.meetings) {
          const locked = lockedRole.get(`${g}|${m}`);
          if (inst.excluded[g]![m] || roleAt.has(`${g}|${m}`) || (locked !== undefined && locked !== role))
            continue;
          const arc = net.addArc(gwNode(g, w), mNode(m), 1, locked === role ? -BIG : 0);
          if (locked === role) required.push(arc);
          carriers.push({ g, m, arc });
        }
      }
    }
    for (let m = 0; m < M; m++) {
      if (mMin > 0) required.push(net.addArc(mNode(m), t, mMin, -BIG));
      if (mMax > mMin) net.addArc(mNode(m), t, mMax - mMin, 0);
    }
    net.run(s, t);
    if (!required.every((arc) => net.residual(arc) === 0)) return null;
    for (const { g, m, arc } of carriers) {
      if (net.flowOn(arc) === 0) continue;
      roleAt.set(`${g}|${m}`, role);
      busy[g]!.add(inst.weekOf[m]!);
      out.push({ g, m, role });
    }
  }
  return out;
}
