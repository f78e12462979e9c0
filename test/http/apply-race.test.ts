// One role plan applied on two app instances on one database at the same moment: one answers 200, the other
// 409 with a reason; one audit entry; the roles are the plan's. Applying an applied plan again is a 409 too.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { createSession } from '../../src/services/auth/sessions.js';
import { createUser } from '../../src/services/auth/users.js';
import { enrollAs } from '../../src/services/enrollment/name-instructor.js';
import { courseAccess } from '../../src/services/enrollment/course-access.js';
import { importSyllabus } from '../../src/services/import-syllabus.js';
import { seedGroups } from '../../src/services/demo/seed-groups.js';
import { planRoles } from '../../src/services/assignment/plan-roles.js';
import { createDb, type Db } from '../../src/storage/db.js';
import { listAudit } from '../../src/storage/repositories/audit.js';
import { listRoles } from '../../src/storage/repositories/roles.js';
import { describeEachDialect } from '../support/dialects.js';

const NOW = new Date('2024-08-20T12:00:00Z');
const SLUG = 'cs598-genai-f24';
const SYLLABUS = readFileSync(new URL('../../examples/cs598-genai-f24.md', import.meta.url));

describeEachDialect('applying one role plan twice at once', (get) => {
  const apps: FastifyInstance[] = [];
  let secondDb: Db | null = null;
  let courseId = '';
  let profId = '';
  const headers: Record<string, string> = {};

  beforeAll(async () => {
    const { config, db } = get();
    const deps = { db, clock: () => NOW };
    courseId = (await importSyllabus(deps, { source: SYLLABUS, slug: SLUG, timeZone: 'America/Chicago' }))
      .stored.id;
    for (let i = 0; i < 12; i++) {
      const user = await createUser(db, NOW, {
        email: `s${i}@example.edu`,
        name: `Student ${i}`,
        passwordHash: null,
        isAdmin: false,
      });
      await enrollAs(db, NOW, courseId, user.id, 'student');
    }
    const prof = await createUser(db, NOW, {
      email: 'prof@example.edu',
      name: 'Prof',
      passwordHash: null,
      isAdmin: false,
    });
    profId = prof.id;
    await enrollAs(db, NOW, courseId, prof.id, 'instructor');
    await seedGroups(deps, SLUG, 5);
    const session = await createSession(db, prof.id, NOW, { ip: null, userAgent: 'race-test' });
    headers.cookie = `seminar_session=${session.token}; seminar_csrf=${session.csrfToken}`;
    headers['x-csrf-token'] = session.csrfToken;
    apps.push(await buildApp({ config, db, clock: () => NOW }));
    // A second instance with a handle of its own, as two servers on one database.
    secondDb = createDb(config.database, { poolSize: 4 });
    apps.push(await buildApp({ config, db: secondDb, clock: () => NOW }));
    for (const app of apps) await app.ready();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await secondDb?.destroy();
  });

  const apply = (app: FastifyInstance, planId: string) =>
    app.inject({
      method: 'POST',
      url: `/api/courses/${SLUG}/assignment/apply`,
      headers,
      payload: { planId },
    });

  async function appliedEntries(planId: string) {
    const rows = await listAudit(get().db, { courseId, limit: 500 });
    return rows.filter((r) => r.action === 'roles-applied' && r.target === planId);
  }

  it('answers one 200 and one 409, writes one audit entry, and leaves the plan’s roles', async () => {
    const { db } = get();
    for (let round = 0; round < 3; round++) {
      const staff = await courseAccess(db, SLUG, { userId: profId, isAdmin: false });
      const plan = await planRoles({ db, clock: () => NOW }, staff);
      const answers = await Promise.all(apps.map((app) => apply(app, plan.planId)));
      const codes = answers.map((a) => a.statusCode).sort();
      expect(codes, answers.map((a) => a.body).join('\n')).toEqual([200, 409]);
      const refused = (answers.find((a) => a.statusCode === 409)!.json() as { error: { message: string } })
        .error;
      expect(refused.message).toMatch(/already applied/);
      expect(await appliedEntries(plan.planId)).toHaveLength(1);
      const roles = await listRoles(db, courseId, { publishedOnly: false });
      const key = (r: { meetingId: string; groupId: string; role: string }) =>
        `${r.meetingId}|${r.groupId}|${r.role}`;
      expect(roles.map(key).sort()).toEqual(plan.assignments.map(key).sort());
    }
  });

  it('refuses to apply an applied plan again (409), roles and audit untouched', async () => {
    const { db } = get();
    const staff = await courseAccess(db, SLUG, { userId: profId, isAdmin: false });
    const plan = await planRoles({ db, clock: () => NOW }, staff);
    expect((await apply(apps[0]!, plan.planId)).statusCode).toBe(200);
    const before = await listRoles(db, courseId, { publishedOnly: false });
    const again = await apply(apps[1]!, plan.planId);
    expect(again.statusCode).toBe(409);
    expect((again.json() as { error: { message: string } }).error.message).toMatch(/already applied/);
    expect(await listRoles(db, courseId, { publishedOnly: false })).toEqual(before);
    expect(await appliedEntries(plan.planId)).toHaveLength(1);
  });
});
