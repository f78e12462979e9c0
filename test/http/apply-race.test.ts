// One role plan applied on two app instances on one database at the same moment: one answers 200, the other
// 409 with a reason; one audit entry; the roles are the plan's. Applying an applied plan again is a 409 too.
import { expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { courseAccess } from '../../src/services/enrollment/course-access.js';
import { planRoles } from '../../src/services/assignment/plan-roles.js';
import { listAudit } from '../../src/storage/repositories/audit.js';
import { listRoles } from '../../src/storage/repositories/roles.js';
import { describeEachDialect } from '../support/dialects.js';
import { NOW, SLUG, twoInstancesOnOneDb } from './two-instances.js';

describeEachDialect('applying one role plan twice at once', (get) => {
  const world = twoInstancesOnOneDb(get, 'race-test');
  const { apps, headers } = world;

  const apply = (app: FastifyInstance, planId: string) =>
    app.inject({
      method: 'POST',
      url: `/api/courses/${SLUG}/assignment/apply`,
      headers,
      payload: { planId },
    });

  async function appliedEntries(planId: string) {
    const rows = await listAudit(get().db, { courseId: world.courseId, limit: 500 });
    return rows.filter((r) => r.action === 'roles-applied' && r.target === planId);
  }

  it('answers one 200 and one 409, writes one audit entry, and leaves the plan’s roles', async () => {
    const { db } = get();
    for (let round = 0; round < 3; round++) {
      const staff = await courseAccess(db, SLUG, { userId: world.profId, isAdmin: false });
      const plan = await planRoles({ db, clock: () => NOW }, staff);
      const answers = await Promise.all(apps.map((app) => apply(app, plan.planId)));
      const codes = answers.map((a) => a.statusCode).sort();
      expect(codes, answers.map((a) => a.body).join('\n')).toEqual([200, 409]);
      const refused = (answers.find((a) => a.statusCode === 409)!.json() as { error: { message: string } })
        .error;
      expect(refused.message).toMatch(/already applied/);
      expect(await appliedEntries(plan.planId)).toHaveLength(1);
      const roles = await listRoles(db, world.courseId, { publishedOnly: false });
      const key = (r: { meetingId: string; groupId: string; role: string }) =>
        `${r.meetingId}|${r.groupId}|${r.role}`;
      expect(roles.map(key).sort()).toEqual(plan.assignments.map(key).sort());
    }
  });

  it('refuses to apply an applied plan again (409), roles and audit untouched', async () => {
    const { db } = get();
    const staff = await courseAccess(db, SLUG, { userId: world.profId, isAdmin: false });
    const plan = await planRoles({ db, clock: () => NOW }, staff);
    expect((await apply(apps[0]!, plan.planId)).statusCode).toBe(200);
    const before = await listRoles(db, world.courseId, { publishedOnly: false });
    const again = await apply(apps[1]!, plan.planId);
    expect(again.statusCode).toBe(409);
    expect((again.json() as { error: { message: string } }).error.message).toMatch(/already applied/);
    expect(await listRoles(db, world.courseId, { publishedOnly: false })).toEqual(before);
    expect(await appliedEntries(plan.planId)).toHaveLength(1);
  });
});
