// Min-cost flow (primal-dual: Dijkstra potentials plus blocking flows) and the presenter relaxation built on it.
import type { Instance } from './instance.js';

/** Integer min-cost max-flow on a small directed graph; arcs may have negative costs if the graph has no cycle. */
export class MinCostFlow {
  private readonly head: Int32Array;
  private to: number[] = [];
  private cap: number[] = [];
  private cost: number[] = [];
  private next: number[] = [];

  constructor(private readonly nodes: number) {
    this.head = new Int32Array(nodes).fill(-1);
  }

  /** Adds u → v and its residual twin; returns the arc's index (its flow is flowOn(index)). */
  addArc(u: number, v: number, capacity: number, cost: number): number {
    const e = this.to.length;
    this.to.push(v, u);
    this.cap.push(capacity, 0);
    this.cost.push(cost, -cost);
    this.next.push(this.head[u]!, this.head[v]!);
    this.head[u] = e;
    this.head[v] = e + 1;
    return e;
  }

  flowOn(arc: number): number {
    return this.cap[arc + 1]!;
  }

  /** Capacity left on the arc. */
  residual(arc: number): number {
    return this.cap[arc]!;
  }

  /** Sends as much flow as possible from s to t at least cost; returns the flow value. */
  run(s: number, t: number): number {
    const N = this.nodes;
    const { head, to, cap, cost, next } = this;
    const INF = Number.MAX_SAFE_INTEGER;
    // Initial potentials: shortest distances by Bellman–Ford (the graph is acyclic, so this is quick).
    const pi = new Float64Array(N).fill(INF);
    pi[s] = 0;
    const queue: number[] = [s];
    const inQueue = new Uint8Array(N);
    inQueue[s] = 1;
    for (let qi = 0; qi < queue.length; qi++) {
      const u = queue[qi]!;
      inQueue[u] = 0;
      for (let e = head[u]!; e >= 0; e = next[e]!) {
        if (cap[e]! <= 0) continue;
        const v = to[e]!;
        if (pi[u]! + cost[e]! < pi[v]!) {
          pi[v] = pi[u]! + cost[e]!;
          if (!inQueue[v]) {
            inQueue[v] = 1;
            queue.push(v);
          }
        }
      }
    }
    for (let v = 0; v < N; v++) if (pi[v] === INF) pi[v] = 0;

    let flow = 0;
    const dist = new Float64Array(N);
    const done = new Uint8Array(N);
    const level = new Int32Array(N);
    const iter = new Int32Array(N);
    const bfs = new Int32Array(N);
    const heap = new MinHeap();
    const admissible = (e: number, u: number, v: number) => cap[e]! > 0 && cost[e]! + pi[u]! - pi[v]! === 0;
    const dfs = (u: number, limit: number): number => {
      if (u === t) return limit;
      for (let e = iter[u]!; e >= 0; e = next[e]!, iter[u] = e) {
        const v = to[e]!;
        if (level[v] === level[u]! + 1 && admissible(e, u, v)) {
          const pushed = dfs(v, Math.min(limit, cap[e]!));
          if (pushed > 0) {
            cap[e] = cap[e]! - pushed;
            cap[e ^ 1] = cap[e ^ 1]! + pushed;
            return pushed;
          }
        }
      }
      iter[u] = -1;
      return 0;
    };
    for (;;) {
      // Dijkstra on reduced costs, stopped once t is settled.
      dist.fill(INF);
      done.fill(0);
      dist[s] = 0;
      heap.clear();
      heap.push(0, s);
      while (heap.size > 0) {
        const d = heap.topKey();
        const u = heap.pop();
        if (done[u]) continue;
        done[u] = 1;
        if (u === t) break;
        for (let e = head[u]!; e >= 0; e = next[e]!) {
          if (cap[e]! <= 0) continue;
          const v = to[e]!;
          const nd = d + cost[e]! + pi[u]! - pi[v]!;
          if (nd < dist[v]!) {
            dist[v] = nd;
            heap.push(nd, v);
          }
        }
      }
      if (!done[t]) break;
      const dt = dist[t]!;
      for (let v = 0; v < N; v++) pi[v] = pi[v]! + (done[v] ? dist[v]! : dt);
      // Blocking flows over arcs of zero reduced cost (Dinic on the admissible graph).
      for (;;) {
        level.fill(-1);
        level[s] = 0;
        bfs[0] = s;
        let tail = 1;
        for (let qi = 0; qi < tail; qi++) {
          const u = bfs[qi]!;
          for (let e = head[u]!; e >= 0; e = next[e]!) {
            const v = to[e]!;
            if (level[v] === -1 && admissible(e, u, v)) {
              level[v] = level[u]! + 1;
              bfs[tail++] = v;
            }
          }
        }
        if (level[t] === -1) break;
        iter.set(head);
        let pushed: number;
        let any = false;
        while ((pushed = dfs(s, INF)) > 0) {
          flow += pushed;
          any = true;
        }
        if (!any) break;
      }
    }
    return flow;
  }
}

