// Fixtures for the group and assignment service tests: a migrated in-memory SQLite, the demo course, students and staff.
import { readFileSync } from 'node:fs';
import type { Viewer } from '../../src/domain/permissions.js';
import { courseAccess, type CourseAccess } from '../../src/services/enrollment/course-access.js';
import { enrollAs } from '../../src/services/enrollment/name-instructor.js';
import { createUser } from '../../src/services/auth/users.js';
import { importSyllabus } from '../../src/services/import-syllabus.js';
import type { ServiceDeps } from '../../src/services/deps.js';
import { createDb, type Db } from '../../src/storage/db.js';
import { migrateToLatest } from '../../src/storage/migrate.js';

export const SLUG = 'cs598-genai-f24';
export const SYLLABUS = readFileSync(new URL('../../examples/cs598-genai-f24.md', import.meta.url));

export interface World {
  db: Db;
  deps: ServiceDeps;
  /** Settable clock. */
  at(iso: string): void;
  courseId: string;
  students: Viewer[];
  instructor: Viewer;
  as(viewer: Viewer | null): Promise<CourseAccess>;
  close(): Promise<void>;
}

/** The demo course as imported (Fall 2024, group deadline Sept 5), `n` students, one instructor; clock at Sept 1, 2024. */
export async function makeWorld(n = 12, now = '2024-09-01T15:00:00Z'): Promise<World> {
  const db = createDb({ kind: 'sqlite', file: ':memory:' });
  await migrateToLatest(db);
  let clock = new Date(now);
  const deps: ServiceDeps = { db, clock: () => clock };
  const imported = await importSyllabus(deps, { source: SYLLABUS, slug: SLUG, timeZone: 'America/Chicago' });
  const courseId = imported.stored.id;
  const students: Viewer[] = [];
  for (let i = 0; i < n; i++) {
    const user = await createUser(db, clock, {
      email: `s${String(i).padStart(2, '0')}@example.edu`,
      name: `Student ${String(i).padStart(2, '0')}`,
      passwordHash: null,
      isAdmin: false,
    });
    await enrollAs(db, clock, courseId, user.id, 'student');
    students.push({ userId: user.id, isAdmin: false });
  }
  const prof = await createUser(db, clock, {
    email: 'prof@example.edu',
    name: 'Prof',
    passwordHash: null,
    isAdmin: false,
  });
  await enrollAs(db, clock, courseId, prof.id, 'instructor');
  return {
    db,
    deps,
    at(iso) {
      clock = new Date(iso);
    },
    courseId,
    students,
    instructor: { userId: prof.id, isAdmin: false },
    as: (viewer) => courseAccess(db, SLUG, viewer),
    close: () => db.destroy(),
  };
}
