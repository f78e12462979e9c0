// Receipt mail goes through the durable queue: it arrives over real SMTP, waits out a mail server that is down, and survives a SIGKILL.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { createSeminar, type Seminar } from '../../src/main.js';
import { createSession } from '../../src/services/auth/sessions.js';
import { INTEGRITY_POLICY_KEY } from '../../src/services/work/context.js';
import type { Db } from '../../src/storage/db.js';
import { saveCourse } from '../../src/storage/repositories/course-writer.js';
import { findCourseRef } from '../../src/storage/repositories/enrollments.js';
import { countPendingMail, listMailJobs } from '../../src/storage/repositories/mail-queue.js';
import { insertAcknowledgement } from '../../src/storage/repositories/work.js';
import { makePerson } from '../http/auth-client.js';
import { createTestDatabase, inCi, pgUnavailable, type DialectName } from '../support/dialects.js';
import { buildCourse, buildMeeting, buildReading } from '../support/course-factory.js';
import { ensureBuilt } from '../support/built-seminar.js';

// The suite spawns bin/seminar.js, which runs dist/.
beforeAll(ensureBuilt, 180_000);

const SLUG = 'mail-seminar';
const NOW = new Date();
const CLASS_DATE = new Date(NOW.getTime() + 100 * 86_400_000).toISOString().slice(0, 10);

interface Received {
  to: string[];
  /** Quoted-printable undone (the body as read). */
  raw: string;
  /** As sent. */
  source: string;
}

/** Undoes quoted-printable soft breaks and escapes, as a mail reader would. */
function unquote(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The Subject header as a mail reader shows it (RFC 2047 encoded words decoded, folding undone). */
function subjectOf(raw: string): string {
  const header = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
  return header
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_, text: string) =>
      Buffer.from(
        text
          .replace(/_/g, ' ')
          .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        'latin1',
      ).toString('utf8'),
    )
    .replace(/\r?\n[ \t]/g, ' ');
}

