// Bench of the role assignment on synthetic classes: solver time, gap and ranks against a first-come sign-up sheet.
import { fileURLToPath } from 'node:url';
import { firstComeSignup, planAssignment } from '../src/assignment/index.js';
import type { AssignmentInput } from '../src/assignment/index.js';
import { mulberry32 } from '../src/domain/group-formation.js';

/**
 * A synthetic class: `groups` groups, meetings = max(4, round(0.3 × groups)) on Tuesdays and Thursdays,
 * ceil(groups / meetings) presenters and as many summarizers per meeting, each group reviewing once.
 * Each group ranks 5–10 meetings (fewer if there are fewer), drawn without replacement with a Zipf-like
 * popularity skew (weight 1 / (1 + popularity rank)), so popular dates are contested.
 */
export function syntheticClass(groups: number, seed: number): AssignmentInput {
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
  const weight = meetings.map((_, i) => 1 / (1 + popularity[i]!));
  const groupList = Array.from({ length: groups }, (_, i) => ({ id: `g${String(i + 1).padStart(3, '0')}`, name: `Group ${i + 1}` }));
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
    settings: { presentersPerMeeting: perMeeting, summarizersPerMeeting: perMeeting, reviewersPerMeeting: 'each-group-once' },
    timeLimitSeconds: groups >= 300 ? 30 : 10,
  };
}

export async function benchAssignment(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  for (const groups of [10, 30, 100, 300]) {
    const input = syntheticClass(groups, 42 + groups);
    const started = performance.now();
    const plan = await planAssignment(input, { clock: () => performance.now() });
    const wallMs = Math.round(performance.now() - started);
    const firstCome = firstComeSignup(input, mulberry32(7 + groups));
    const key = `${groups} groups × ${input.meetings.length} meetings`;
    if (!plan.ok) {
      results[key] = { error: plan.messages };
      continue;
    }
    results[key] = {
      presentersPerMeeting: input.settings.presentersPerMeeting,
      status: plan.stats.status,
      solveMs: plan.stats.solveTimeMs,
      wallMs,
      stageMs: Object.fromEntries(plan.stats.stages.map((s) => [s.name, s.timeMs])),
      gap: plan.stats.gap,
      meanRank: Number(plan.stats.meanRank.toFixed(3)),
      worstRank: plan.stats.worstRank,
      weekClashes: plan.stats.weekClashes,
      firstCome: { meanRank: Number(firstCome.meanRank.toFixed(3)), worstRank: firstCome.worstRank },
      meanRankVsFirstCome: Number((plan.stats.meanRank / firstCome.meanRank).toFixed(3)),
    };
  }
  return results;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(JSON.stringify(await benchAssignment(), null, 2) + '\n');
}