/** Binary min-heap of (key, node) pairs. */
class MinHeap {
  private keys: number[] = [];
  private vals: number[] = [];
  get size(): number {
    return this.keys.length;
  }
  clear(): void {
    this.keys.length = 0;
    this.vals.length = 0;
  }
  topKey(): number {
    return this.keys[0]!;
  }
  push(key: number, val: number): void {
    const { keys, vals } = this;
    let i = keys.length;
    keys.push(key);
    vals.push(val);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p]! <= key) break;
      keys[i] = keys[p]!;
      vals[i] = vals[p]!;
      i = p;
    }
    keys[i] = key;
    vals[i] = val;
  }
  /** Removes the least pair and returns its node. */
  pop(): number {
    const { keys, vals } = this;
    const top = vals[0]!;
    const key = keys.pop()!;
    const val = vals.pop()!;
    const n = keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && keys[c + 1]! < keys[c]!) c++;
        if (keys[c]! >= key) break;
        keys[i] = keys[c]!;
        vals[i] = vals[c]!;
        i = c;
      }
      keys[i] = key;
      vals[i] = val;
    }
    return top;
  }
}

export interface PresenterFlowResult {
  feasible: boolean;
  /** Sum over groups of the cost of their best presenting meeting. */
  total: number;
  presenters: { g: number; m: number }[];
}

/**
 * The presenter-only relaxation as a flow: source → group (one "counted" unit at cost ≤ k, plus extra units
 * at no cost when some groups present twice) → group×meeting (capacity 1) → meeting (its presenter count) →
 * sink. Lower bounds (every group presents its minimum, locked presenters) are arcs of cost −BIG, so the
 * min-cost max-flow meets them whenever any flow can. With `withCosts` false only feasibility is asked.
 */
