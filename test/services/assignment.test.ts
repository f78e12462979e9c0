// Staff plan the roles, preview, apply (refused when stale), edit and lock by hand, re-solve keeping locks, publish; students see their roles and dates.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyRolePlan, planRoles } from '../../src/services/assignment/plan-roles.js';
import { editRole, publishRoles, setExclusion } from '../../src/services/assignment/edit-roles.js';
import { coursePanels, myRoles, staffAssignmentView } from '../../src/services/assignment/view-assignment.js';
import { seedGroups } from '../../src/services/demo/seed-groups.js';
import { setGroupRanking } from '../../src/services/groups/rank-meetings.js';
import { listRoles } from '../../src/storage/repositories/roles.js';
import { findGroupOfUser } from '../../src/storage/repositories/groups.js';
import { makeWorld, type World } from './groups-fixture.js';

let w: World;
beforeEach(async () => {
  w = await makeWorld(12);
});
afterEach(async () => {
  await w.close();
});

describe('the demo seed', () => {
  it('puts the 12 students in groups of 2–3 with rankings, assigns every role and publishes; a re-run changes nothing', async () => {
    const first = await seedGroups(w.deps, 'cs598-genai-f24', 7);
    expect(first.groupsCreated).toBe(4);
    expect(first.rankingsCreated).toBe(4);
    expect(first.rolesApplied).toBeGreaterThanOrEqual(40);
    expect(first.published).toBe(true);
    const roles = await listRoles(w.db, w.courseId, { publishedOnly: true });
    const again = await seedGroups(w.deps, 'cs598-genai-f24', 7);
    expect(again).toEqual({ groupsCreated: 0, rankingsCreated: 0, rolesApplied: 0, published: true });
    expect(await listRoles(w.db, w.courseId, { publishedOnly: true })).toEqual(roles);
    const view = await staffAssignmentView(w.deps, await w.as(w.instructor));
    expect(view.violations).toEqual([]);
  });
});

describe('plan, preview, apply', () => {
  it('previews the plan as a diff against no roles, with an explanation for each group, and applies it', async () => {
    await seedGroups(w.deps, 'cs598-genai-f24', 3);
    const staff = await w.as(w.instructor);
    const plan = await planRoles(w.deps, staff);
    expect(plan.status).toBe('optimal');
    expect(plan.groups).toHaveLength(4);
    expect(plan.groups.every((g) => g.explanation.length > 10)).toBe(true);
    expect(plan.diff.added).toHaveLength(0);
    expect(plan.diff.unchanged).toBe(plan.assignments.length);
  });

  it('gives each group the rank of its best presenting date and the median first-come rank beside it', async () => {
    await seedGroups(w.deps, 'cs598-genai-f24', 3);
    const staff = await w.as(w.instructor);
    const plan = await planRoles(w.deps, staff);
    for (const g of plan.groups) {
      const ranks = g.presenting.map((p) => p.rank);
      if (ranks.length > 0 && ranks.every((r) => r !== null)) expect(g.planRank).toBe(Math.min(...ranks));
      expect(g.firstComeRank).toBeGreaterThanOrEqual(1);
    }
    expect(plan.groups.some((g) => g.planRank !== null)).toBe(true);
    const again = await planRoles(w.deps, staff);
    expect(again.groups.map((g) => g.firstComeRank)).toEqual(plan.groups.map((g) => g.firstComeRank));
  });

  it('refuses to apply a plan made before a group changed its ranking, and leaves the roles as they were', async () => {
    await seedGroups(w.deps, 'cs598-genai-f24', 3);
    const staff = await w.as(w.instructor);
    const before = await listRoles(w.db, w.courseId, { publishedOnly: false });
    const plan = await planRoles(w.deps, staff);
    const student = w.students[0]!;
    await setGroupRanking(w.deps, await w.as(student), student, []);
    await expect(applyRolePlan(w.deps, staff, plan.planId)).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'stale-plan' },
    });
    expect(await listRoles(w.db, w.courseId, { publishedOnly: false })).toEqual(before);
  });

  it('refuses a hand edit that breaks a rule unless confirmed, and a locked role survives a re-solve', async () => {
    await seedGroups(w.deps, 'cs598-genai-f24', 3);
    const staff = await w.as(w.instructor);
    const view = await staffAssignmentView(w.deps, staff);
    const presenter = view.roles.find((r) => r.role === 'presenter')!;
    const other = view.groups.find((g) => g.id !== presenter.groupId)!;
    // Giving another group the same meeting's presenter seat makes two presenters there.
    await expect(
      editRole(w.deps, staff, { meetingId: presenter.meetingId, groupId: other.id, role: 'presenter' }),
    ).rejects.toMatchObject({ code: 'conflict', details: { reason: 'violations' } });
    const confirmed = await editRole(w.deps, staff, {
      meetingId: presenter.meetingId,
      groupId: other.id,
      role: 'presenter',
      confirm: true,
    });
    expect(confirmed.violations.length).toBeGreaterThan(0);
    expect((await staffAssignmentView(w.deps, staff)).violations.length).toBeGreaterThan(0);
    // Undo: remove the edit, then lock a different meeting's presenter for that group and re-solve.
    await editRole(w.deps, staff, {
      meetingId: presenter.meetingId,
      groupId: other.id,
      role: null,
      confirm: true,
    });
    // A class still ahead (the clock is at Sept 1): classes under way are frozen and not planned again.
    const target = view.meetings.find(
      (m) => m.date > '2024-09-03' && !view.roles.some((r) => r.meetingId === m.id && r.groupId === other.id),
    )!;
    await editRole(w.deps, staff, {
      meetingId: target.id,
      groupId: other.id,
      role: 'presenter',
      confirm: true,
    });
    const plan = await planRoles(w.deps, staff);
    expect(plan.assignments).toContainEqual(
      expect.objectContaining({ meetingId: target.id, groupId: other.id, role: 'presenter', locked: true }),
    );
    await applyRolePlan(w.deps, staff, plan.planId);
    expect((await staffAssignmentView(w.deps, staff)).violations).toEqual([]);
  });

  it('names the cause when no group can take a lecture: every group excluded from Sep 4', async () => {
    await seedGroups(w.deps, 'cs598-genai-f24', 3);
    const staff = await w.as(w.instructor);
    const view = await staffAssignmentView(w.deps, staff);
    const meeting = view.meetings.find((m) => m.date === '2024-09-04')!;
    for (const g of view.groups)
      await setExclusion(w.deps, staff, { groupId: g.id, meetingId: meeting.id, excluded: true });
    const error = await planRoles(w.deps, staff).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'conflict' });
    expect((error as Error).message).toMatch(/Sep 4/);
  });
});

