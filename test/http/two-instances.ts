// Two app instances on one database (each with a handle of its own, as two servers would have), a course
// imported from the fixture with 12 students in 5 groups, and an instructor's session headers.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { createSession } from '../../src/services/auth/sessions.js';
import { createUser } from '../../src/services/auth/users.js';
import { enrollAs } from '../../src/services/enrollment/name-instructor.js';
import { importSyllabus } from '../../src/services/import-syllabus.js';
import { seedGroups } from '../../src/services/demo/seed-groups.js';
import { createDb, type Db } from '../../src/storage/db.js';
import type { Config } from '../../src/config.js';

export const NOW = new Date('2024-08-20T12:00:00Z');
export const SLUG = 'cs598-genai-f24';
const SYLLABUS = readFileSync(new URL('../../examples/cs598-genai-f24.md', import.meta.url));

export interface TwoInstances {
  apps: FastifyInstance[];
  courseId: string;
  profId: string;
  headers: Record<string, string>;
  /** Each instance's database handle (the second opened for it alone). */
  dbs: Db[];
}

/** Registers the hooks that build the world before the suite and close both instances after it. */
export function twoInstancesOnOneDb(get: () => { config: Config; db: Db }, userAgent: string): TwoInstances {
  const world: TwoInstances = { apps: [], courseId: '', profId: '', headers: {}, dbs: [] };
  let secondDb: Db | null = null;
  beforeAll(async () => {
    const { config, db } = get();
    const deps = { db, clock: () => NOW };
    world.courseId = (
      await importSyllabus(deps, { source: SYLLABUS, slug: SLUG, timeZone: 'America/Chicago' })
    ).stored.id;
    for (let i = 0; i < 12; i++) {
      const user = await createUser(db, NOW, {
        email: `s${i}@example.edu`,
        name: `Student ${i}`,
        passwordHash: null,
        isAdmin: false,
      });
      await enrollAs(db, NOW, world.courseId, user.id, 'student');
    }
    const prof = await createUser(db, NOW, {
      email: 'prof@example.edu',
      name: 'Prof',
      passwordHash: null,
      isAdmin: false,
    });
    world.profId = prof.id;
    await enrollAs(db, NOW, world.courseId, prof.id, 'instructor');
    await seedGroups(deps, SLUG, 5);
    const session = await createSession(db, prof.id, NOW, { ip: null, userAgent });
    world.headers.cookie = `seminar_session=${session.token}; seminar_csrf=${session.csrfToken}`;
    world.headers['x-csrf-token'] = session.csrfToken;
    world.apps.push(await buildApp({ config, db, clock: () => NOW }));
    secondDb = createDb(config.database, { poolSize: 4 });
    world.apps.push(await buildApp({ config, db: secondDb, clock: () => NOW }));
    world.dbs.push(db, secondDb);
    for (const app of world.apps) await app.ready();
  });
  afterAll(async () => {
    for (const app of world.apps) await app.close();
    await secondDb?.destroy();
  });
  return world;
}