export function presenterFlow(inst: Instance, k: number, withCosts: boolean): PresenterFlowResult {
  const n = inst.groups.length;
  const M = inst.meetings.length;
  const { min, max } = inst.loads.presenter;
  const p = inst.perMeeting.presenter;
  const maxCost = Math.max(1, ...inst.cost.flat());
  const BIG = (maxCost + 1) * (n * Math.max(max, 1) + 1);
  const lockedAt = new Map<string, boolean>(); // "g|m" → is a presenter lock
  for (const lock of inst.locks) {
    const key = `${lock.g}|${lock.m}`;
    lockedAt.set(key, (lockedAt.get(key) ?? false) || lock.role === 'presenter');
  }
  const s = 0;
  const t = 1;
  const gp = (g: number) => 2 + g;
  const ge = (g: number) => 2 + n + g;
  const mt = (m: number) => 2 + 2 * n + m;
  const extra = max >= 2;
  const pairs: { g: number; m: number; node: number }[] = [];
  let nodes = 2 + 2 * n + M;
  for (let g = 0; g < n; g++) {
    for (let m = 0; m < M; m++) {
      const locked = lockedAt.get(`${g}|${m}`);
      if (inst.excluded[g]![m] || locked === false) continue;
      pairs.push({ g, m, node: extra ? nodes++ : -1 });
    }
  }
  const net = new MinCostFlow(nodes);
  const required: number[] = [];
  for (let g = 0; g < n; g++) {
    const a = net.addArc(s, gp(g), 1, min >= 1 ? -BIG : 0);
    if (min >= 1) required.push(a);
    if (extra) {
      if (min - 1 > 0) required.push(net.addArc(s, ge(g), min - 1, -BIG));
      if (max - min > 0) net.addArc(s, ge(g), max - min, 0);
    }
  }
  const carriers: { g: number; m: number; arc: number }[] = [];
  for (const { g, m, node } of pairs) {
    const lock = lockedAt.get(`${g}|${m}`) === true;
    const c = withCosts ? inst.cost[g]![m]! : 0;
    const counted = inst.cost[g]![m]! <= k;
    if (extra) {
      if (counted) net.addArc(gp(g), node, 1, c);
      net.addArc(ge(g), node, 1, 0);
      const arc = net.addArc(node, mt(m), 1, lock ? -BIG : 0);
      if (lock) required.push(arc);
      carriers.push({ g, m, arc });
    } else if (counted) {
      const arc = net.addArc(gp(g), mt(m), 1, c + (lock ? -BIG : 0));
      if (lock) required.push(arc);
      carriers.push({ g, m, arc });
    } else if (lock) {
      return { feasible: false, total: 0, presenters: [] };
    }
  }
  for (let m = 0; m < M; m++) net.addArc(mt(m), t, p, 0);
  const flow = net.run(s, t);
  const feasible = flow === p * M && required.every((arc) => net.residual(arc) === 0);
  const presenters = carriers.filter((c) => net.flowOn(c.arc) > 0).map(({ g, m }) => ({ g, m }));
  const best = new Map<number, number>();
  for (const { g, m } of presenters) best.set(g, Math.min(best.get(g) ?? Infinity, inst.cost[g]![m]!));
  let total = 0;
  for (const c of best.values()) total += c;
  return { feasible, total, presenters };
}

/**
 * Moves "extra" presentations (those beyond a group's best one, which cost nothing) so that no group presents
 * twice in one ISO week where a swap of extras between two groups avoids it. Costs, counts and loads are
 * unchanged, so the relaxation's optima still hold; this only gives the later spread stage a better start.
 */
export function spreadExtras(
  inst: Instance,
  presenters: { g: number; m: number }[],
): { g: number; m: number }[] {
  const held = inst.groups.map(() => new Set<number>());
  for (const { g, m } of presenters) held[g]!.add(m);
  const lockedAt = new Set(inst.locks.map((l) => `${l.g}|${l.m}`));
  const eligible = (g: number, m: number) => !inst.excluded[g]![m] && !lockedAt.has(`${g}|${m}`);
  const primary = held.map(
    (ms, g) => [...ms].sort((a, b) => inst.cost[g]![a]! - inst.cost[g]![b]! || a - b)[0],
  );
  const weeksOf = (g: number, except?: number) => {
    const weeks = new Map<number, number>();
    for (const m of held[g]!)
      if (m !== except) weeks.set(inst.weekOf[m]!, (weeks.get(inst.weekOf[m]!) ?? 0) + 1);
    return weeks;
  };
  for (let g = 0; g < inst.groups.length; g++) {
    for (const m1 of [...held[g]!].sort((a, b) => a - b)) {
      if (m1 === primary[g] || lockedAt.has(`${g}|${m1}`)) continue;
      const w1 = inst.weekOf[m1]!;
      if ((weeksOf(g).get(w1) ?? 0) < 2) continue;
      // Find another group's extra m2 in a week g does not present, that can take m1 without a clash.
      search: for (let h = 0; h < inst.groups.length; h++) {
        if (h === g) continue;
        for (const m2 of held[h]!) {
          if (m2 === primary[h] || lockedAt.has(`${h}|${m2}`)) continue;
          const w2 = inst.weekOf[m2]!;
          if (w2 === w1 || held[g]!.has(m2) || held[h]!.has(m1)) continue;
          if (!eligible(g, m2) || !eligible(h, m1)) continue;
          if (weeksOf(g, m1).has(w2) || weeksOf(h, m2).has(w1)) continue;
          held[g]!.delete(m1);
          held[g]!.add(m2);
          held[h]!.delete(m2);
          held[h]!.add(m1);
          break search;
        }
      }
    }
  }
  return held.flatMap((ms, g) => [...ms].sort((a, b) => a - b).map((m) => ({ g, m })));
}
