// Applying is not publishing: a publish mails (through the durable queue) each member of the groups whose
// roles changed since the last publish, once per publish, with an audit entry; publishing twice at once on
// two app instances mails nobody twice.
import { expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { courseAccess } from '../../src/services/enrollment/course-access.js';
import { editRole } from '../../src/services/assignment/edit-roles.js';
import { renderRolesChangedMail, ROLES_CHANGED_MAIL } from '../../src/services/assignment/mail.js';
import { listAudit } from '../../src/storage/repositories/audit.js';
import { listMailJobs } from '../../src/storage/repositories/mail-queue.js';
import { listGroupMembers } from '../../src/storage/repositories/groups.js';
import { listRoles } from '../../src/storage/repositories/roles.js';
import { describeEachDialect } from '../support/dialects.js';
import { NOW, SLUG, twoInstancesOnOneDb } from './two-instances.js';

describeEachDialect('publishing roles mails the groups whose roles changed', (get) => {
  const world = twoInstancesOnOneDb(get, 'publish-test');
  const { apps, headers } = world;

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
    const staff = await courseAccess(db, SLUG, { userId: world.profId, isAdmin: false });
    const roles = await listRoles(db, world.courseId, { publishedOnly: false });
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
    const audit = (await listAudit(db, { courseId: world.courseId, limit: 500 })).filter(
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
