// Bench of the role assignment on synthetic classes: solver time, gap and ranks against a first-come sign-up sheet.
import { fileURLToPath } from 'node:url';
import { firstComeSignup, planAssignment } from '../src/assignment/index.js';
import type { AssignmentInput } from '../src/assignment/index.js';
import { mulberry32 } from '../src/domain/group-formation.js';
import { presenterFlow } from '../src/assignment/flow.js';
import { buildInstance } from '../src/assignment/instance.js';

/**
 * A synthetic class: `groups` groups, meetings = max(4, round(0.3 × groups)) on Tuesdays and Thursdays,
 * ceil(groups / meetings) presenters and as many summarizers per meeting, each group reviewing once.
 * Each group ranks 5–10 meetings (fewer if there are fewer), drawn without replacement with a Zipf-like
 * popularity skew (weight 1 / (1 + popularity rank)^skew), so popular dates are contested.
 */
export function syntheticClass(groups: number, seed: number, skew = 1): AssignmentInput {
  const rng = mulberry32(seed);
  const meetingCount = Math.max(4, Math.round(0.3 * groups));
  const start = Date.UTC(2024, 7, 27); // a Tuesday
  const meetings = Array.from({ length: meetingCount }, (_, i) => {
    const day = start + (Math.floor(i / 2) * 7 + (i % 2) * 2) * 86_400_000;
    const date = new Date(day).toISOString().slice(0, 10);
    return { id: `m${String(i + 1).padStart(3, '0')}`, date, label: date };
  });
  const popularity = meetings.map((_, i) => i);
  for (let i = popularity.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [popularity[i], popularity[j]] = [popularity[j]!, popularity[i]!];
  }
  const weight = meetings.map((_, i) => 1 / (1 + popularity[i]!) ** skew);
  const groupList = Array.from({ length: groups }, (_, i) => ({
    id: `g${String(i + 1).padStart(3, '0')}`,
    name: `Group ${i + 1}`,
  }));
  const preferences: Record<string, string[]> = {};
  for (const group of groupList) {
    const length = Math.min(meetingCount, 5 + Math.floor(rng() * 6));
    const pool = meetings.map((_, i) => i);
    const list: string[] = [];
    while (list.length < length) {
      const total = pool.reduce((s, i) => s + weight[i]!, 0);
      let r = rng() * total;
      let k = 0;
      while (k < pool.length - 1 && r >= weight[pool[k]!]!) {
        r -= weight[pool[k]!]!;
        k++;
      }
      list.push(meetings[pool[k]!]!.id);
      pool.splice(k, 1);
    }
    preferences[group.id] = list;
  }
  const perMeeting = Math.ceil(groups / meetingCount);
  return {
    groups: groupList,
    meetings,
    preferences,
    settings: {
      presentersPerMeeting: perMeeting,
      summarizersPerMeeting: perMeeting,
      reviewersPerMeeting: 'each-group-once',
    },
    timeLimitSeconds: groups >= 300 ? 30 : 10,
  };
}

const SIZES = [10, 30, 100, 300];
const ORDERS = 5;

async function benchOne(groups: number, skew: number): Promise<Record<string, unknown>> {
  const input = syntheticClass(groups, 42 + groups, skew);
  const clock = () => performance.now();
  const timed = async () => {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const plan = await planAssignment(input, { clock });
    const cpu = process.cpuUsage(cpuBefore);
    return {
      plan,
      wallMs: Math.round(performance.now() - started),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    };
  };
  const first = await timed();
  const plan = first.plan;
  if (!plan.ok) return { error: plan.messages };
  // Repeat runs in the same process (warm JIT); the plan is identical, only the time varies.
  const repeats = groups <= 100 ? [await timed(), await timed()] : [];
  const sheets = Array.from({ length: ORDERS }, (_, i) =>
    firstComeSignup(input, mulberry32(1000 * groups + i)),
  );
  const sheetMean = sheets.reduce((sum, s) => sum + s.meanRank, 0) / ORDERS;
  const sheetWorst = sheets.map((s) => s.worstRank);
  // The least mean rank any plan could reach, ignoring fairness (presenter relaxation, min-sum only).
  const inst = buildInstance(input);
  const minSum = presenterFlow(inst, Math.max(...inst.cost.flat()), true);
  return {
    meetings: input.meetings.length,
    perMeeting: {
      presenters: input.settings.presentersPerMeeting,
      summarizers: input.settings.summarizersPerMeeting,
      reviewers: input.settings.reviewersPerMeeting,
    },
    status: plan.stats.status,
    gap: plan.stats.gap,
    firstRunMs: first.wallMs,
    firstRunCpuMs: first.cpuMs,
    repeatRunMs: repeats.map((r) => r.wallMs),
    repeatRunCpuMs: repeats.map((r) => r.cpuMs),
    stageMs: Object.fromEntries(plan.stats.stages.map((s) => [s.name, s.timeMs])),
    meanRank: Number(plan.stats.meanRank.toFixed(3)),
    worstRank: plan.stats.worstRank,
    weekClashes: plan.stats.weekClashes,
    firstCome: {
      orders: ORDERS,
      meanRank: Number(sheetMean.toFixed(3)),
      worstRank: { min: Math.min(...sheetWorst), max: Math.max(...sheetWorst) },
    },
    meanRankVsFirstCome: Number((plan.stats.meanRank / sheetMean).toFixed(3)),
    leastPossibleMeanRank: Number((minSum.total / input.groups.length).toFixed(3)),
    worstNeverWorseThanFirstCome: plan.stats.worstRank <= Math.min(...sheetWorst),
  };
}

/**
 * Per class size and popularity skew: solver status, gap and times (first run in the process, then repeats),
 * the plan's mean and worst presenter rank, and a first-come sign-up sheet on the same input (5 random orders).
 */
export async function benchAssignment(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {
    note: "ms are wall-clock on a shared 2-core machine; cpuMs is this process only. Rank = position in the group's list (unranked = list length + 1).",
  };
  for (const [label, skew] of [
    ['zipf-1', 1],
    ['zipf-2', 2],
  ] as const) {
    const bySize: Record<string, unknown> = {};
    for (const groups of SIZES) bySize[`${groups} groups`] = await benchOne(groups, skew);
    results[label] = bySize;
  }
  return results;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(JSON.stringify(await benchAssignment(), null, 2) + '\n');
}
