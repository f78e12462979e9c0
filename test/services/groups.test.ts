// Students form groups before the deadline; staff auto-form the rest and move people; rankings are checked and kept with their history.
import { toAccount } from '../../src/services/auth/users.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createGroup,
  inviteToGroup,
  leaveGroup,
  respondToInvitation,
} from '../../src/services/groups/manage-group.js';
import { groupsOverview } from '../../src/services/groups/list-groups.js';
import { moveMember } from '../../src/services/groups/move-member.js';
import { applyGroupFormation, planGroupFormationFor } from '../../src/services/groups/form-groups.js';
import {
  getGroupRanking,
  preferenceMatrix,
  setGroupRanking,
} from '../../src/services/groups/rank-meetings.js';
import { updateAssignmentSettings } from '../../src/services/assignment/edit-roles.js';
import { findGroupOfUser, listGroupMembers } from '../../src/storage/repositories/groups.js';
import { loadCourse } from '../../src/storage/repositories/course-reader.js';
import { dropMember } from '../../src/services/enrollment/roster.js';
import { findUserById } from '../../src/storage/repositories/users.js';
import { makeWorld, SLUG, type World } from './groups-fixture.js';

let w: World;
beforeEach(async () => {
  w = await makeWorld(7);
});
afterEach(async () => {
  await w.close();
});

const [A, B, C, D] = [0, 1, 2, 3];

async function groupOf(i: number) {
  return findGroupOfUser(w.db, w.courseId, w.students[i]!.userId);
}

describe('forming a group', () => {
  it('lets a student create a group, invite a classmate who accepts, and shows both as members', async () => {
    const a = w.students[A]!;
    const { groupId, name } = await createGroup(w.deps, await w.as(a), a, {});
    expect(name).toBe('Group 1');
    const { invitationId } = await inviteToGroup(w.deps, await w.as(a), a, w.students[B]!.userId);
    const overview = await groupsOverview(w.deps, await w.as(w.students[B]!));
    expect(overview.invitationsToMe.map((i) => i.groupName)).toEqual(['Group 1']);
    await respondToInvitation(w.deps, await w.as(w.students[B]!), w.students[B]!, invitationId, true);
    expect((await listGroupMembers(w.db, groupId)).map((m) => m.userId).sort()).toEqual(
      [a.userId, w.students[B]!.userId].sort(),
    );
  });

  it('refuses a fourth member when groups have at most 3', async () => {
    const a = w.students[A]!;
    const { groupId } = await createGroup(w.deps, await w.as(a), a, {});
    for (const i of [B, C]) {
      const { invitationId } = await inviteToGroup(w.deps, await w.as(a), a, w.students[i]!.userId);
      await respondToInvitation(w.deps, await w.as(w.students[i]!), w.students[i]!, invitationId, true);
    }
    await expect(inviteToGroup(w.deps, await w.as(a), a, w.students[D]!.userId)).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'group-full' },
    });
    expect(await listGroupMembers(w.db, groupId)).toHaveLength(3);
  });

  it('keeps a student in one group: creating a second one is refused', async () => {
    const a = w.students[A]!;
    await createGroup(w.deps, await w.as(a), a, {});
    await expect(createGroup(w.deps, await w.as(a), a, { name: 'Another' })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('withdraws the other invitations of a student who accepts one', async () => {
    const [a, b, c] = [w.students[A]!, w.students[B]!, w.students[C]!];
    await createGroup(w.deps, await w.as(a), a, {});
    await createGroup(w.deps, await w.as(b), b, {});
    const first = await inviteToGroup(w.deps, await w.as(a), a, c.userId);
    const second = await inviteToGroup(w.deps, await w.as(b), b, c.userId);
    await respondToInvitation(w.deps, await w.as(c), c, first.invitationId, true);
    await expect(
      respondToInvitation(w.deps, await w.as(c), c, second.invitationId, true),
    ).rejects.toMatchObject({ code: 'conflict', details: { reason: 'not-pending' } });
  });

  it('refuses to invite staff or someone outside the course', async () => {
    const a = w.students[A]!;
    await createGroup(w.deps, await w.as(a), a, {});
    await expect(inviteToGroup(w.deps, await w.as(a), a, w.instructor.userId)).rejects.toMatchObject({
      code: 'invalid_input',
      details: { reason: 'not-a-student' },
    });
    await expect(inviteToGroup(w.deps, await w.as(a), a, 'nobody')).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('removes the group when its last member leaves', async () => {
    const a = w.students[A]!;
    await createGroup(w.deps, await w.as(a), a, {});
    expect(await leaveGroup(w.deps, await w.as(a), a)).toEqual({ groupRemoved: true });
    expect(await groupOf(A)).toBeUndefined();
  });

  it('closes group changes after the Sept 5 deadline of the syllabus, and reopens them when staff move it', async () => {
    const a = w.students[A]!;
    w.at('2024-09-07T15:00:00Z');
    await expect(createGroup(w.deps, await w.as(a), a, {})).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'deadline-passed' },
    });
    await updateAssignmentSettings(w.deps, await w.as(w.instructor), {
      groupDeadline: '2024-09-10T04:59:59Z',
    });
    await expect(createGroup(w.deps, await w.as(a), a, {})).resolves.toMatchObject({ name: 'Group 1' });
  });

  it('refuses students-only actions to staff with a reason', async () => {
    await expect(createGroup(w.deps, await w.as(w.instructor), w.instructor, {})).rejects.toMatchObject({
      code: 'forbidden',
      details: { blocker: 'not-student' },
    });
  });
});

