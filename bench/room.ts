// Bench of the class room's live events: 300 Server-Sent Events clients on one instance (SQLite), a burst of 300
// votes; every client must end with the final counts; fan-out latency from the event's commit (its stamp, taken
// just before commit) to each client's receipt of it or of a later event (a stale vote count is left out); the
// server's CPU time for the burst (from the first vote until every client shows the final counts: less sensitive to
// other load on the machine than latency); memory per idle connection. The clients read their streams in a child
// process, apart from the server's event loop and its CPU time. The same with two instances on PostgreSQL (150
// clients on each, votes through both) when SEMINAR_TEST_PG_URL answers.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../src/config.js';
import { buildApp } from '../src/http/app.js';
import { createSession } from '../src/services/auth/sessions.js';
import { createUser } from '../src/services/auth/users.js';
import { enrollAs } from '../src/services/enrollment/name-instructor.js';
import { importSyllabus } from '../src/services/import-syllabus.js';
import { createDb, type Db } from '../src/storage/db.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import { loadCourse } from '../src/storage/repositories/course-reader.js';
import { listRoomEventsAfter } from '../src/storage/repositories/room.js';
import type { ClientsInput, ClientsMessage } from './room-clients.js';

// The heap per idle connection is read between full collections: the bench runs without
// --expose-gc, so the flag is set here and the collector taken from a fresh context.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
function collectGarbage(): void {
  for (let i = 0; i < 3; i++) gc();
}

const SLUG = 'cs598-genai-f24';
const CLIENTS = 300;
const QUESTIONS = 5;
const TIME_LIMIT_MS = 120_000;
const ms = (x: number) => Math.round(x * 10) / 10;
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** The clients in a child process of their own (tsx registered there too, as the bench runs from source). */
function startClients(input: ClientsInput) {
  const child = fork(fileURLToPath(new URL('./room-clients.ts', import.meta.url)), {
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced',
  });
  const next = () =>
    new Promise<ClientsMessage>((resolve, reject) => {
      child.once('message', (msg) => resolve(msg as ClientsMessage));
      child.once('error', reject);
    });
  const opened = next();
  child.send({ type: 'start', input });
  return {
    opened,
    async finish(expected: Array<[string, number]>, limitMs: number) {
      const done = next();
      child.send({ type: 'finish', expected, limitMs });
      const msg = await done;
      child.kill();
      if (msg.type !== 'done') throw new Error('the clients answered out of turn');
      return msg;
    },
  };
}

async function world(db: Db) {
  await migrateToLatest(db);
  const now = new Date();
  const course = (
    await importSyllabus(
      { db, clock: () => now },
      {
        source: readFileSync(new URL('../examples/cs598-genai-f24.md', import.meta.url)),
        slug: SLUG,
        timeZone: 'America/Chicago',
      },
    )
  ).stored;
  // The first class with papers; the apps' clock runs from 10:00 Chicago that day (real time, shifted).
  const meeting = (await loadCourse(db, SLUG))!.meetings.find((m) => m.readings.length > 0);
  const headers: Array<Record<string, string>> = [];
  for (let i = 0; i < CLIENTS; i++) {
    const u = await createUser(db, now, {
      email: `r${i}@example.edu`,
      name: `Room ${i}`,
      passwordHash: null,
      isAdmin: false,
    });
    await enrollAs(db, now, course.id, u.id, 'student');
    const s = await createSession(db, u.id, now, { ip: null, userAgent: 'bench' });
    headers.push({
      cookie: `seminar_session=${s.token}; seminar_csrf=${s.csrfToken}`,
      'x-csrf-token': s.csrfToken,
    });
  }
  return { date: meeting?.date ?? null, meetingId: meeting?.id ?? '', headers };
}