describe('group sizes', () => {
  it('plans roles for a group left with one member but says so in the notes', async () => {
    await seedGroups(w.deps, 'cs598-genai-f24', 3);
    const staff = await w.as(w.instructor);
    const { moveMember } = await import('../../src/services/groups/move-member.js');
    await moveMember(w.deps, staff, { userId: w.students[0]!.userId, target: 'new' });
    const plan = await planRoles(w.deps, staff);
    expect(plan.notes[0]).toMatch(/has 1 member, outside the group size of 2–3/);
  });
});

describe('the audit log', () => {
  it('records who applied and published roles (the fixed test clock gives them one instant)', async () => {
    await seedGroups(w.deps, 'cs598-genai-f24', 3);
    const staff = await w.as(w.instructor);
    const plan = await planRoles(w.deps, staff);
    await applyRolePlan(w.deps, staff, plan.planId);
    await publishRoles(w.deps, staff, true);
    const rows = await w.db
      .selectFrom('audit_log')
      .select(['action', 'actor_email'])
      .where('course_id', '=', w.courseId)
      .orderBy('id')
      .execute();
    expect(
      rows
        .filter((r) => r.actor_email === 'prof@example.edu')
        .map((r) => r.action)
        .sort(),
    ).toEqual(['roles-applied', 'roles-published']);
    // The demo seed acted without an account.
    expect(
      rows
        .filter((r) => r.actor_email === null)
        .map((r) => r.action)
        .sort(),
    ).toEqual(['roles-applied', 'roles-published']);
  });
});

describe('what students see', () => {
  it('shows nothing before publishing, then their own roles with slides due 24 h before class and the summary 24 h after', async () => {
    await seedGroups(w.deps, 'cs598-genai-f24', 3);
    const staff = await w.as(w.instructor);
    await publishRoles(w.deps, staff, false);
    const student = w.students[0]!;
    expect((await myRoles(w.deps, await w.as(student), student)).roles).toEqual([]);
    expect((await coursePanels(w.deps, await w.as(null))).panels).toEqual([]);
    await publishRoles(w.deps, staff, true);
    const mine = await myRoles(w.deps, await w.as(student), student);
    expect(mine.groupId).toBe((await findGroupOfUser(w.db, w.courseId, student.userId))!.id);
    const presenting = mine.roles.find((r) => r.role === 'presenter')!;
    expect(Date.parse(presenting.classStart!) - Date.parse(presenting.due!.at)).toBe(24 * 3600_000);
    const summary = mine.roles.find((r) => r.role === 'summarizer')!;
    expect(Date.parse(summary.due!.at) - Date.parse(summary.classEnd!)).toBe(24 * 3600_000);
    const visitor = await coursePanels(w.deps, await w.as(null));
    expect(visitor.panels).toHaveLength(20);
    expect(visitor.panels.every((p) => p.presenters.length === 1 && p.summarizers.length === 1)).toBe(true);
    expect(visitor.panels[0]!.presenters[0]!.members).toBeNull();
    const member = await coursePanels(w.deps, await w.as(student));
    expect(member.panels[0]!.presenters[0]!.members!.length).toBeGreaterThanOrEqual(2);
  });
});
