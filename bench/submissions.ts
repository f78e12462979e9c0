// The deadline burst: students handing in questions over authenticated sessions at 100 connections, and the same-run ceiling.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type autocannon from 'autocannon';
import { loadConfig } from '../src/config.js';
import { createDb } from '../src/storage/db.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import { listMailJobs } from '../src/storage/repositories/mail-queue.js';
import {
  burst as handInBurst,
  classDateSoon,
  countLost,
  cpuSecondsOf,
  median,
  seedHandInCourse,
  spawnServer,
  stop,
  type Student,
} from './hand-ins.js';

const CONNECTIONS = 100;
/** Real and ceiling servers take turns this many times (BENCH_ROUNDS=n for a quicker look); the figures are the medians of the rounds. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WARM_UP_SECONDS = 2;

/** Server CPU per answered request in µs over a burst. */
async function measured(pid: number, run: () => Promise<autocannon.Result>) {
  const before = cpuSecondsOf(pid);
  const result = await run();
  const total = result.requests.total || 1;
  return { result, cpuUs: Math.round(((cpuSecondsOf(pid) - before) * 1e6) / total) };
}

const burst = (
  url: string,
  students: Student[],
  classDate: string,
  seconds: number,
  acknowledged: Map<string, string> | null,
) => handInBurst(url, students, classDate, { seconds, connections: CONNECTIONS }, acknowledged);

