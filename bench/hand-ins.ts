// What the hand-in benches share: the course and its signed-in students, the autocannon burst of questions, the check
// that every acknowledged hand-in is stored, and CPU accounting of the processes under test.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { SERVER_NODE_FLAGS } from '../bin/server-flags.js';
import { hashPassword } from '../src/services/auth/passwords.js';
import { createSession } from '../src/services/auth/sessions.js';
import { createUser } from '../src/services/auth/users.js';
import { enrollAs } from '../src/services/enrollment/name-instructor.js';
import { INTEGRITY_POLICY_KEY } from '../src/services/work/context.js';
import type { Db } from '../src/storage/db.js';
import { saveCourse } from '../src/storage/repositories/course-writer.js';
import { findCourseRef } from '../src/storage/repositories/enrollments.js';
import { insertAcknowledgement, listReceiptHashes } from '../src/storage/repositories/work.js';
import type { CourseModel } from '../src/domain/course.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SLUG = 'bench-seminar';

/** The class is the day after tomorrow: every question is on time, the deadline is near. */
export const classDateSoon = () => new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

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

/** Cookie and CSRF header of a signed-in student. */
export interface Student {
  cookie: string;
  csrf: string;
}

/** The bench course in a migrated database, with `studentCount` enrolled students who acknowledged the policy, each signed in. */
export async function seedHandInCourse(
  db: Db,
  classDate: string,
  studentCount: number,
): Promise<{ courseId: string; someUser: string; students: Student[]; userIds: string[] }> {
  const now = new Date();
  await saveCourse(db, SLUG, course(classDate), now.toISOString());
  const courseId = (await findCourseRef(db, SLUG))!.id;
  const hash = await hashPassword('bench password 1234');
  const students: Student[] = [];
  const userIds: string[] = [];
  let someUser = '';
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
    students.push({ cookie: `seminar_session=${s.token}; seminar_csrf=${s.csrfToken}`, csrf: s.csrfToken });
    someUser = user.id;
    userIds.push(user.id);
  }
  return { courseId, someUser, students, userIds };
}

/** Spawns a server process (node with the server's own flags, then `args`) that prints "running at URL"; resolves with it once it does. */
export function spawnServer(
  args: string[],
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...args], {
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

/** SIGTERM, resolved once the process has exited. */
export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * One autocannon run of question hand-ins, round-robin over the students: for `seconds`, or `amount` requests when
 * given. The ids and sums of the 201 answers go to `acknowledged` (when not null).
 */
export async function burst(
  url: string,
  students: Student[],
  classDate: string,
  opts: { seconds?: number; amount?: number; connections: number },
  acknowledged: Map<string, string> | null,
): Promise<autocannon.Result> {
  let n = 0;
  return autocannon({
    url,
    connections: opts.connections,
    ...(opts.amount ? { amount: opts.amount } : { duration: opts.seconds ?? 5 }),
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
}

/** How many acknowledged hand-ins are missing from the database or stored with another sum. */
export async function countLost(
  db: Db,
  courseId: string,
  acknowledged: Map<string, string>,
): Promise<number> {
  const stored = new Map((await listReceiptHashes(db, courseId)).map((r) => [r.id, r.sha256]));
  let lost = 0;
  for (const [id, sha] of acknowledged) if (stored.get(id) !== sha) lost++;
  return lost;
}

export const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); 0 when it is gone. */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat (11 and 12 after the command name), in clock ticks of 1/100 s.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Busy and total CPU seconds of the whole machine so far (all cores), from /proc/stat. */
export function machineCpuSeconds(): { busy: number; total: number } {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = cpu.reduce((a, b) => a + b, 0);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  return { busy: (total - idle) / 100, total: total / 100 };
}
