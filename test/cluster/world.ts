// The cluster suite's world on one PostgreSQL database: a course open for hand-ins with signed-in students, the
// example syllabus with groups and an instructor, and a person who signs in with a password.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createSession } from '../../src/services/auth/sessions.js';
import { enrollAs } from '../../src/services/enrollment/name-instructor.js';
import { importSyllabus } from '../../src/services/import-syllabus.js';
import { seedGroups } from '../../src/services/demo/seed-groups.js';
import { INTEGRITY_POLICY_KEY } from '../../src/services/work/context.js';
import type { Db } from '../../src/storage/db.js';
import { saveCourse } from '../../src/storage/repositories/course-writer.js';
import { findCourseRef } from '../../src/storage/repositories/enrollments.js';
import { insertAcknowledgement } from '../../src/storage/repositories/work.js';
import { buildCourse, buildMeeting, buildReading } from '../support/course-factory.js';
import { makePerson } from '../http/auth-client.js';

export const WORK_SLUG = 'cluster-seminar';
export const SYLLABUS_SLUG = 'cs598-genai-f24';
export const SYLLABUS = readFileSync(new URL('../../examples/cs598-genai-f24.md', import.meta.url), 'utf8');
const NOW = new Date();
export const CLASS_DATE = new Date(NOW.getTime() + 200 * 86_400_000).toISOString().slice(0, 10);

/** Cookie and CSRF header of a session. */
export interface Caller {
  cookie: string;
  csrf: string;
}

export interface World {
  students: Caller[];
  instructor: Caller;
}

async function sessionOf(db: Db, userId: string): Promise<Caller> {
  const s = await createSession(db, userId, NOW, { ip: null, userAgent: 'cluster' });
  return { cookie: `seminar_session=${s.token}; seminar_csrf=${s.csrfToken}`, csrf: s.csrfToken };
}

export async function buildWorld(db: Db, studentCount: number): Promise<World> {
  await saveCourse(
    db,
    WORK_SLUG,
    buildCourse({
      meetings: [buildMeeting({ date: CLASS_DATE, readings: [buildReading()] })],
      milestones: [],
    }),
    NOW.toISOString(),
  );
  const ref = (await findCourseRef(db, WORK_SLUG))!;
  const students: Caller[] = [];
  for (let i = 0; i < studentCount; i++) {
    const user = await makePerson(db, NOW, `s${i}@example.edu`, { courseId: ref.id, role: 'student' });
    await insertAcknowledgement(db, {
      course_id: ref.id,
      user_id: user.id,
      policy: INTEGRITY_POLICY_KEY,
      acknowledged_at: NOW.toISOString(),
    });
    students.push(await sessionOf(db, user.id));
  }
  const deps = { db, clock: () => NOW };
  const syllabus = await importSyllabus(deps, {
    source: SYLLABUS,
    slug: SYLLABUS_SLUG,
    timeZone: 'America/Chicago',
  });
  for (let i = 0; i < 10; i++) {
    const user = await makePerson(db, NOW, `member${i}@example.edu`);
    await enrollAs(db, NOW, syllabus.stored.id, user.id, 'student');
  }
  const prof = await makePerson(db, NOW, 'prof@example.edu');
  await enrollAs(db, NOW, syllabus.stored.id, prof.id, 'instructor');
  await seedGroups(deps, SYLLABUS_SLUG, 4);
  await makePerson(db, NOW, 'signin@example.edu');
  return { students, instructor: await sessionOf(db, prof.id) };
}

/** Imports the syllabus again under a new title (as a re-import through any instance would). */
export async function reimport(db: Db, title: string): Promise<void> {
  const source = SYLLABUS.replace(/^# .*$/m, `# ${title}`);
  await importSyllabus(
    { db, clock: () => new Date() },
    { source, slug: SYLLABUS_SLUG, timeZone: 'America/Chicago' },
  );
}

/** One question hand-in; resolves with its receipt (id, sha256) or null when it was not acknowledged. */
export async function handIn(
  url: string,
  s: Caller,
  text: string,
): Promise<{ id: string; sha256: string; status: number } | { status: number; detail: string }> {
  try {
    const res = await fetch(`${url}/api/courses/${WORK_SLUG}/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
      body: JSON.stringify({
        deliverableKey: 'question',
        meetingDate: CLASS_DATE,
        readingIndex: 0,
        text: `${text} ${randomBytes(6).toString('hex')}`,
      }),
    });
    if (res.status !== 201) {
      // Who answered and what it said, so a failure in the suite says whether the balancer or Seminar refused.
      const body = (await res.text().catch(() => '')).slice(0, 160).replace(/\s+/g, ' ');
      return { status: res.status, detail: `${res.headers.get('x-served-by') ?? 'balancer'}: ${body}` };
    }
    const body = (await res.json()) as { id: string; sha256: string };
    return { id: body.id, sha256: body.sha256, status: 201 };
  } catch (e) {
    return { status: 0, detail: String(e) };
  }
}
