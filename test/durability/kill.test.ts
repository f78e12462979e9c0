// Acknowledged means durable: a burst of question hand-ins, SIGKILL mid-burst, restart — every receipt is stored and the database is intact.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createSession } from '../../src/services/auth/sessions.js';
import { createDb, type Db } from '../../src/storage/db.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { saveCourse } from '../../src/storage/repositories/course-writer.js';
import { findCourseRef } from '../../src/storage/repositories/enrollments.js';
import {
  checkIntegrity,
  insertAcknowledgement,
  listReceiptHashes,
} from '../../src/storage/repositories/work.js';
import { INTEGRITY_POLICY_KEY } from '../../src/services/work/context.js';
import { buildCourse, buildMeeting, buildReading } from '../support/course-factory.js';
import { makePerson } from '../http/auth-client.js';
import { pgUnavailable, testPgUrl, withSchema, inCi } from '../support/dialects.js';
import { makeTempDir } from '../support/temp-dir.js';
import { ensureBuilt } from '../support/built-seminar.js';

// The suite spawns bin/seminar.js, which runs dist/.
beforeAll(ensureBuilt, 180_000);

const SLUG = 'durable-seminar';
const STUDENTS = 40;
const FAR = new Date();
const FUTURE_CLASS = new Date(FAR.getTime() + 200 * 86_400_000).toISOString().slice(0, 10);

interface Student {
  cookie: string;
  csrf: string;
}

async function prepare(env: Record<string, string>): Promise<Student[]> {
  const config = loadConfig(env);
  const db = createDb(config.database);
  try {
    await migrateToLatest(db);
    const course = buildCourse({
      meetings: [buildMeeting({ date: FUTURE_CLASS, readings: [buildReading()] })],
      milestones: [],
    });
    await saveCourse(db, SLUG, course, FAR.toISOString());
    const ref = (await findCourseRef(db, SLUG))!;
    const students: Student[] = [];
    for (let i = 0; i < STUDENTS; i++) {
      const user = await makePerson(db, FAR, `s${i}@example.edu`, { courseId: ref.id, role: 'student' });
      await insertAcknowledgement(db, {
        course_id: ref.id,
        user_id: user.id,
        policy: INTEGRITY_POLICY_KEY,
        acknowledged_at: FAR.toISOString(),
      });
      const s = await createSession(db, user.id, FAR, { ip: null, userAgent: 'durability' });
      students.push({ cookie: `seminar_session=${s.token}; seminar_csrf=${s.csrfToken}`, csrf: s.csrfToken });
    }
    return students;
  } finally {
    await db.destroy();
  }
}

function start(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['bin/seminar.js', 'serve'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

/** Sends questions as fast as `students` can, keeping every acknowledged receipt, until the server dies. */
async function burst(
  url: string,
  students: Student[],
  acknowledged: Array<{ id: string; sha256: string }>,
  onFirstAcks: () => void,
): Promise<void> {
  let fired = false;
  await Promise.all(
    students.map(async (s, i) => {
      for (let n = 0; ; n++) {
        let res: Response;
        try {
          res = await fetch(`${url}/api/courses/${SLUG}/submissions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
            body: JSON.stringify({
              deliverableKey: 'question',
              meetingDate: FUTURE_CLASS,
              readingIndex: 0,
              text: `Student ${i}, question ${n}: ${randomBytes(8).toString('hex')}`,
            }),
          });
        } catch {
          return; // the server is gone
        }
        if (res.status !== 201) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
        const body = (await res.json()) as { id: string; sha256: string };
        acknowledged.push({ id: body.id, sha256: body.sha256 });
        if (!fired && acknowledged.length >= 150) {
          fired = true;
          onFirstAcks();
        }
      }
    }),
  );
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });
}

const dialects: Array<'sqlite' | 'postgres'> = [
  'sqlite',
  ...(pgUnavailable === null || inCi ? (['postgres'] as const) : []),
];

describe.each(dialects)('a SIGKILL in the middle of a burst of hand-ins [%s]', (dialect) => {
  const temp = makeTempDir(`seminar-durable-${dialect}-`);
  const schema = `durable_${randomBytes(5).toString('hex')}`;
  const env: Record<string, string> = {
    DATA_DIR: temp.path,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    TIME_ZONE: 'America/Chicago',
  };
  let child: ChildProcess | null = null;

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    if (dialect === 'postgres') {
      const admin = new pg.Client({ connectionString: testPgUrl });
      await admin.connect();
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    }
    temp.remove();
  });

  it('loses no acknowledged receipt and leaves the database intact', async () => {
    if (dialect === 'postgres') {
      const admin = new pg.Client({ connectionString: testPgUrl });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
      env.DATABASE_URL = withSchema(testPgUrl, schema);
    }
    const students = await prepare(env);
    const first = await start(env);
    child = first.child;
    const acknowledged: Array<{ id: string; sha256: string }> = [];
    // Kill at a random moment shortly after the first 150 receipts: requests are in flight.
    await burst(first.url, students, acknowledged, () =>
      setTimeout(() => first.child.kill('SIGKILL'), 20 + Math.floor(Math.random() * 80)),
    );
    await killed(first.child);
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(150);

    // Restart: the server comes up on the same data and answers.
    const second = await start(env);
    child = second.child;
    const health = await fetch(`${second.url}/api/health`);
    expect(health.status).toBe(200);
    second.child.kill('SIGTERM');
    await killed(second.child);

    const config = loadConfig(env);
    const db: Db = createDb(config.database);
    try {
      const stored = new Map(
        (await listReceiptHashes(db, (await findCourseRef(db, SLUG))!.id)).map((r) => [r.id, r.sha256]),
      );
      const lost = acknowledged.filter((a) => stored.get(a.id) !== a.sha256);
      expect(lost).toEqual([]);
      expect(stored.size).toBeGreaterThanOrEqual(acknowledged.length);
      expect(await checkIntegrity(db, dialect)).toBe('ok');
    } finally {
      await db.destroy();
    }
  }, 120_000);
});
