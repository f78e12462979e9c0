// Talk slots of the mid-semester presentations on SQLite and PostgreSQL: spread, preview, apply, hand moves, publish, students' days and slide hand-ins.
import { Readable } from 'node:stream';
import { beforeAll, expect, it } from 'vitest';
import { BlobStore } from '../../src/files/blob-store.js';
import { courseAccess, type CourseAccess } from '../../src/services/enrollment/course-access.js';
import { studentDashboard } from '../../src/services/dashboard/student.js';
import { deliverableTable } from '../../src/services/dashboard/staff.js';
import {
  placeTalk,
  publishTalkSlots,
  removeTalkSlot,
  updateTalkSlotSettings,
} from '../../src/services/slots/edit-slots.js';
import { applyTalkSlotPlan, planTalkSlots } from '../../src/services/slots/plan-slots.js';
import { myTalkSlots, staffSlotBoards } from '../../src/services/slots/view-slots.js';
import { seedTalkSlots } from '../../src/services/demo/seed-slots.js';
import { loadWorkCourse, type WorkDeps } from '../../src/services/work/context.js';
import { submitWork } from '../../src/services/work/submit.js';
import { describeEachDialect } from '../support/dialects.js';
import { makePdf } from '../files/build.js';
import { buildSlotWorld, MIDTERM, SLUG, type SlotWorld } from './talk-slots-world.js';

const NOW = new Date('2024-10-01T15:00:00Z');
const OCT21 = '2024-10-21';
const OCT23 = '2024-10-23';

