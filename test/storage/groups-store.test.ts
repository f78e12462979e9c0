// Groups and roles storage on both dialects: one group per student, the read functions other areas call, re-import cascades.
import { expect, it } from 'vitest';
import type { Db } from '../../src/storage/db.js';
import { saveCourse } from '../../src/storage/repositories/course-writer.js';
import { loadCourse } from '../../src/storage/repositories/course-reader.js';
import { insertUser } from '../../src/storage/repositories/users.js';
import {
  findGroupOfUser,
  insertGroup,
  insertMember,
  listGroupMembers,
} from '../../src/storage/repositories/groups.js';
import { groupsHoldingRole, insertRoles, listRoles } from '../../src/storage/repositories/roles.js';
import { upsertSettings } from '../../src/storage/repositories/assignment-store.js';
import { replaceRanking, listPreferencesOfGroup } from '../../src/storage/repositories/preferences.js';
import { buildCourse } from '../support/course-factory.js';
import { describeEachDialect } from '../support/dialects.js';

const T0 = '2026-11-26T09:00:00.000Z';

async function user(db: Db, id: string, name: string) {
  await insertUser(db, {
    id,
    email: `${id}@example.edu`,
    name,
    net_id: null,
    password_hash: null,
    is_admin: 0,
    created_at: T0,
    updated_at: T0,
  });
}

async function setup(db: Db, slug: string) {
  await saveCourse(db, slug, buildCourse(), T0);
  const course = (await loadCourse(db, slug))!;
  const [a, b, c] = [`${slug}-a`, `${slug}-b`, `${slug}-c`];
  await user(db, a, 'Ann');
  await user(db, b, 'Bob');
  await user(db, c, 'Cy');
  await insertGroup(db, {
    id: `${slug}-g1`,
    course_id: course.id,
    name: 'Group 1',
    created_at: T0,
    created_by: a,
  });
  await insertGroup(db, {
    id: `${slug}-g2`,
    course_id: course.id,
    name: 'Group 2',
    created_at: T0,
    created_by: c,
  });
  await insertMember(db, { group_id: `${slug}-g1`, user_id: a, course_id: course.id, joined_at: T0 });
  await insertMember(db, { group_id: `${slug}-g1`, user_id: b, course_id: course.id, joined_at: T0 });
  return { course, a, b, c, g1: `${slug}-g1`, g2: `${slug}-g2` };
}

describeEachDialect('groups storage', (get) => {
  it('finds the group of a student and lists its members by name', async () => {
    const { db } = get();
    const { course, a, b, c, g1 } = await setup(db, 'grp-find');
    expect((await findGroupOfUser(db, course.id, a))?.id).toBe(g1);
    expect(await findGroupOfUser(db, course.id, c)).toBeUndefined();
    expect((await listGroupMembers(db, g1)).map((m) => [m.userId, m.name])).toEqual([
      [a, 'Ann'],
      [b, 'Bob'],
    ]);
  });

  it('refuses a student in two groups of the same course', async () => {
    const { db } = get();
    const { course, a, g2 } = await setup(db, 'grp-two');
    await expect(
      insertMember(db, { group_id: g2, user_id: a, course_id: course.id, joined_at: T0 }),
    ).rejects.toThrow();
  });

  it('lists roles only once published when asked for published ones', async () => {
    const { db } = get();
    const { course, g1, g2 } = await setup(db, 'grp-roles');
    const m = course.meetings.find((x) => x.needsPresenters)!;
    await insertRoles(db, [
      {
        id: 'r1-' + g1,
        course_id: course.id,
        meeting_id: m.id,
        group_id: g1,
        role: 'presenter',
        locked: 0,
        created_at: T0,
      },
      {
        id: 'r2-' + g2,
        course_id: course.id,
        meeting_id: m.id,
        group_id: g2,
        role: 'reviewer',
        locked: 1,
        created_at: T0,
      },
    ]);
    expect(await listRoles(db, course.id, { publishedOnly: true })).toEqual([]);
    expect(await listRoles(db, course.id, { publishedOnly: false })).toHaveLength(2);
    await upsertSettings(db, course.id, { roles_published_at: T0 }, T0);
    expect(await listRoles(db, course.id, { publishedOnly: true })).toContainEqual({
      meetingId: m.id,
      groupId: g1,
      role: 'presenter',
    });
    expect(await groupsHoldingRole(db, course.id, m.id, 'reviewer')).toEqual([g2]);
    expect(await groupsHoldingRole(db, course.id, m.id, 'summarizer')).toEqual([]);
  });

  it('drops the roles and rankings of a meeting that a re-import removes, and keeps the others', async () => {
    const { db } = get();
    const { course, g1 } = await setup(db, 'grp-reimport');
    const [keep, gone] = course.meetings.filter((x) => x.needsPresenters);
    await insertRoles(db, [
      {
        id: 'k1',
        course_id: course.id,
        meeting_id: keep!.id,
        group_id: g1,
        role: 'presenter',
        locked: 0,
        created_at: T0,
      },
      {
        id: 'k2',
        course_id: course.id,
        meeting_id: gone!.id,
        group_id: g1,
        role: 'summarizer',
        locked: 0,
        created_at: T0,
      },
    ]);
    await replaceRanking(db, {
      groupId: g1,
      courseId: course.id,
      userId: null,
      at: T0,
      meetingIds: [gone!.id, keep!.id],
      historyId: 'h-reimport',
    });
    const model = buildCourse();
    model.meetings = model.meetings.filter((m) => m.date !== gone!.date);
    await saveCourse(db, 'grp-reimport', model, T0);
    expect(await listRoles(db, course.id, { publishedOnly: false })).toEqual([
      { meetingId: keep!.id, groupId: g1, role: 'presenter' },
    ]);
    expect((await listPreferencesOfGroup(db, g1)).map((p) => p.meeting_id)).toEqual([keep!.id]);
  });
});
