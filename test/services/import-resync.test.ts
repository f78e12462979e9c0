// Re-importing a syllabus keeps the course's hand-in data in step: rows follow moved classes, deliverables merge, all in the import's commit.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { ulid } from 'ulid';
import { beforeAll, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import type { Deliverable } from '../../src/domain/deliverables.js';
import { deliverablesForCourse } from '../../src/domain/demo-deliverables.js';
import { toCourseModel, type StoredCourse } from '../../src/domain/stored-course.js';
import { BlobStore } from '../../src/files/blob-store.js';
import { markAttendance } from '../../src/services/attendance/roll.js';
import { DEMO_SLUG, importDemoCourse } from '../../src/services/demo-course.js';
import { seedDemoAccounts } from '../../src/services/demo/seed-accounts.js';
import { seedGroups } from '../../src/services/demo/seed-groups.js';
import { seedWork } from '../../src/services/demo/seed-work.js';
import { meetingDashboard } from '../../src/services/dashboard/staff.js';
import { studentDashboard } from '../../src/services/dashboard/student.js';
import { resyncCourseWork } from '../../src/services/course-work-resync.js';
import { importSyllabus, readSyllabus } from '../../src/services/import-syllabus.js';
import { loadWorkCourse, meetingTimes, type WorkDeps } from '../../src/services/work/context.js';
import { chooseCountedVersion, grantExtension, updateDeliverable } from '../../src/services/work/staff.js';
import { submitWork } from '../../src/services/work/submit.js';
import type { Db } from '../../src/storage/db.js';
import { loadCourse } from '../../src/storage/repositories/course-reader.js';
import { saveCourse } from '../../src/storage/repositories/course-writer.js';
import { insertGroup, insertMember } from '../../src/storage/repositories/groups.js';
import { insertRoles } from '../../src/storage/repositories/roles.js';
import { work } from '../../src/storage/repositories/work-tables.js';
import { describeEachDialect } from '../support/dialects.js';
import { makePdf } from '../files/build.js';
import { makePerson } from '../http/auth-client.js';

const SOURCE = readFileSync('examples/cs598-genai-f24.md');
const SLUG = 'cs598-genai-f24';
const ZONE = 'America/Chicago';
const NOW = new Date('2026-10-14T15:00:00Z');
const WEEK = 7 * 86_400_000;
const FIRST = '2026-08-31';
const FIRST_NEXT_WEEK = '2026-09-07';

const plusDays = (date: string, days: number) => DateTime.fromISO(date).plus({ days }).toISODate()!;
const at = (instant: string, hours: number) => new Date(Date.parse(instant) + hours * 3_600_000);

/** Every row of the course keyed by a class date, in a stable order, for before/after comparisons. */
async function dateRows(db: Db, courseId: string) {
  const w = work(db);
  const submissions = await w
    .selectFrom('submissions')
    .select([
      'id',
      'deliverable_key',
      'meeting_date',
      'slot',
      'owner',
      'version',
      'outcome',
      'late',
      'submitted_at',
      'due_at',
    ])
    .where('course_id', '=', courseId)
    .orderBy('id')
    .execute();
  const extensions = await w
    .selectFrom('extensions')
    .select(['id', 'meeting_date', 'due_at'])
    .where('course_id', '=', courseId)
    .orderBy('id')
    .execute();
  const rolls = await w
    .selectFrom('attendance_rolls')
    .select(['meeting_date', 'opened_at'])
    .where('course_id', '=', courseId)
    .orderBy('meeting_date')
    .execute();
  const records = await w
    .selectFrom('attendance_records')
    .select(['meeting_date', 'user_id', 'status'])
    .where('course_id', '=', courseId)
    .orderBy('meeting_date')
    .orderBy('user_id')
    .execute();
  const counted = await w
    .selectFrom('counted_versions')
    .select(['slot', 'owner', 'submission_id'])
    .where('course_id', '=', courseId)
    .orderBy('slot')
    .execute();
  return { submissions, extensions, rolls, records, counted };
}

async function deliverableSpecs(db: Db, courseId: string): Promise<Deliverable[]> {
  const rows = await work(db)
    .selectFrom('deliverables')
    .select(['spec'])
    .where('course_id', '=', courseId)
    .orderBy('position')
    .execute();
  return rows.map((r) => JSON.parse(r.spec) as Deliverable);
}

/** The counter every instance's deliverable cache compares (0 before the first bump). */
async function workVersion(db: Db, courseId: string): Promise<number> {
  const { rows } = await sql<{
    version: number;
  }>`select version from course_work_versions where course_id = ${courseId}`.execute(db);
  return Number(rows[0]?.version ?? 0);
}

/** What the dashboards say of the classes, with each class named by its place in the schedule instead of its date. */
async function dashboardsByPosition(
  deps: WorkDeps,
  course: StoredCourse,
  ids: { ta: string; students: string[] },
  dates: string[],
  now: Date,
) {
  const staff = await loadWorkCourse(deps, SLUG, { userId: ids.ta, isAdmin: false });
  const place = (date: string | null) =>
    date === null ? null : course.meetings.findIndex((m) => m.date === date);
  const meetings = [];
  for (const date of dates) {
    const d = await meetingDashboard(deps, staff, date, now);
    meetings.push({
      place: place(d.meetingDate),
      questions:
        d.questions?.students.map((s) => ({
          name: s.name,
          handedIn: s.handedIn,
          needed: s.needed,
          late: s.late,
        })) ?? null,
      roles: d.roles.map((r) => ({
        key: r.deliverableKey,
        groups: r.groups.map((g) => ({
          name: g.name,
          state: g.cell.state,
          versions: g.cell.versions,
          extended: Boolean(g.cell.extension),
        })),
      })),
      attendance: d.attendance,
    });
  }
  const students = [];
  for (const userId of ids.students) {
    const dash = await studentDashboard(
      deps,
      await loadWorkCourse(deps, SLUG, { userId, isAdmin: false }),
      now,
    );
    students.push(
      dash.items
        .filter((i) => i.meetingDate !== null && dates.includes(i.meetingDate))
        .map((i) => ({
          key: i.deliverableKey,
          place: place(i.meetingDate),
          state: i.state,
          handedIn: i.handedIn,
          extended: i.extended,
          receipts: i.receipts.map((r) => r.outcome),
        })),
    );
  }
  return { meetings, students };
}

describeEachDialect('re-importing the syllabus with its classes a week later', (t) => {
  let db: Db;
  let deps: WorkDeps;
  let courseId: string;
  let ids: { ada: string; ben: string; cat: string; ta: string; alpha: string; beta: string };
  let first: StoredCourse;
  let m1: string;
  let m2: string;
  let before: {
    specs: Deliverable[];
    rows: Awaited<ReturnType<typeof dateRows>>;
    dashboards: Awaited<ReturnType<typeof dashboardsByPosition>>;
  };

  beforeAll(async () => {
    db = t().db;
    let clock = NOW;
    deps = {
      db,
      files: new BlobStore(t().config.filesDir),
      mailer: null,
      clock: () => clock,
      publicUrl: 'http://localhost',
    };
    const imported = await importSyllabus(
      { db, clock: () => NOW },
      { source: SOURCE, slug: SLUG, timeZone: ZONE, shiftTo: FIRST },
    );
    courseId = imported.stored.id;
    first = imported.stored;
    const person = async (name: string, role: 'student' | 'ta') =>
      (
        await makePerson(db, NOW, `${name}@example.edu`, {
          courseId,
          role,
          name: name[0]!.toUpperCase() + name.slice(1),
        })
      ).id;
    const people = {
      ada: await person('ada', 'student'),
      ben: await person('ben', 'student'),
      cat: await person('cat', 'student'),
      ta: await person('ta', 'ta'),
    };
    const stamp = NOW.toISOString();
    ids = { ...people, alpha: ulid(), beta: ulid() };
    await insertGroup(db, {
      id: ids.alpha,
      course_id: courseId,
      name: 'Alpha',
      created_at: stamp,
      created_by: null,
    });
    await insertGroup(db, {
      id: ids.beta,
      course_id: courseId,
      name: 'Beta',
      created_at: stamp,
      created_by: null,
    });
    for (const [g, u] of [
      [ids.alpha, ids.ada],
      [ids.alpha, ids.ben],
      [ids.beta, ids.cat],
    ] as const)
      await insertMember(db, { group_id: g, user_id: u, course_id: courseId, joined_at: stamp });

    // Two past classes that students present and ask questions about.
    const presented = first.meetings.filter(
      (m) => m.kind === 'lecture' && m.needsPresenters && m.readings.some((r) => r.required),
    );
    const [one, two] = presented.filter(
      (m) => Date.parse(meetingTimes(first, m).end) < NOW.getTime() - 3 * 86_400_000,
    );
    m1 = one!.date;
    m2 = two!.date;
    await insertRoles(db, [
      {
        id: ulid(),
        course_id: courseId,
        meeting_id: one!.id,
        group_id: ids.alpha,
        role: 'presenter',
        locked: 0,
        created_at: stamp,
      },
      {
        id: ulid(),
        course_id: courseId,
        meeting_id: one!.id,
        group_id: ids.beta,
        role: 'summarizer',
        locked: 0,
        created_at: stamp,
      },
      {
        id: ulid(),
        course_id: courseId,
        meeting_id: two!.id,
        group_id: ids.alpha,
        role: 'presenter',
        locked: 0,
        created_at: stamp,
      },
    ]);

    // Deliverables are created on first use; staff change the slides' grace period and the question's title.
    const staff = () => loadWorkCourse(deps, SLUG, { userId: ids.ta, isAdmin: false });
    await updateDeliverable(deps, await staff(), 'slides', { graceMinutes: 45 });
    await updateDeliverable(deps, await staff(), 'question', { title: 'Question before class' });

    const hand = async (
      userId: string,
      when: Date,
      input: { key: string; date: string; reading?: number; text?: string; pdf?: boolean },
    ) => {
      clock = when;
      const w = await loadWorkCourse(deps, SLUG, { userId, isAdmin: false });
      const file = input.pdf
        ? {
            temp: await deps.files.receive(Readable.from([await makePdf(2)]), 50 * 1024 * 1024),
            name: 'slides.pdf',
          }
        : null;
      const receipt = await submitWork(deps, w, {
        deliverableKey: input.key,
        meetingDate: input.date,
        readingIndex: input.reading ?? null,
        text: input.text ?? null,
        file,
        acknowledgePolicy: true,
        now: when,
      });
      clock = NOW;
      return receipt;
    };
    const t1 = meetingTimes(first, one!);
    const t2 = meetingTimes(first, two!);
    await hand(ids.ada, at(t1.start, -3), {
      key: 'question',
      date: m1,
      reading: 0,
      text: 'What breaks first at scale?',
    });
    await hand(ids.ada, at(t1.start, -30), { key: 'slides', date: m1, pdf: true });
    // Slides of the second class 2 h before it starts: 22 h late, flagged.
    const late = await hand(ids.ben, at(t2.start, -2), { key: 'slides', date: m2, pdf: true });
    expect(late.outcome).toBe('late');
    await chooseCountedVersion(deps, await staff(), late.id);
    // Beta's summary gets two more days, granted the hour after class (a deadline already past is
    // refused); handed in 30 h after class it is on time.
    clock = at(t1.end, 1);
    await grantExtension(deps, await staff(), {
      deliverableKey: 'summary',
      meetingDate: m1,
      target: { kind: 'group', groupId: ids.beta },
      dueAt: at(t1.end, 72).toISOString(),
      reason: 'Illness',
    });
    clock = NOW;
    expect(
      (
        await hand(ids.cat, at(t1.end, 30), {
          key: 'summary',
          date: m1,
          text: '# Summary\n\nThe discussion focused on cost.',
        })
      ).outcome,
    ).toBe('on-time');
    await markAttendance(deps, await staff(), m1, [
      { userId: ids.ada, status: 'present' },
      { userId: ids.ben, status: 'absent' },
      { userId: ids.cat, status: 'excused' },
    ]);
    before = {
      specs: await deliverableSpecs(db, courseId),
      rows: await dateRows(db, courseId),
      dashboards: await dashboardsByPosition(
        deps,
        first,
        { ta: ids.ta, students: [ids.ada, ids.ben, ids.cat] },
        [m1, m2],
        NOW,
      ),
    };
  }, 120_000);

  it('moves every hand-in, extension, roll and counted choice to its class’s new date, in the import', async () => {
    const versionBefore = await workVersion(db, courseId);
    const later = await importSyllabus(
      { db, clock: () => new Date(NOW.getTime() + WEEK) },
      { source: SOURCE, slug: SLUG, timeZone: ZONE, shiftTo: FIRST_NEXT_WEEK },
    );
    expect(later.created).toBe(false);
    expect(later.stored.meetings.map((m) => m.id)).toEqual(first.meetings.map((m) => m.id));
    expect(later.resync.movedRows).toBeGreaterThan(0);
    const rows = await dateRows(db, courseId);
    const week = (d: string | null) => (d === null ? null : plusDays(d, 7));
    expect(rows.submissions).toEqual(
      before.rows.submissions.map((s) => ({
        ...s,
        meeting_date: week(s.meeting_date),
        slot: s.meeting_date ? `${week(s.meeting_date)}${s.slot.slice(10)}` : s.slot,
      })),
    );
    expect(rows.submissions.map((s) => s.meeting_date).sort()).toEqual([m1, m1, m1, m2].map(week).sort());
    expect(rows.rolls.map((r) => r.meeting_date)).toEqual([week(m1)]);
    expect(rows.records.map((r) => [r.meeting_date, r.status]).sort()).toEqual([
      [week(m1), 'absent'],
      [week(m1), 'excused'],
      [week(m1), 'present'],
    ]);
    expect(rows.counted).toEqual(before.rows.counted.map((c) => ({ ...c, slot: `${week(m2)}#-` })));
    // The extension keeps its place relative to the class: the same local time a week later.
    const oldDue = DateTime.fromISO(before.rows.extensions[0]!.due_at, { zone: ZONE });
    expect(rows.extensions).toEqual([
      {
        id: before.rows.extensions[0]!.id,
        meeting_date: week(m1),
        due_at: new Date(oldDue.plus({ days: 7 }).toMillis()).toISOString(),
      },
    ]);
    expect(await workVersion(db, courseId)).toBeGreaterThan(versionBefore);
  }, 60_000);

  it('shows on the dashboards the same hand-ins, on time or late, on the same classes as before', async () => {
    const course = (await loadCourse(db, SLUG))!;
    const after = await dashboardsByPosition(
      deps,
      course,
      { ta: ids.ta, students: [ids.ada, ids.ben, ids.cat] },
      [plusDays(m1, 7), plusDays(m2, 7)],
      new Date(NOW.getTime() + WEEK),
    );
    expect(after).toEqual(before.dashboards);
    // Not vacuous: the first class shows a question, slides on time, a summary under extension and the roll.
    expect(after.meetings[0]).toMatchObject({
      questions: expect.arrayContaining([
        { name: 'Ada', handedIn: 1, needed: expect.any(Number), late: false },
      ]),
      attendance: { taken: true, counts: expect.objectContaining({ present: 1, absent: 1, excused: 1 }) },
    });
    expect(after.meetings[1]!.roles.find((r) => r.key === 'slides')!.groups).toEqual([
      { name: 'Alpha', state: 'late', versions: 1, extended: false },
    ]);
  }, 60_000);

  it('keeps what staff changed in the deliverables and moves their class days with the schedule', async () => {
    const specs = await deliverableSpecs(db, courseId);
    const course = (await loadCourse(db, SLUG))!;
    const generated = deliverablesForCourse(toCourseModel(course));
    const spec = (key: string) => specs.find((d) => d.key === key)!;
    expect(spec('slides').graceMinutes).toBe(45);
    expect(spec('question').title).toBe('Question before class');
    for (const key of ['question', 'slides', 'summary'])
      expect(spec(key).meetingDates).toEqual(generated.find((d) => d.key === key)!.meetingDates);
    expect(spec('question').meetingDates).toEqual(
      before.specs.find((d) => d.key === 'question')!.meetingDates.map((d) => plusDays(d, 7)),
    );
    const proposal = generated.find((d) => d.key === 'proposal');
    if (proposal) expect(spec('proposal').dueRule).toEqual(proposal.dueRule);
  });

  it('changes nothing when the same file is imported again', async () => {
    const rows = await dateRows(db, courseId);
    const specs = await deliverableSpecs(db, courseId);
    const version = await workVersion(db, courseId);
    const again = await importSyllabus(
      { db, clock: () => new Date(NOW.getTime() + WEEK) },
      { source: SOURCE, slug: SLUG, timeZone: ZONE, shiftTo: FIRST_NEXT_WEEK },
    );
    expect(again.resync).toEqual({
      movedRows: 0,
      removedDays: [],
      strayDays: [],
      changedDeliverables: [],
      addedDeliverables: [],
      orphanedDeliverables: [],
    });
    expect(await dateRows(db, courseId)).toEqual(rows);
    expect(await deliverableSpecs(db, courseId)).toEqual(specs);
    expect(await workVersion(db, courseId)).toBe(version);
  }, 60_000);

  it('leaves classes and hand-ins as they were when the import fails after moving them (one transaction)', async () => {
    const rows = await dateRows(db, courseId);
    const specs = await deliverableSpecs(db, courseId);
    const stored = (await loadCourse(db, SLUG))!;
    const { course } = readSyllabus({
      source: SOURCE,
      timeZone: ZONE,
      shiftTo: plusDays(FIRST_NEXT_WEEK, 14),
    });
    await expect(
      saveCourse(db, SLUG, course, new Date().toISOString(), async (trx, saved) => {
        const done = await resyncCourseWork(trx, saved, stored, course, new Date().toISOString());
        expect(done.movedRows).toBeGreaterThan(0);
        throw new Error('power cut');
      }),
    ).rejects.toThrow('power cut');
    expect((await loadCourse(db, SLUG))!.meetings.map((m) => m.date)).toEqual(
      stored.meetings.map((m) => m.date),
    );
    expect(await dateRows(db, courseId)).toEqual(rows);
    expect(await deliverableSpecs(db, courseId)).toEqual(specs);
  }, 60_000);

  it('keeps every hand-in on its class when two imports of the course run at once', async () => {
    const placeOf = async () => {
      const course = (await loadCourse(db, SLUG))!;
      const rows = await dateRows(db, courseId);
      const place = (d: string | null) => course.meetings.findIndex((m) => m.date === d);
      return {
        submissions: rows.submissions.map((s) => [s.id, place(s.meeting_date), s.slot.slice(10)]),
        records: rows.records.map((r) => [place(r.meeting_date), r.user_id]),
        extensions: rows.extensions.map((e) => [e.id, place(e.meeting_date)]),
        question: (await deliverableSpecs(db, courseId))
          .find((d) => d.key === 'question')!
          .meetingDates.map(place),
      };
    };
    const before = await placeOf();
    expect(before.submissions.every(([, p]) => (p as number) >= 0)).toBe(true);
    const results = await Promise.all(
      [14, 21].map((days) =>
        importSyllabus(
          { db, clock: () => NOW },
          { source: SOURCE, slug: SLUG, timeZone: ZONE, shiftTo: plusDays(FIRST_NEXT_WEEK, days) },
        ),
      ),
    );
    expect(results.every((r) => !r.created)).toBe(true);
    expect(await placeOf()).toEqual(before);
  }, 60_000);
});

describeEachDialect('re-importing a syllabus that drops a class and moves a deadline', (t) => {
  const OLD = SOURCE.toString('utf8');
  const sept4 = OLD.split('\n').find((l) => l.startsWith('| Sept 4 '))!;
  const EDITED = OLD.replace(`${sept4}\n`, '').replace('by **September 26**', 'by **September 27**');
  const CLOCK = new Date('2024-09-03T15:00:00Z');
  let db: Db;
  let courseId: string;
  let ada: string;

  beforeAll(async () => {
    db = t().db;
    const deps: WorkDeps = {
      db,
      files: new BlobStore(t().config.filesDir),
      mailer: null,
      clock: () => CLOCK,
      publicUrl: 'http://localhost',
    };
    courseId = (
      await importSyllabus({ db, clock: () => CLOCK }, { source: OLD, slug: 'dropped', timeZone: ZONE })
    ).stored.id;
    ada = (await makePerson(db, CLOCK, 'ada-dropped@example.edu', { courseId, role: 'student', name: 'Ada' }))
      .id;
    const w = await loadWorkCourse(deps, 'dropped', { userId: ada, isAdmin: false });
    for (const [date, reading] of [
      ['2024-09-04', 0],
      ['2024-09-04', 1],
      ['2024-09-09', 0],
    ] as const)
      await submitWork(deps, w, {
        deliverableKey: 'question',
        meetingDate: date,
        readingIndex: reading,
        text: 'Why this design?',
        file: null,
        acknowledgePolicy: true,
        now: CLOCK,
      });
  }, 60_000);

  it('sets the dropped class’s hand-ins aside (never deleted), says how many, and leaves the other classes’ alone', async () => {
    const result = await importSyllabus(
      { db, clock: () => CLOCK },
      { source: EDITED, slug: 'dropped', timeZone: ZONE },
    );
    expect(result.warnings).toContainEqual({
      line: 0,
      message: expect.stringMatching(
        /^The meeting of 2024-09-04 is no longer in the schedule: .*2 hand-ins are kept/,
      ),
    });
    const rows = await dateRows(db, courseId);
    const slots = rows.submissions.map((s) => s.slot).sort();
    expect(slots).toHaveLength(3);
    expect(slots[0]).toMatch(/^2024-09-04@removed-[0-9a-z]+#0$/);
    expect(slots[1]).toMatch(/^2024-09-04@removed-[0-9a-z]+#1$/);
    expect(slots[2]).toBe('2024-09-09#0');
    expect(rows.submissions.filter((s) => s.meeting_date === '2024-09-04')).toEqual([]);
    const specs = await deliverableSpecs(db, courseId);
    expect(specs.find((d) => d.key === 'question')!.meetingDates).not.toContain('2024-09-04');
    expect(specs.find((d) => d.key === 'question')!.meetingDates).toContain('2024-09-09');
  }, 60_000);

  it('moves a deadline the syllabus moved (the proposal, one day later)', async () => {
    const specs = await deliverableSpecs(db, courseId);
    const due = specs.find((d) => d.key === 'proposal')!.dueRule;
    expect(due.kind).toBe('absolute');
    expect(DateTime.fromISO((due as { at: string }).at, { zone: ZONE }).toISODate()).toBe('2024-09-27');
  });
});

describeEachDialect('the demo started again a week later', (t) => {
  const ADMIN = { userId: 'demo-seed', isAdmin: true };
  let db: Db;
  let courseId: string;
  const LATER = new Date(NOW.getTime() + WEEK);

  /** The seeded hand-ins by class place (position in the schedule), owner and outcome. */
  async function handInsByPlace() {
    const course = (await loadCourse(db, DEMO_SLUG))!;
    const rows = await work(db)
      .selectFrom('submissions')
      .select(['id', 'deliverable_key', 'meeting_date', 'owner', 'outcome'])
      .where('course_id', '=', courseId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      key: r.deliverable_key,
      place: course.meetings.findIndex((m) => m.date === r.meeting_date),
      owner: r.owner,
      outcome: r.outcome,
    }));
  }

  async function pastClassViews(course: StoredCourse, places: number[], now: Date) {
    const w = await loadWorkCourse({ db, clock: () => now }, DEMO_SLUG, ADMIN);
    const out = [];
    for (const place of places) {
      const d = await meetingDashboard({ db }, w, course.meetings[place]!.date, now);
      out.push({
        place,
        questions: d.questions?.students.map((s) => [s.name, s.handedIn, s.late]),
        roles: d.roles.map((r) => [r.deliverableKey, r.groups.map((g) => [g.name, g.cell.state])]),
        attendance: d.attendance,
      });
    }
    return out;
  }

  beforeAll(async () => {
    db = t().db;
    courseId = (await importDemoCourse({ db, clock: () => NOW }, NOW)).stored.id;
    await seedDemoAccounts(db, NOW, courseId);
    await seedGroups({ db, clock: () => NOW }, DEMO_SLUG, 598);
    await seedWork({ db, files: new BlobStore(t().config.filesDir) }, DEMO_SLUG, NOW);
  }, 240_000);

  it('shows the seeded hand-ins, rolls and the late summary on the same classes, and seeds nothing twice', async () => {
    const first = (await loadCourse(db, DEMO_SLUG))!;
    const seeded = await handInsByPlace();
    const places = [...new Set(seeded.map((s) => s.place))].sort((a, b) => a - b);
    expect(places.every((p) => p >= 0)).toBe(true);
    expect(seeded.filter((s) => s.outcome === 'late-zero')).toHaveLength(1);
    const views = await pastClassViews(first, places, NOW);

    const restarted = await importDemoCourse({ db, clock: () => LATER }, LATER);
    expect(restarted.stored.meetings[0]!.date).toBe(plusDays(first.meetings[0]!.date, 7));
    expect(restarted.stored.meetings.map((m) => m.id)).toEqual(first.meetings.map((m) => m.id));
    expect(await handInsByPlace()).toEqual(seeded);
    expect(await pastClassViews(restarted.stored, places, LATER)).toEqual(views);

    // The same classes are past relative to the later day: the next start's seeding finds them all done.
    const again = await seedWork({ db, files: new BlobStore(t().config.filesDir) }, DEMO_SLUG, LATER);
    expect(again).toMatchObject({ questions: 0, files: 0, summaries: 0, rolls: 0, skipped: true });
    expect(await handInsByPlace()).toEqual(seeded);
  }, 240_000);
});

describeEachDialect('moving classes onto a day that still holds rows of a class removed long ago', (t) => {
  it('clears that day first and says so, instead of failing the import or mixing the rows into the class', async () => {
    const db = t().db;
    const CLOCK = new Date('2024-08-01T15:00:00Z');
    const imported = await importSyllabus(
      { db, clock: () => CLOCK },
      { source: SOURCE, slug: 'strays', timeZone: ZONE },
    );
    const courseId = imported.stored.id;
    const dates = imported.stored.meetings.map((m) => m.date);
    const last = dates.at(-1)!;
    const stray = plusDays(last, 7);
    expect(dates).not.toContain(stray);
    const roll = (date: string) => ({
      course_id: courseId,
      meeting_date: date,
      opened_by: 'staff',
      opened_at: CLOCK.toISOString(),
      check_in_code: null,
      code_expires_at: null,
    });
    await work(db)
      .insertInto('attendance_rolls')
      .values([roll(last), roll(stray)])
      .execute();

    const moved = await importSyllabus(
      { db, clock: () => CLOCK },
      { source: SOURCE, slug: 'strays', timeZone: ZONE, shiftTo: plusDays(dates[0]!, 7) },
    );
    expect(moved.warnings).toContainEqual({
      line: 0,
      message: expect.stringContaining(
        `The attendance of ${stray}, left by a class removed earlier, was cleared`,
      ),
    });
    const rows = await dateRows(db, courseId);
    expect(rows.rolls).toEqual([{ meeting_date: stray, opened_at: CLOCK.toISOString() }]);
  }, 60_000);
});

describeEachDialect('a course whose deliverables an earlier re-import left on last week’s days', (t) => {
  it('puts their class days back on the course’s classes at the next re-import', async () => {
    const db = t().db;
    const stored = (
      await importSyllabus(
        { db, clock: () => NOW },
        { source: SOURCE, slug: 'stale', timeZone: ZONE, shiftTo: FIRST },
      )
    ).stored;
    const ta = (
      await makePerson(db, NOW, 'ta-stale@example.edu', { courseId: stored.id, role: 'ta', name: 'Ta' })
    ).id;
    await loadWorkCourse({ db, clock: () => NOW }, 'stale', { userId: ta, isAdmin: false });
    // What the demo did before re-imports kept deliverables in step: the course moved, they did not.
    const { course } = readSyllabus({ source: SOURCE, timeZone: ZONE, shiftTo: FIRST_NEXT_WEEK });
    await saveCourse(db, 'stale', course, NOW.toISOString());
    const stale = (await deliverableSpecs(db, stored.id)).find((d) => d.key === 'question')!;
    expect(stale.meetingDates.some((d) => !course.meetings.some((m) => m.date === d))).toBe(true);

    const fixed = await importSyllabus(
      { db, clock: () => NOW },
      { source: SOURCE, slug: 'stale', timeZone: ZONE, shiftTo: plusDays(FIRST_NEXT_WEEK, 7) },
    );
    const generated = deliverablesForCourse(toCourseModel(fixed.stored));
    for (const key of ['question', 'slides', 'summary'])
      expect((await deliverableSpecs(db, stored.id)).find((d) => d.key === key)!.meetingDates).toEqual(
        generated.find((d) => d.key === key)!.meetingDates,
      );
  }, 60_000);
});
