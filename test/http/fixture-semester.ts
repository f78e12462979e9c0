// The fixture course as a moving semester, for story tests on both dialects: the syllabus imported in Chicago,
// twelve students and the staff enrolled on Aug 20, four groups with roles planned and published, and the app on a
// clock the test moves (`s.now = …`). Requests sign in as a person by name and sign in again once when the clock
// moved past their session.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { importSyllabus } from '../../src/services/import-syllabus.js';
import { seedGroups } from '../../src/services/demo/seed-groups.js';
import { listCourseMembers, listGroups } from '../../src/storage/repositories/groups.js';
import type { TestDatabase } from '../support/dialects.js';
import { makePerson, TestClient } from './auth-client.js';

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const SLUG = 'cs598-genai-f24';
export const SYLLABUS = readFileSync(new URL('../../examples/cs598-genai-f24.md', import.meta.url), 'utf8');
/** Noon in Chicago on a local date of the fixture's fall (CDT until Nov 3, CST after). */
export const noonCst = (date: string) => new Date(`${date}T18:00:00Z`);

type Response = Awaited<ReturnType<TestClient['get']>>;

export interface Semester {
  app: FastifyInstance;
  /** The app's clock: set it to move the semester. */
  now: Date;
  courseId: string;
  /** User ids by name: s0…s11, prof, ta, and whoever the test adds. */
  ids: Record<string, string>;
  api: string;
  /** A request as `name` (signed in on first use, and again once after a 401). */
  req: (name: string, opts: Parameters<TestClient['request']>[0]) => Promise<Response>;
  /** The JSON of a 200, else a thrown error with the status and body. */
  ok: (res: Response) => Promise<Json>;
  /** Enrols students by name now and has staff put them in one new group (past the group deadline). */
  lateGroup: (names: string[]) => Promise<{ id: string; name: string }>;
}

/** Registers the semester's set-up and tear-down in the calling describe block. */
export function fixtureSemester(get: () => TestDatabase): Semester {
  const clients: Record<string, TestClient> = {};
  let ip = 1;
  const signIn = async (name: string) => {
    const client = new TestClient(s.app, `198.51.100.${ip++}`);
    const res = await client.signIn(`${name}@example.edu`);
    if (res.statusCode !== 200) throw new Error(`${name} could not sign in: ${res.body}`);
    clients[name] = client;
  };
  const s: Semester = {
    app: undefined as unknown as FastifyInstance,
    now: new Date('2024-08-20T17:00:00Z'),
    courseId: '',
    ids: {},
    api: `/api/courses/${SLUG}`,
    req: async (name, opts) => {
      if (!clients[name]) await signIn(name);
      const res = await clients[name]!.request(opts);
      if (res.statusCode !== 401) return res;
      await signIn(name);
      return clients[name]!.request(opts);
    },
    ok: async (res) => {
      if (res.statusCode !== 200) throw new Error(`${res.statusCode}: ${res.body}`);
      return res.json();
    },
    lateGroup: async (names) => {
      const { db } = get();
      for (const name of names)
        s.ids[name] = (
          await makePerson(db, s.now, `${name}@example.edu`, { courseId: s.courseId, role: 'student', name })
        ).id;
      let id = '';
      for (const name of names) {
        const res = await s.req('prof', {
          method: 'POST',
          url: `${s.api}/groups/move`,
          payload: { userId: s.ids[name], target: id || 'new' },
        });
        expect(res.statusCode, res.body).toBe(200);
        id ||= (await listCourseMembers(db, s.courseId)).find((m) => m.user_id === s.ids[name])!.group_id;
      }
      return { id, name: (await listGroups(db, s.courseId)).find((g) => g.id === id)!.name };
    },
  };
  beforeAll(async () => {
    const { config, db } = get();
    const deps = { db, clock: () => s.now };
    s.courseId = (
      await importSyllabus(deps, { source: SYLLABUS, slug: SLUG, timeZone: 'America/Chicago' })
    ).stored.id;
    const courseId = s.courseId;
    for (let i = 0; i < 12; i++)
      s.ids[`s${i}`] = (
        await makePerson(db, s.now, `s${i}@example.edu`, { courseId, role: 'student', name: `Student ${i}` })
      ).id;
    s.ids.prof = (await makePerson(db, s.now, 'prof@example.edu', { courseId, role: 'instructor' })).id;
    s.ids.ta = (await makePerson(db, s.now, 'ta@example.edu', { courseId, role: 'ta' })).id;
    // Four groups of three with rankings; roles planned, applied and published before the term.
    expect(await seedGroups(deps, SLUG, 2024)).toMatchObject({ groupsCreated: 4, published: true });
    s.app = await buildApp({ config, db, clock: () => s.now });
    await s.app.ready();
  });
  afterAll(async () => {
    await s.app?.close();
  });
  return s;
}
