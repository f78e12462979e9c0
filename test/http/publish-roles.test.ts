// Applying is not publishing: a publish mails (through the durable queue) each member of the groups whose
// roles changed since the last publish, once per publish, with an audit entry; publishing twice at once on
// two app instances mails nobody twice.
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
import { editRole } from '../../src/services/assignment/edit-roles.js';
import { renderRolesChangedMail, ROLES_CHANGED_MAIL } from '../../src/services/assignment/mail.js';
import { createDb, type Db } from '../../src/storage/db.js';
import { listAudit } from '../../src/storage/repositories/audit.js';
import { listMailJobs } from '../../src/storage/repositories/mail-queue.js';
import { listGroupMembers } from '../../src/storage/repositories/groups.js';
import { listRoles } from '../../src/storage/repositories/roles.js';
import { describeEachDialect } from '../support/dialects.js';

const NOW = new Date('2024-08-20T12:00:00Z');
const SLUG = 'cs598-genai-f24';
const SYLLABUS = readFileSync(new URL('../../examples/cs598-genai-f24.md', import.meta.url));

describeEachDialect('publishing roles mails the groups whose roles changed', (get) => {
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
    // Plans, applies and publishes once: the first publish tells nobody of a change.
    await seedGroups(deps, SLUG, 5);
    const session = await createSession(db, prof.id, NOW, { ip: null, userAgent: 'publish-test' });
    headers.cookie = `seminar_session=${session.token}; seminar_csrf=${session.csrfToken}`;
    headers['x-csrf-token'] = session.csrfToken;
    apps.push(await buildApp({ config, db, clock: () => NOW }));
    secondDb = createDb(config.database, { poolSize: 4 });
    apps.push(await buildApp({ config, db: secondDb, clock: () => NOW }));
    for (const app of apps) await app.ready();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await secondDb?.destroy();
  });

  const publish = (app: FastifyInstance) =>
    app.inject({
      method: 'POST',
      url: `/api/courses/${SLUG}/assignment/publish`,
      headers,
      payload: { published: true },
    });
  const roleMail = async () => (await listMailJobs(get().db)).filter((j) => j.kind === ROLES_CHANGED_MAIL);

  /** Swaps the presenter and a reviewer of one class (a hand edit): two groups' roles change. */
  async function swapOnePresenter(): Promise<{ presenter: string; reviewer: string; meetingId: string }> {
    const { db } = get();
    const staff = await courseAccess(db, SLUG, { userId: profId, isAdmin: false });
    const roles = await listRoles(db, courseId, { publishedOnly: false });
    const p = roles.find(
      (r) =>
        r.role === 'presenter' && roles.some((o) => o.meetingId === r.meetingId && o.role === 'reviewer'),
    )!;
    const rv = roles.find((o) => o.meetingId === p.meetingId && o.role === 'reviewer')!;
    const deps = { db, clock: () => NOW };
    await editRole(deps, staff, {
      meetingId: p.meetingId,
      groupId: p.groupId,
      role: 'reviewer',
      confirm: true,
    });
    await editRole(deps, staff, {
      meetingId: p.meetingId,
      groupId: rv.groupId,
      role: 'presenter',
      confirm: true,
    });
    return { presenter: p.groupId, reviewer: rv.groupId, meetingId: p.meetingId };
  }

  it('mails nobody on the first publish, then each member of the two changed groups once, naming the class', async () => {
    const { db } = get();
    expect(await roleMail()).toEqual([]);
    const { presenter, reviewer } = await swapOnePresenter();
    // Applying or editing is not publishing: nothing is queued yet.
    expect(await roleMail()).toEqual([]);
    const res = await publish(apps[0]!);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ groupsMailed: 2 });
    const members = [
      ...(await listGroupMembers(db, presenter)),
      ...(await listGroupMembers(db, reviewer)),
    ].map((m) => m.userId);
    const jobs = await roleMail();
    expect(jobs.map((j) => j.user_id).sort()).toEqual(members.sort());
    const mail = (await renderRolesChangedMail(db, jobs[0]!.payload))!;
    expect(mail.subject).toMatch(/roles changed/);
    expect(mail.text).toMatch(/: now (presenting|reviewing)/);
    expect(mail.text).toMatch(/: no longer (presenting|reviewing)/);
    expect(mail.text).toContain(`/courses/${SLUG}/my-roles`);
    const audit = (await listAudit(db, { courseId, limit: 500 })).filter(
      (r) => r.action === 'roles-published',
    );
    expect(
      audit.map((r) => (JSON.parse(r.details ?? '{}') as { groupsMailed?: number }).groupsMailed).sort(),
    ).toEqual([0, 2]);
  });

  it('publishing again without a change mails nobody more', async () => {
    const before = (await roleMail()).length;
    const res = await publish(apps[1]!);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ groupsMailed: 0 });
    expect(await roleMail()).toHaveLength(before);
  });

  it('two publishes of one change at once mail each member of the changed groups exactly once', async () => {
    const before = (await roleMail()).length;
    const { presenter, reviewer } = await swapOnePresenter();
    const answers = await Promise.all(apps.map((app) => publish(app)));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    expect(answers.map((a) => (a.json() as { groupsMailed: number }).groupsMailed).sort()).toEqual([0, 2]);
    const members = [
      ...(await listGroupMembers(get().db, presenter)),
      ...(await listGroupMembers(get().db, reviewer)),
    ];
    expect((await roleMail()).length - before).toBe(members.length);
  });
});