/** Deadline burst at 100 connections against `seminar serve` (own process), then the bare-insert ceiling (own process), same durability; five rounds each. */
export async function benchSubmissions(seconds = 5, studentCount = 400): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'seminar-bench-work-'));
  const env = { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  // The class is tomorrow: every question is on time, the deadline is near.
  const classDate = classDateSoon();
  try {
    const config = loadConfig(env);
    const db = createDb(config.database);
    let students: Student[] = [];
    let courseId = '';
    let someUser = '';
    try {
      await migrateToLatest(db);
      ({ courseId, someUser, students } = await seedHandInCourse(db, classDate, studentCount));
    } finally {
      await db.destroy();
    }

    // Rounds alternate the two servers (never both up at once), so that a change of load on a shared
    // machine hits both sides alike; the figures are the medians of the rounds (each round is listed too).
    // BENCH_CPU_PROF=<dir> writes V8 CPU profiles of both servers in the first round there.
    const profile = process.env.BENCH_CPU_PROF
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
      : [];
    const acknowledged = new Map<string, string>();
    const rounds: Array<{
      real: autocannon.Result;
      ceiling: autocannon.Result;
      lost: number;
      realCpu: number;
      ceilingCpu: number;
    }> = [];
    let lost = 0;
    let receiptMailQueued = 0;
    let receiptMailSent = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // The real thing: sessions, CSRF, enrollment, deliverable rules, versioning, receipt mail queued in the same transaction.
      const server = await spawnServer([...(round === 0 ? profile : []), 'bin/seminar.js', 'serve'], env);
      let real: autocannon.Result;
      let realCpu = 0;
      try {
        await burst(server.url, students, classDate, WARM_UP_SECONDS, acknowledged);
        ({ result: real, cpuUs: realCpu } = await measured(server.child.pid!, () =>
          burst(server.url, students, classDate, seconds, acknowledged),
        ));
      } finally {
        await stop(server.child);
      }
      const check = createDb(loadConfig(env).database);
      try {
        lost = await countLost(check, courseId, acknowledged);
        // Every acknowledged hand-in has its receipt mail job (written in the same transaction); most wait out the burst.
        const jobs = await listMailJobs(check);
        const mailed = new Set(
          jobs.map((j) => (JSON.parse(j.payload) as { submissionId: string }).submissionId),
        );
        const unmailed = [...acknowledged.keys()].filter((id) => !mailed.has(id)).length;
        if (unmailed > 0) throw new Error(`${unmailed} acknowledged hand-ins have no receipt mail queued`);
        receiptMailQueued = jobs.length;
        receiptMailSent = jobs.filter((j) => j.sent_at !== null).length;
      } finally {
        await check.destroy();
      }

      // The ceiling: same request shape and durability (same SQLite file, synchronous=FULL, same group commit), bare insert.
      const ceilingServer = await spawnServer(
        [
          ...(round === 0 ? profile : []),
          '--import',
          'tsx',
          'bench/submissions-ceiling.ts',
          dataDir,
          courseId,
          someUser,
        ],
        {},
      );
      let ceiling: autocannon.Result;
      let ceilingCpu = 0;
      try {
        await burst(ceilingServer.url, students, classDate, WARM_UP_SECONDS, null);
        ({ result: ceiling, cpuUs: ceilingCpu } = await measured(ceilingServer.child.pid!, () =>
          burst(ceilingServer.url, students, classDate, seconds, null),
        ));
      } finally {
        await stop(ceilingServer.child);
      }
      // `lost` counts every hand-in acknowledged so far (this round's and the earlier ones') not stored as acknowledged.
      rounds.push({ real, ceiling, lost, realCpu, ceilingCpu });
    }
    const rps = median(rounds.map((r) => Math.round(r.real.requests.average)));
    const ceilingRps = median(rounds.map((r) => Math.round(r.ceiling.requests.average)));
    // Each round's share of its own ceiling (the two servers ran back to back, under the same load).
    const shares = rounds.map((r) =>
      r.ceiling.requests.average > 0 ? r.real.requests.average / r.ceiling.requests.average : 0,
    );
    const share = Math.round(median(shares) * 100) / 100;
    const p99Ms = median(rounds.map((r) => r.real.latency.p99));
    const non2xx = rounds.reduce((n, r) => n + r.real.non2xx, 0);
    return {
      connections: CONNECTIONS,
      rounds: ROUNDS,
      secondsPerRound: seconds,
      students: studentCount,
      durability: 'SQLite WAL, synchronous=FULL, group commit (commit before 201), both servers',
      rps,
      p50Ms: median(rounds.map((r) => r.real.latency.p50)),
      p99Ms,
      worstP99Ms: Math.max(...rounds.map((r) => r.real.latency.p99)),
      errors: rounds.reduce((n, r) => n + r.real.errors + r.real.timeouts, 0),
      non2xx,
      acknowledged: acknowledged.size,
      lost: median(rounds.map((r) => r.lost)),
      worstLost: Math.max(...rounds.map((r) => r.lost)),
      receiptMailQueued,
      receiptMailSentDuringRun: receiptMailSent,
      serverCpuUsPerHandIn: median(rounds.map((r) => r.realCpu)),
      ceilingRps,
      ceilingCpuUsPerHandIn: median(rounds.map((r) => r.ceilingCpu)),
      ceilingP50Ms: median(rounds.map((r) => r.ceiling.latency.p50)),
      ceilingP99Ms: median(rounds.map((r) => r.ceiling.latency.p99)),
      shareOfCeiling: share,
      worstShareOfCeiling: Math.round(Math.min(...shares) * 100) / 100,
      byRound: rounds.map((r, i) => ({
        rps: Math.round(r.real.requests.average),
        p50Ms: r.real.latency.p50,
        p99Ms: r.real.latency.p99,
        cpuUs: r.realCpu,
        ceilingRps: Math.round(r.ceiling.requests.average),
        ceilingCpuUs: r.ceilingCpu,
        ceilingP99Ms: r.ceiling.latency.p99,
        shareOfCeiling: Math.round(shares[i]! * 100) / 100,
        lost: r.lost,
      })),
      targets: { p99Ms: 50, shareOfCeiling: 0.7 },
      met: p99Ms <= 50 && share >= 0.7 && Math.max(...rounds.map((r) => r.lost)) === 0 && non2xx === 0,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(JSON.stringify(await benchSubmissions(), null, 2) + '\n');
}