describe('auto-formation and moves', () => {
  it('plans the 7 ungrouped students as 3 + 2 + 2, the same for the same seed, and applies the plan', async () => {
    const staff = await w.as(w.instructor);
    const one = await planGroupFormationFor(w.deps, staff, 42);
    const two = await planGroupFormationFor(w.deps, staff, 42);
    expect(one.newGroups.map((g) => g.members.length).sort()).toEqual([2, 2, 3]);
    expect(two.newGroups).toEqual(one.newGroups);
    expect(await applyGroupFormation(w.deps, staff, one.planId)).toEqual({ created: 3, joined: 0 });
    expect((await groupsOverview(w.deps, staff)).ungrouped).toEqual([]);
  });

  it('refuses a stale formation plan after a student formed a group, and applies nothing', async () => {
    const staff = await w.as(w.instructor);
    const plan = await planGroupFormationFor(w.deps, staff, 1);
    const a = w.students[A]!;
    await createGroup(w.deps, await w.as(a), a, {});
    await expect(applyGroupFormation(w.deps, staff, plan.planId)).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'stale-plan' },
    });
    expect((await groupsOverview(w.deps, staff)).groups).toHaveLength(1);
  });

  it('lets staff move a student into another group and refuses a full one', async () => {
    const staff = await w.as(w.instructor);
    const a = w.students[A]!;
    const { groupId } = await createGroup(w.deps, await w.as(a), a, {});
    await moveMember(w.deps, staff, { userId: w.students[B]!.userId, target: groupId });
    await moveMember(w.deps, staff, { userId: w.students[C]!.userId, target: groupId });
    await expect(
      moveMember(w.deps, staff, { userId: w.students[D]!.userId, target: groupId }),
    ).rejects.toMatchObject({ details: { reason: 'group-full' } });
    const moved = await moveMember(w.deps, staff, { userId: w.students[C]!.userId, target: 'new' });
    expect((await groupOf(C))?.id).toBe(moved.groupId);
    const overview = await groupsOverview(w.deps, staff);
    expect(overview.groups.find((g) => g.id === moved.groupId)?.problem).toMatch(/below the minimum of 2/);
  });
});

describe('dropped students', () => {
  it('leaves a dropped student out of the group list and tops the group up at auto-formation', async () => {
    const [a, b] = [w.students[A]!, w.students[B]!];
    const { groupId } = await createGroup(w.deps, await w.as(a), a, {});
    const { invitationId } = await inviteToGroup(w.deps, await w.as(a), a, b.userId);
    await respondToInvitation(w.deps, await w.as(b), b, invitationId, true);
    const staff = await w.as(w.instructor);
    const prof = toAccount((await findUserById(w.db, w.instructor.userId))!);
    await dropMember(w.db, new Date('2024-09-01T15:00:00Z'), staff, prof, b.userId, {
      ip: null,
      userAgent: null,
    });
    const overview = await groupsOverview(w.deps, staff);
    expect(overview.groups.find((g) => g.id === groupId)!.members.map((m) => m.userId)).toEqual([a.userId]);
    expect(overview.groups.find((g) => g.id === groupId)!.problem).toMatch(/below the minimum/);
    const plan = await planGroupFormationFor(w.deps, staff, 3);
    expect(plan.joins.map((j) => j.groupId)).toContain(groupId);
  });
});

describe('ranking meetings', () => {
  it('saves a partial ranking and shows who changed it; the latest ranking by any member counts', async () => {
    const [a, b] = [w.students[A]!, w.students[B]!];
    await createGroup(w.deps, await w.as(a), a, {});
    const { invitationId } = await inviteToGroup(w.deps, await w.as(a), a, b.userId);
    await respondToInvitation(w.deps, await w.as(b), b, invitationId, true);
    const course = (await loadCourse(w.db, SLUG))!;
    const lectures = course.meetings.filter((m) => m.needsPresenters);
    expect(lectures).toHaveLength(20);
    await setGroupRanking(w.deps, await w.as(a), a, [lectures[3]!.id, lectures[0]!.id]);
    w.at('2024-09-02T15:00:00Z');
    const after = await setGroupRanking(w.deps, await w.as(b), b, [lectures[5]!.id]);
    expect(after.ranking).toEqual([lectures[5]!.id]);
    expect(after.history.map((h) => h.by)).toEqual(['Student 01', 'Student 00']);
    const matrix = await preferenceMatrix(w.deps, await w.as(w.instructor));
    expect(matrix.groups[0]!.ranks).toEqual({ [lectures[5]!.id]: 1 });
    expect((await getGroupRanking(w.deps, await w.as(a), a)).ranking).toEqual([lectures[5]!.id]);
  });

  it('refuses unknown, non-presentable and duplicate meetings and keeps the old ranking', async () => {
    const a = w.students[A]!;
    await createGroup(w.deps, await w.as(a), a, {});
    const course = (await loadCourse(w.db, SLUG))!;
    const lecture = course.meetings.find((m) => m.needsPresenters)!;
    const noClass = course.meetings.find((m) => !m.needsPresenters)!;
    await setGroupRanking(w.deps, await w.as(a), a, [lecture.id]);
    for (const bad of [['nope'], [noClass.id], [lecture.id, lecture.id]]) {
      await expect(setGroupRanking(w.deps, await w.as(a), a, bad)).rejects.toMatchObject({
        code: 'invalid_input',
      });
    }
    expect((await getGroupRanking(w.deps, await w.as(a), a)).ranking).toEqual([lecture.id]);
  });

  it('asks a student without a group to form one before ranking', async () => {
    const a = w.students[A]!;
    await expect(setGroupRanking(w.deps, await w.as(a), a, [])).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'not-in-group' },
    });
  });
});