describeEachDialect('talk slots of the mid-semester presentations', (get) => {
  let w: SlotWorld;
  let deps: WorkDeps;
  const as = (userId: string): Promise<CourseAccess> =>
    courseAccess(get().db, SLUG, { userId, isAdmin: false });
  const board = async () => (await staffSlotBoards(deps, await as(w.prof))).boards[0]!;
  const dayOf = async (groupId: string) =>
    (await board()).days.find((d) => d.talks.some((t) => t.groupId === groupId))?.date ?? null;

  beforeAll(async () => {
    w = await buildSlotWorld(get().db, NOW);
    deps = {
      db: get().db,
      files: new BlobStore(get().config.filesDir),
      mailer: null,
      clock: () => NOW,
      publicUrl: 'http://localhost',
    };
  });

  it('shows staff the two presentation days of the syllabus, Oct 21 and Oct 23, empty, with all four groups waiting', async () => {
    const b = await board();
    expect(b.deliverableKey).toBe(MIDTERM);
    expect(b.days.map((d) => [d.date, d.minutes, d.capacity, d.talks.length])).toEqual([
      [OCT21, 75, null, 0],
      [OCT23, 75, null, 0],
    ]);
    expect(b.unplaced.map((g) => g.name)).toEqual(['Group 1', 'Group 2', 'Group 3', 'Group 4']);
    expect(b.problems.filter((p) => p.code === 'unplaced')).toHaveLength(4);
  });

  it('previews an even spread (two groups a day) without saving it, then applies it', async () => {
    const prof = await as(w.prof);
    const plan = await planTalkSlots(deps, prof, MIDTERM);
    expect(plan.days.map((d) => d.talks.map((t) => t.groupName))).toEqual([
      ['Group 1', 'Group 3'],
      ['Group 2', 'Group 4'],
    ]);
    expect(plan.changes).toHaveLength(4);
    expect(plan.problems).toEqual([]);
    expect((await board()).unplaced).toHaveLength(4);
    expect(await applyTalkSlotPlan(deps, prof, MIDTERM, plan.fingerprint)).toEqual({
      placed: 4,
      unplaced: 0,
    });
    expect(await dayOf(w.groups[0]!)).toBe(OCT21);
    expect(await dayOf(w.groups[1]!)).toBe(OCT23);
  });

  it('refuses to apply a plan whose groups or slots changed since the preview', async () => {
    const prof = await as(w.prof);
    const plan = await planTalkSlots(deps, prof, MIDTERM);
    await placeTalk(deps, prof, MIDTERM, { groupId: w.groups[3]!, meetingId: w.meeting(OCT21), position: 0 });
    await expect(applyTalkSlotPlan(deps, prof, MIDTERM, plan.fingerprint)).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'stale-plan' },
    });
  });

  it('moves a group to the other day at the front of its order, reports the unbalanced days, and auto-fill keeps the hand-placed group there', async () => {
    const prof = await as(w.prof);
    const b = await board();
    expect(b.days[0]!.talks.map((t) => [t.groupName, t.position, t.locked])).toEqual([
      ['Group 4', 0, true],
      ['Group 1', 1, false],
      ['Group 3', 2, false],
    ]);
    expect(b.problems.map((p) => p.code)).toEqual(['unbalanced']);
    const plan = await planTalkSlots(deps, prof, MIDTERM);
    expect(plan.days.map((d) => d.talks.map((t) => t.groupName))).toEqual([
      ['Group 4', 'Group 1'],
      ['Group 2', 'Group 3'],
    ]);
    await applyTalkSlotPlan(deps, prof, MIDTERM, plan.fingerprint);
    expect((await board()).problems).toEqual([]);
  });

  it('reorders within a day and keeps a start time inside the class', async () => {
    const prof = await as(w.prof);
    await placeTalk(deps, prof, MIDTERM, {
      groupId: w.groups[0]!,
      meetingId: w.meeting(OCT21),
      position: 0,
      startTime: '09:30',
    });
    const day = (await board()).days[0]!;
    expect(day.talks.map((t) => [t.groupName, t.startTime])).toEqual([
      ['Group 1', '09:30'],
      ['Group 4', null],
    ]);
    await expect(
      placeTalk(deps, prof, MIDTERM, {
        groupId: w.groups[0]!,
        meetingId: w.meeting(OCT21),
        startTime: '11:00',
      }),
    ).rejects.toMatchObject({ code: 'invalid_input', details: { field: 'startTime' } });
  });

  it('refuses an unknown group, another course’s group, a lecture day and an unknown deliverable; nothing changes', async () => {
    const prof = await as(w.prof);
    const before = await board();
    await expect(
      placeTalk(deps, prof, MIDTERM, { groupId: 'no-such-group', meetingId: w.meeting(OCT21) }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      placeTalk(deps, prof, MIDTERM, { groupId: w.otherGroup, meetingId: w.meeting(OCT21) }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      placeTalk(deps, prof, MIDTERM, { groupId: w.groups[1]!, meetingId: w.meeting('2024-10-16') }),
    ).rejects.toMatchObject({ code: 'invalid_input', details: { reason: 'not-a-talk-day' } });
    await expect(
      placeTalk(deps, prof, 'no-such-deliverable', { groupId: w.groups[1]!, meetingId: w.meeting(OCT21) }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(planTalkSlots(deps, prof, 'slides')).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'not-a-slot-deliverable' },
    });
    await expect(removeTalkSlot(deps, prof, MIDTERM, w.otherGroup)).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await board()).toEqual(before);
  });

  it('lets only staff place groups', async () => {
    await expect(
      placeTalk(deps, await as(w.students[0]![0]!), MIDTERM, {
        groupId: w.groups[0]!,
        meetingId: w.meeting(OCT23),
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(staffSlotBoards(deps, await as(w.students[0]![0]!))).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('derives the day capacity from class length ÷ talk length: 75 minutes hold three 25-minute talks, not four', async () => {
    const ta = await as(w.ta);
    const r = await updateTalkSlotSettings(deps, ta, MIDTERM, { talkMinutes: 25 });
    expect(r.problems).toEqual([]);
    await placeTalk(deps, ta, MIDTERM, { groupId: w.groups[1]!, meetingId: w.meeting(OCT21) });
    await placeTalk(deps, ta, MIDTERM, { groupId: w.groups[2]!, meetingId: w.meeting(OCT21) });
    const b = await board();
    expect(b.days[0]!.capacity).toBe(3);
    expect(b.problems.map((p) => p.code).sort()).toEqual(['over-capacity', 'unbalanced']);
    // Auto-fill never moves hand-placed groups, even off a full day: staff do.
    expect((await planTalkSlots(deps, ta, MIDTERM)).problems.map((p) => p.code)).toEqual([
      'over-capacity',
      'unbalanced',
    ]);
    await updateTalkSlotSettings(deps, ta, MIDTERM, { talkMinutes: null });
    await removeTalkSlot(deps, ta, MIDTERM, w.groups[1]!);
    await removeTalkSlot(deps, ta, MIDTERM, w.groups[2]!);
    await placeTalk(deps, ta, MIDTERM, { groupId: w.groups[1]!, meetingId: w.meeting(OCT23) });
    await placeTalk(deps, ta, MIDTERM, { groupId: w.groups[2]!, meetingId: w.meeting(OCT23) });
    expect((await board()).days.map((d) => d.talks.map((t) => t.groupName))).toEqual([
      ['Group 1', 'Group 4'],
      ['Group 2', 'Group 3'],
    ]);
  });

  it('tells a student nothing before staff publish, then "Your group presents on Mon Oct 21, 2nd of 2"', async () => {
    const student = w.students[3]![0]!;
    const before = await myTalkSlots(deps, await as(student), { userId: student, isAdmin: false });
    expect(before.talks).toEqual([
      { deliverableKey: MIDTERM, title: 'Mid-semester presentation', published: false, talk: null },
    ]);
    const dueBefore = await studentDashboard(
      deps,
      await loadWorkCourse(deps, SLUG, { userId: student, isAdmin: false }),
      NOW,
    );
    expect(dueBefore.items.filter((i) => i.deliverableKey === MIDTERM)).toEqual([]);

    await publishTalkSlots(deps, await as(w.prof), MIDTERM, true);
    const after = await myTalkSlots(deps, await as(student), { userId: student, isAdmin: false });
    expect(after.groupName).toBe('Group 4');
    expect(after.talks[0]!.talk).toMatchObject({
      date: OCT21,
      order: 2,
      of: 2,
      sentence: 'Your group presents on Mon Oct 21, 2nd of 2.',
      slidesDueAt: '2024-10-20T14:30:00.000Z',
    });
    const due = await studentDashboard(
      deps,
      await loadWorkCourse(deps, SLUG, { userId: student, isAdmin: false }),
      NOW,
    );
    expect(due.items.filter((i) => i.deliverableKey === MIDTERM).map((i) => i.meetingDate)).toEqual([OCT21]);
    const loner = await myTalkSlots(deps, await as(w.loner), { userId: w.loner, isAdmin: false });
    expect(loner).toMatchObject({ groupId: null, talks: [{ published: true, talk: null }] });
  });

  it('takes the slides of the group on Oct 21 for Oct 21, and refuses them from a group of the other day (not-holder)', async () => {
    const slides = async (student: string, date: string) => {
      const temp = await deps.files.receive(Readable.from([await makePdf(3)]), 50 * 1024 * 1024);
      return submitWork(deps, await loadWorkCourse(deps, SLUG, { userId: student, isAdmin: false }), {
        deliverableKey: MIDTERM,
        meetingDate: date,
        readingIndex: null,
        text: null,
        file: { temp, name: 'progress.pdf' },
        acknowledgePolicy: true,
        now: NOW,
      });
    };
    expect((await slides(w.students[0]![1]!, OCT21)).outcome).toBe('on-time');
    await expect(slides(w.students[1]![0]!, OCT21)).rejects.toMatchObject({
      code: 'forbidden',
      details: { reason: 'not-holder' },
    });
    const table = await deliverableTable(
      deps,
      await loadWorkCourse(deps, SLUG, { userId: w.prof, isAdmin: false }),
      MIDTERM,
      NOW,
    );
    const group1 = table.rows.find((r) => r.name === 'Group 1')!;
    const group2 = table.rows.find((r) => r.name === 'Group 2')!;
    expect(group1.cells.map((c) => [c.occasion, c.state, c.notHeld ?? false])).toEqual([
      [OCT21, 'done', false],
      [OCT23, 'open', true],
    ]);
    expect(group2.cells.map((c) => c.notHeld ?? false)).toEqual([true, false]);
  });

  it('records every staff change in the audit log', async () => {
    const rows = await get()
      .db.selectFrom('audit_log')
      .select(['action', 'actor_email'])
      .where('course_id', '=', w.courseId)
      .orderBy('id')
      .execute();
    const actions = new Set(rows.map((r) => r.action));
    for (const a of [
      'talk-slots-applied',
      'talk-slot-moved',
      'talk-slot-removed',
      'talk-slot-settings-changed',
      'talk-slots-published',
    ])
      expect(actions).toContain(a);
    expect(rows.find((r) => r.action === 'talk-slot-settings-changed')!.actor_email).toBe('ta@example.edu');
  });

  it('leaves a course whose days already hold talks alone when the demo seed runs again', async () => {
    const before = await board();
    expect(await seedTalkSlots(deps, SLUG)).toEqual({ placed: 0, published: true });
    expect(await board()).toEqual(before);
  });

  it('keeps both moves when two staff move groups at the same moment', async () => {
    const [prof, ta] = [await as(w.prof), await as(w.ta)];
    await Promise.all([
      placeTalk(deps, prof, MIDTERM, { groupId: w.groups[0]!, meetingId: w.meeting(OCT23), position: 0 }),
      placeTalk(deps, ta, MIDTERM, { groupId: w.groups[2]!, meetingId: w.meeting(OCT21), position: 0 }),
      placeTalk(deps, ta, MIDTERM, { groupId: w.groups[3]!, meetingId: w.meeting(OCT23), position: 0 }),
    ]);
    expect(await dayOf(w.groups[0]!)).toBe(OCT23);
    expect(await dayOf(w.groups[2]!)).toBe(OCT21);
    expect(await dayOf(w.groups[3]!)).toBe(OCT23);
    const b = await board();
    expect(b.days.flatMap((d) => d.talks)).toHaveLength(4);
    expect(b.days.map((d) => d.talks.map((t) => t.position))).toEqual([[0], [0, 1, 2]]);
  });
});