/** A local SMTP server on `port` (0: any) that keeps what it receives. */
async function startSmtp(
  port = 0,
): Promise<{ server: SMTPServer; port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // A mailer's kept (pooled) connection still open at close: drop it after a moment, not the default 30 s.
    closeTimeout: 500,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: unquote(Buffer.concat(chunks).toString('utf8')),
          source: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    server,
    port: (server.server.address() as AddressInfo).port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on (taken, then given back). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Student {
  email: string;
  cookie: string;
  csrf: string;
}

/** The course with one class ahead and `n` students who acknowledged the policy, each signed in. */
async function seed(db: Db, n: number): Promise<Student[]> {
  await saveCourse(
    db,
    SLUG,
    buildCourse({
      title: 'Mail Seminar',
      meetings: [buildMeeting({ date: CLASS_DATE, readings: [buildReading()] })],
      milestones: [],
    }),
    NOW.toISOString(),
  );
  const ref = (await findCourseRef(db, SLUG))!;
  const students: Student[] = [];
  for (let i = 0; i < n; i++) {
    const email = `mail-${i}-${randomBytes(3).toString('hex')}@example.edu`;
    const user = await makePerson(db, NOW, email, { courseId: ref.id, role: 'student' });
    await insertAcknowledgement(db, {
      course_id: ref.id,
      user_id: user.id,
      policy: INTEGRITY_POLICY_KEY,
      acknowledged_at: NOW.toISOString(),
    });
    const s = await createSession(db, user.id, NOW, { ip: null, userAgent: 'mail test' });
    students.push({
      email,
      cookie: `seminar_session=${s.token}; seminar_csrf=${s.csrfToken}`,
      csrf: s.csrfToken,
    });
  }
  return students;
}

function questionBody(text: string): string {
  return JSON.stringify({ deliverableKey: 'question', meetingDate: CLASS_DATE, readingIndex: 0, text });
}

async function handIn(
  seminar: Seminar,
  s: Student,
  text: string,
): Promise<{ id: string; sha256: string; version: number }> {
  const res = await seminar.app.inject({
    method: 'POST',
    url: `/api/courses/${SLUG}/submissions`,
    headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
    payload: questionBody(text),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Short timings so that the tests do not wait out production backoffs. */
const FAST = { pollMs: 50, backoffMs: 300, maxBackoffMs: 1000, maxDeferMs: 200 };

const dialects: DialectName[] = [
  'sqlite',
  ...(pgUnavailable === null || inCi ? (['postgres'] as const) : []),
];

describe.each(dialects)('receipt mail through the queue [%s]', (dialect) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => {});
  });

  async function seminarWith(smtpPort: number): Promise<{ seminar: Seminar; config: Readonly<Config> }> {
    const database = await createTestDatabase(dialect, { SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
    await database.db.destroy();
    cleanups.push(() => database.drop());
    const seminar = await createSeminar(database.config, { mailQueue: FAST });
    cleanups.push(() => seminar.close());
    return { seminar, config: database.config };
  }

  it('sends the receipt to the student once the hand-in is stored, with its version and hash', async () => {
    const smtp = await startSmtp();
    cleanups.push(() => smtp.close());
    const { seminar } = await seminarWith(smtp.port);
    const [ada] = await seed(seminar.db, 1);
    const first = await handIn(seminar, ada!, 'Why does attention scale quadratically?');
    const second = await handIn(seminar, ada!, 'Why does attention scale quadratically with length?');
    expect(second.version).toBe(2);
    const mails = await until('two receipts', async () => (smtp.received.length >= 2 ? smtp.received : null));
    expect(mails.every((m) => m.to.join() === ada!.email)).toBe(true);
    const bodies = mails.map((m) => m.raw).sort();
    expect(
      bodies.some(
        (b) =>
          b.includes(`SHA-256: ${first.sha256}`) &&
          b.includes('Version: 1') &&
          b.includes(`Receipt id: ${first.id}`),
      ),
    ).toBe(true);
    expect(bodies.some((b) => b.includes(`SHA-256: ${second.sha256}`) && b.includes('Version: 2'))).toBe(
      true,
    );
    expect(subjectOf(mails[0]!.source)).toMatch(
      /^Receipt: Question for .* — Attention Is All You Need \(on time\)$/,
    );
    expect(mails[0]!.raw).toContain('Mail Seminar');
    // The mail names the class (its date) and the paper, not only the deliverable.
    const day = new Date(`${CLASS_DATE}T12:00:00Z`).toLocaleDateString('en-US', {
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    });
    const body = mails[0]!.raw;
    expect(body).toContain(`Receipt for Question for ${day} `);
    expect(body).toContain('Attention Is All You Need');
    const jobs = await until('both jobs marked sent', async () => {
      const all = await listMailJobs(seminar.db);
      return all.length === 2 && all.every((j) => j.sent_at !== null) ? all : null;
    });
    expect(jobs.map((j) => j.attempts)).toEqual([0, 0]);
    expect(smtp.received).toHaveLength(2);
  }, 60_000);

  it('keeps the receipt queued while the mail server is down and sends it once it is up', async () => {
    const port = await freePort();
    const { seminar } = await seminarWith(port);
    const [ben] = await seed(seminar.db, 1);
    const receipt = await handIn(seminar, ben!, 'What would change with a bigger batch?');
    // Tried and failed at least twice (backoff), still waiting.
    const waiting = await until('two failed attempts', async () => {
      const [job] = await listMailJobs(seminar.db);
      return job && job.attempts >= 2 ? job : null;
    });
    expect(waiting.sent_at).toBeNull();
    expect(waiting.gave_up_at).toBeNull();
    expect(waiting.last_error).toBeTruthy();
    expect(await countPendingMail(seminar.db)).toBe(1);

    const smtp = await startSmtp(port);
    cleanups.push(() => smtp.close());
    const [mail] = await until('the receipt after the server came up', async () =>
      smtp.received.length > 0 ? smtp.received : null,
    );
    expect(mail!.to).toEqual([ben!.email]);
    expect(mail!.raw).toContain(`SHA-256: ${receipt.sha256}`);
    await until('the job marked sent', async () =>
      (await countPendingMail(seminar.db)) === 0 ? true : null,
    );
    const [job] = await listMailJobs(seminar.db);
    expect(job!.sent_at).not.toBeNull();
    expect(smtp.received).toHaveLength(1);
  }, 60_000);
});

describe.each(dialects)('receipt mail across a SIGKILL [%s]', (dialect) => {
  let child: ChildProcess | null = null;
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    for (const c of cleanups.reverse()) await c().catch(() => {});
  });

  function start(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
    const proc = spawn(process.execPath, ['bin/seminar.js', 'serve'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    return new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
      proc.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /running at (http:\/\/\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve({ child: proc, url: m[1]! });
        }
      });
      proc.stderr!.on('data', (c: Buffer) => (out += c.toString()));
      proc.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
    });
  }

  function gone(proc: ChildProcess): Promise<void> {
    return new Promise((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.once('exit', () => resolve());
    });
  }

  it('sends after a restart the receipts a killed server had not sent', async () => {
    const port = await freePort();
    const database = await createTestDatabase(dialect);
    cleanups.push(() => database.drop());
    const students = await seed(database.db, 3);
    const env: Record<string, string> = {
      DATA_DIR: database.dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      TIME_ZONE: 'America/Chicago',
      SMTP_URL: `smtp://127.0.0.1:${port}`,
    };
    if (database.config.database.kind === 'postgres') env.DATABASE_URL = database.config.database.url;

    const first = await start(env);
    const receipts: Array<{ id: string; sha256: string }> = [];
    for (const [i, s] of students.entries()) {
      const res = await fetch(`${first.url}/api/courses/${SLUG}/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
        body: questionBody(`Question ${i} before the crash?`),
      });
      expect(res.status).toBe(201);
      receipts.push((await res.json()) as { id: string; sha256: string });
    }
    // The mail server is down: every first try fails, the jobs stay queued (none held by a claim).
    await until('a failed attempt of each', async () => {
      const jobs = await listMailJobs(database.db);
      return jobs.length === 3 && jobs.every((j) => j.attempts >= 1 && j.claim === null && j.sent_at === null)
        ? true
        : null;
    });
    first.child.kill('SIGKILL');
    await gone(first.child);
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(await countPendingMail(database.db)).toBe(3);

    const smtp = await startSmtp(port);
    cleanups.push(() => smtp.close());
    const second = await start(env);
    const mails = await until(
      'three receipts after the restart',
      async () => (smtp.received.length >= 3 ? smtp.received : null),
      60_000,
    );
    expect(mails.map((m) => m.to[0]).sort()).toEqual(students.map((s) => s.email).sort());
    for (const r of receipts) expect(mails.some((m) => m.raw.includes(`SHA-256: ${r.sha256}`))).toBe(true);
    await until('every job marked sent', async () =>
      (await countPendingMail(database.db)) === 0 ? true : null,
    );
    second.child.kill('SIGTERM');
    await gone(second.child);
    expect(smtp.received).toHaveLength(3);
  }, 120_000);
});
