// The deadline burst: students handing in questions over authenticated sessions at 100 connections, and the same-run ceiling.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config.js';
import { hashPassword } from '../src/services/auth/passwords.js';
import { createSession } from '../src/services/auth/sessions.js';
import { createUser } from '../src/services/auth/users.js';
import { enrollAs } from '../src/services/enrollment/name-instructor.js';
import { INTEGRITY_POLICY_KEY } from '../src/services/work/context.js';
import { createDb } from '../src/storage/db.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import { saveCourse } from '../src/storage/repositories/course-writer.js';
import { findCourseRef } from '../src/storage/repositories/enrollments.js';
import { listMailJobs } from '../src/storage/repositories/mail-queue.js';
import { insertAcknowledgement, listReceiptHashes } from '../src/storage/repositories/work.js';
import type { CourseModel } from '../src/domain/course.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SLUG = 'bench-seminar';
const CONNECTIONS = 100;
/** Real and ceiling servers take turns this many times; the figures are the medians of the rounds. */
const ROUNDS = 5;
const WARM_UP_SECONDS = 2;

function course(classDate: string): CourseModel {
  return {
    code: 'CS 598',
    title: 'Bench Seminar',
    term: null,
    timeZone: 'America/Chicago',
    location: null,
    pattern: { days: [1, 3], startTime: '09:30', endTime: '10:45' },
    staff: [],
    forum: null,
    staffEmail: null,
    description: '',
    objectives: [],
    units: [],
    meetings: [
      {
        date: classDate,
        kind: 'lecture',
        title: 'Bench lecture',
        startTime: null,
        endTime: null,
        unit: null,
        readings: [
          { title: 'Attention Is All You Need', url: null, required: true, note: null },
          { title: 'Megatron-LM', url: null, required: true, note: null },
        ],
        needsPresenters: true,
        notes: [],
        extra: {},
      },
    ],
    components: [],
    policies: [],
    milestones: [],
    resources: [],
    groupSize: null,
  };
}

function spawnServer(
  args: string[],
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /running at (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, url: match[1]! });
    });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code} before listening`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

interface Student {
  cookie: string;
  csrf: string;
}

/** One autocannon run: POSTs of a question each, round-robin over the students; ids of the 201 answers kept. */
async function burst(
  url: string,
  students: Student[],
  classDate: string,
  seconds: number,
  acknowledged: Map<string, string> | null,
) {
  let n = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    pipelining: 1,
    requests: [
      {
        method: 'POST',
        path: `/api/courses/${SLUG}/submissions`,
        setupRequest: (req) => {
          const s = students[n++ % students.length]!;
          const text = `Question ${n}: how does this scale to ${randomBytes(3).readUIntBE(0, 3)} GPUs?`;
          return {
            ...req,
            headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
            body: JSON.stringify({
              deliverableKey: 'question',
              meetingDate: classDate,
              readingIndex: n % 2,
              text,
            }),
          };
        },
        onResponse: (status, body) => {
          if (status === 201 && acknowledged) {
            const parsed = JSON.parse(body) as { id: string; sha256: string };
            acknowledged.set(parsed.id, parsed.sha256);
          }
        },
      },
    ],
  });
  return result;
}

/** Deadline burst at 100 connections against `seminar serve` (own process), then the bare-insert ceiling (own process), same durability; five rounds each. */
export async function benchSubmissions(seconds = 5, studentCount = 400): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'seminar-bench-work-'));
  const env = { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  // The class is tomorrow: every question is on time, the deadline is near.
  const classDate = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  try {
    const config = loadConfig(env);
    const db = createDb(config.database);
    const students: Student[] = [];
    let courseId = '';
    let someUser = '';
    try {
      await migrateToLatest(db);
      const now = new Date();
      await saveCourse(db, SLUG, course(classDate), now.toISOString());
      courseId = (await findCourseRef(db, SLUG))!.id;
      const hash = await hashPassword('bench password 1234');
      for (let i = 0; i < studentCount; i++) {
        const user = await createUser(db, now, {
          email: `s${i}@example.edu`,
          name: `Student ${i}`,
          passwordHash: hash,
          isAdmin: false,
        });
        await enrollAs(db, now, courseId, user.id, 'student');
        await insertAcknowledgement(db, {
          course_id: courseId,
          user_id: user.id,
          policy: INTEGRITY_POLICY_KEY,
          acknowledged_at: now.toISOString(),
        });
        const s = await createSession(db, user.id, now, { ip: null, userAgent: 'bench' });
        students.push({
          cookie: `seminar_session=${s.token}; seminar_csrf=${s.csrfToken}`,
          csrf: s.csrfToken,
        });
        someUser = user.id;
      }
    } finally {
      await db.destroy();
    }

    // Rounds alternate the two servers (never both up at once), so that a change of load on a shared
    // machine hits both sides alike; the figures are the medians of the rounds (each round is listed too).
    // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the server under test in the first round there.
    const profile = process.env.BENCH_CPU_PROF
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
      : [];
    const acknowledged = new Map<string, string>();
    const rounds: Array<{ real: autocannon.Result; ceiling: autocannon.Result; lost: number }> = [];
    let lost = 0;
    let receiptMailQueued = 0;
    let receiptMailSent = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // The real thing: sessions, CSRF, enrollment, deliverable rules, versioning, receipt mail queued in the same transaction.
      const server = await spawnServer([...(round === 0 ? profile : []), 'bin/seminar.js', 'serve'], env);
      let real: autocannon.Result;
      try {
        await burst(server.url, students, classDate, WARM_UP_SECONDS, acknowledged);
        real = await burst(server.url, students, classDate, seconds, acknowledged);
      } finally {
        await stop(server.child);
      }
      const check = createDb(loadConfig(env).database);
      try {
        const stored = new Map((await listReceiptHashes(check, courseId)).map((r) => [r.id, r.sha256]));
        lost = 0;
        for (const [id, sha] of acknowledged) if (stored.get(id) !== sha) lost++;
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
        ['--import', 'tsx', 'bench/submissions-ceiling.ts', dataDir, courseId, someUser],
        {},
      );
      let ceiling: autocannon.Result;
      try {
        await burst(ceilingServer.url, students, classDate, WARM_UP_SECONDS, null);
        ceiling = await burst(ceilingServer.url, students, classDate, seconds, null);
      } finally {
        await stop(ceilingServer.child);
      }
      // `lost` counts every hand-in acknowledged so far (this round's and the earlier ones') not stored as acknowledged.
      rounds.push({ real, ceiling, lost });
    }
    const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
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
      ceilingRps,
      ceilingP50Ms: median(rounds.map((r) => r.ceiling.latency.p50)),
      ceilingP99Ms: median(rounds.map((r) => r.ceiling.latency.p99)),
      shareOfCeiling: share,
      worstShareOfCeiling: Math.round(Math.min(...shares) * 100) / 100,
      byRound: rounds.map((r, i) => ({
        rps: Math.round(r.real.requests.average),
        p50Ms: r.real.latency.p50,
        p99Ms: r.real.latency.p99,
        ceilingRps: Math.round(r.ceiling.requests.average),
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
