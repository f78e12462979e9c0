// Test helpers for the work suites: a course with two groups holding roles, signed-in clients, multipart bodies.
import { ulid } from 'ulid';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/storage/db.js';
import { saveCourse } from '../../src/storage/repositories/course-writer.js';
import { loadCourse } from '../../src/storage/repositories/course-reader.js';
import { findCourseRef } from '../../src/storage/repositories/enrollments.js';
import { insertGroup, insertMember } from '../../src/storage/repositories/groups.js';
import { insertRoles } from '../../src/storage/repositories/roles.js';
import type { CourseModel } from '../../src/domain/course.js';
import { buildCourse } from '../support/course-factory.js';
import { makePerson, TestClient } from './auth-client.js';

export const SLUG = 'cs598-genai-f24';

export interface WorkWorld {
  courseId: string;
  ids: Record<'ada' | 'ben' | 'cat' | 'dan' | 'ta' | 'prof', string>;
  groups: { alpha: string; beta: string };
  meetingId(date: string): string;
}

/**
 * The factory course with: Ada and Ben in group Alpha (presenting Aug 28), Cat in group Beta
 * (summarizing Aug 28), Dan without a group; a TA and an instructor.
 */
export async function buildWorkWorld(
  db: Db,
  now: Date,
  course: CourseModel = buildCourse(),
  emailPrefix = '',
): Promise<WorkWorld> {
  const stamp = now.toISOString();
  await saveCourse(db, SLUG, course, stamp);
  const ref = (await findCourseRef(db, SLUG))!;
  const stored = (await loadCourse(db, SLUG))!;
  const person = async (name: string, role: 'student' | 'ta' | 'instructor') =>
    (
      await makePerson(db, now, `${emailPrefix}${name}@example.edu`, {
        courseId: ref.id,
        role,
        name: name[0]!.toUpperCase() + name.slice(1),
      })
    ).id;
  const ids = {
    ada: await person('ada', 'student'),
    ben: await person('ben', 'student'),
    cat: await person('cat', 'student'),
    dan: await person('dan', 'student'),
    ta: await person('ta', 'ta'),
    prof: await person('prof', 'instructor'),
  };
  const alpha = ulid();
  const beta = ulid();
  await insertGroup(db, { id: alpha, course_id: ref.id, name: 'Alpha', created_at: stamp, created_by: null });
  await insertGroup(db, { id: beta, course_id: ref.id, name: 'Beta', created_at: stamp, created_by: null });
  for (const [g, u] of [
    [alpha, ids.ada],
    [alpha, ids.ben],
    [beta, ids.cat],
  ] as const)
    await insertMember(db, { group_id: g, user_id: u, course_id: ref.id, joined_at: stamp });
  const meetingId = (date: string) => stored.meetings.find((m) => m.date === date)!.id;
  await insertRoles(db, [
    {
      id: ulid(),
      course_id: ref.id,
      meeting_id: meetingId('2024-08-28'),
      group_id: alpha,
      role: 'presenter',
      locked: 0,
      created_at: stamp,
    },
    {
      id: ulid(),
      course_id: ref.id,
      meeting_id: meetingId('2024-08-28'),
      group_id: beta,
      role: 'summarizer',
      locked: 0,
      created_at: stamp,
    },
  ]);
  return { courseId: ref.id, ids, groups: { alpha, beta }, meetingId };
}

/** A multipart/form-data body with one file part. */
export function multipart(
  fileName: string,
  content: Buffer,
  type = 'application/octet-stream',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----seminar' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A signed-in client for everyone of the world, by name, each from an address of its own (sign-in limits go by address). */
export async function signInWorld(
  app: FastifyInstance,
  world: WorkWorld,
): Promise<Record<string, TestClient>> {
  const clients: Record<string, TestClient> = {};
  for (const [i, name] of Object.keys(world.ids).entries()) {
    const client = new TestClient(app, `198.51.100.${i + 1}`);
    const res = await client.signIn(`${name}@example.edu`);
    if (res.statusCode !== 200) throw new Error(`${name} could not sign in: ${res.statusCode} ${res.body}`);
    clients[name] = client;
  }
  return clients;
}