async function measure(dbs: Db[], configOf: (db: Db) => Parameters<typeof buildApp>[0]['config']) {
  const { date, meetingId, headers } = await world(dbs[0]!);
  if (!date) return { error: 'the example course has no class with papers' };
  const shift = Date.parse(`${date}T15:00:00Z`) - Date.now();
  const apps: FastifyInstance[] = [];
  for (const db of dbs) {
    const app = await buildApp({ config: configOf(db), db, clock: () => new Date(Date.now() + shift) });
    await app.listen({ port: 0, host: '127.0.0.1' });
    apps.push(app);
  }
  const base = `/api/courses/${SLUG}/meetings/${date}/room`;
  try {
    const questionIds: string[] = [];
    for (let q = 0; q < QUESTIONS; q++) {
      const res = await apps[0]!.inject({
        method: 'POST',
        url: `${base}/questions`,
        headers: headers[q]!,
        payload: {
          paperIndex: 0,
          text: `Question ${q} about ${['scaling', 'data', 'bias', 'cost', 'safety'][q]}?`,
        },
      });
      if (res.statusCode !== 200) throw new Error(`asking answered ${res.statusCode} ${res.body}`);
      questionIds.push(
        (res.json() as { questions: Array<{ id: string; source: string }> }).questions.at(-1)!.id,
      );
    }
    const start = (await apps[0]!.inject({ url: base, headers: headers[0]! })).json() as {
      lastEventId: number;
    };

    collectGarbage();
    const before = process.memoryUsage();
    const worker = startClients({
      urls: headers.map((_, i) => {
        const { port } = apps[i % apps.length]!.server.address() as AddressInfo;
        return `http://127.0.0.1:${port}${base}/events?after=${start.lastEventId}`;
      }),
      headers,
      shift,
    });
    await worker.opened;
    await new Promise((r) => setTimeout(r, 500));
    collectGarbage();
    const after = process.memoryUsage();

    const cpuStart = process.cpuUsage();
    const burstStart = Date.now();
    const votes = await Promise.all(
      headers.map((h, i) =>
        apps[i % apps.length]!.inject({
          method: 'PUT',
          url: `${base}/questions/${questionIds[i % QUESTIONS]}/vote`,
          headers: h,
        }),
      ),
    );
    const burstMs = Date.now() - burstStart;
    const failed = votes.filter((v) => v.statusCode !== 200).length;
    const final = (await apps[0]!.inject({ url: base, headers: headers[0]! })).json() as {
      questions: Array<{ id: string; votes: number }>;
      lastEventId: number;
    };
    const expected = final.questions
      .filter((q) => questionIds.includes(q.id))
      .map((q): [string, number] => [q.id, q.votes]);
    const { allFinal, receipts } = await worker.finish(expected, TIME_LIMIT_MS);
    const cpu = process.cpuUsage(cpuStart);

    const events = await listRoomEventsAfter(dbs[0]!, meetingId, start.lastEventId, 10_000);
    // Each committed event's latency at each client: until the client received it or a later event (the server
    // leaves out a vote count that a newer count of the same question, sent in the same write, makes stale).
    const lat: number[] = [];
    let unseen = 0;
    for (const got of receipts) {
      let k = 0;
      for (const e of events) {
        while (k < got.length && got[k]![0] < e.id) k++;
        if (k < got.length) lat.push(got[k]![1] - Date.parse(e.created_at));
        else unseen++;
      }
    }
    if (process.env.TRACE)
      for (const e of events.filter((_, i) => i % 20 === 0)) {
        const r = receipts.map((got) => got.find((g) => g[0] >= e.id)?.[1] ?? NaN).sort((a, b) => a - b);
        console.error(
          `TRACE event ${e.id} stamp ${Date.parse(e.created_at) % 100000} recv min ${r[0]! % 100000} med ${r[150]! % 100000} max ${r.at(-1)! % 100000}`,
        );
      }
    lat.sort((a, b) => a - b);
    return {
      instances: apps.length,
      clients: CLIENTS,
      votes: votes.length,
      voteFailures: failed,
      burstMs,
      events: events.length,
      everyClientSawFinalCounts: allFinal,
      serverCpuMsPerBurst: ms((cpu.user + cpu.system) / 1000),
      fanout: {
        samples: lat.length,
        unseen,
        messagesReceived: receipts.reduce((n, got) => n + got.length, 0),
        p50Ms: ms(pct(lat, 0.5)),
        p99Ms: ms(pct(lat, 0.99)),
        maxMs: ms(lat.at(-1) ?? 0),
        targetP99Ms: 200,
      },
      memoryPerIdleConnectionKiB: {
        heap: ms((after.heapUsed - before.heapUsed) / CLIENTS / 1024),
        rss: ms((after.rss - before.rss) / CLIENTS / 1024),
        note: 'the server process (the clients run in a child process)',
      },
    };
  } finally {
    for (const app of apps) await app.close();
  }
}

export async function benchRoom(): Promise<Record<string, unknown>> {
  const base = loadConfig();
  const out: Record<string, unknown> = {};
  const dir = mkdtempSync(join(tmpdir(), 'seminar-bench-room-'));
  try {
    const config = {
      ...base,
      dataDir: dir,
      filesDir: join(dir, 'files'),
      database: { kind: 'sqlite' as const, file: join(dir, 'db.sqlite') },
    };
    const db = createDb(config.database);
    try {
      out.sqliteOneInstance = await measure([db], () => config);
    } finally {
      await db.destroy();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const url = base.testPgUrl;
  if (url) {
    const schema = `bench_room_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    const dbs: Db[] = [];
    try {
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      const database = {
        kind: 'postgres' as const,
        url: `${url}${url.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}`,
      };
      dbs.push(createDb(database), createDb(database));
      out.postgresTwoInstances = await measure(dbs, () => ({ ...base, database }));
    } catch (error) {
      out.postgresTwoInstances = { error: error instanceof Error ? error.message : String(error) };
    } finally {
      for (const db of dbs) await db.destroy();
      await admin.query(`drop schema if exists ${schema} cascade`).catch(() => {});
      await admin.end().catch(() => {});
    }
  }
  return out;
}
