// Storing courses on both dialects: insert, re-import in place with stable ids, no duplicates, all-or-nothing writes.
import { expect, it } from 'vitest';
import { toCourseModel } from '../../src/domain/stored-course.js';
import type { Db } from '../../src/storage/db.js';
import { saveCourse } from '../../src/storage/repositories/course-writer.js';
import {
  findCourseVersion,
  listCourseRows,
  loadCourse,
} from '../../src/storage/repositories/course-reader.js';
import { buildCourse, buildMeeting, buildReading } from '../support/course-factory.js';
import { describeEachDialect } from '../support/dialects.js';

const T0 = '2026-11-26T09:00:00.000Z';
const T1 = '2026-11-26T10:00:00.000Z';

async function rowCounts(db: Db, courseSlug: string) {
  const course = await db
    .selectFrom('courses')
    .select('id')
    .where('slug', '=', courseSlug)
    .executeTakeFirst();
  const id = course?.id ?? '';
  const count = async (table: 'units' | 'meetings' | 'readings' | 'components' | 'policies' | 'milestones') =>
    (await db.selectFrom(table).select('id').where('course_id', '=', id).execute()).length;
  return {
    courses: (await db.selectFrom('courses').select('id').where('slug', '=', courseSlug).execute()).length,
    units: await count('units'),
    meetings: await count('meetings'),
    readings: await count('readings'),
    components: await count('components'),
    policies: await count('policies'),
    milestones: await count('milestones'),
  };
}

describeEachDialect('course storage', (get) => {
  it('stores a course and reads back exactly the same model', async () => {
    const { db } = get();
    const model = buildCourse();
    const saved = await saveCourse(db, 'store-roundtrip', model, T0);
    expect(saved.created).toBe(true);
    expect(saved.version).toBe(1);
    const stored = await loadCourse(db, 'store-roundtrip');
    expect(stored).not.toBeNull();
    expect(toCourseModel(stored!)).toEqual(model);
    expect(stored!.createdAt).toBe(T0);
    expect(await rowCounts(db, 'store-roundtrip')).toEqual({
      courses: 1,
      units: 2,
      meetings: 5,
      readings: 3,
      components: 2,
      policies: 1,
      milestones: 2,
    });
  });

  it('keeps weights with decimals exact', async () => {
    const { db } = get();
    const model = buildCourse({
      components: [
        { key: 'a', name: 'A', weight: 33.3 },
        { key: 'b', name: 'B', weight: 66.7 },
      ],
    });
    await saveCourse(db, 'store-weights', model, T0);
    expect((await loadCourse(db, 'store-weights'))!.components.map((c) => c.weight)).toEqual([33.3, 66.7]);
  });

  it('re-imports in place: same course id, same meeting and reading ids, version bumped, no duplicates', async () => {
    const { db } = get();
    await saveCourse(db, 'store-reimport', buildCourse(), T0);
    const before = (await loadCourse(db, 'store-reimport'))!;
    const again = await saveCourse(db, 'store-reimport', buildCourse({ title: 'Systems for GenAI' }), T1);
    expect(again).toMatchObject({ created: false, version: 2, courseId: before.id });
    const after = (await loadCourse(db, 'store-reimport'))!;
    expect(after.title).toBe('Systems for GenAI');
    expect(after.updatedAt).toBe(T1);
    expect(after.createdAt).toBe(T0);
    expect(after.meetings.map((m) => m.id)).toEqual(before.meetings.map((m) => m.id));
    expect(after.meetings.flatMap((m) => m.readings.map((r) => r.id))).toEqual(
      before.meetings.flatMap((m) => m.readings.map((r) => r.id)),
    );
    expect(after.components.map((c) => c.id)).toEqual(before.components.map((c) => c.id));
    expect(await rowCounts(db, 'store-reimport')).toEqual({
      courses: 1,
      units: 2,
      meetings: 5,
      readings: 3,
      components: 2,
      policies: 1,
      milestones: 2,
    });
  });

  it('keeps the ids of meetings whose date stayed when others are added and removed', async () => {
    const { db } = get();
    const model = buildCourse();
    await saveCourse(db, 'store-edit', model, T0);
    const before = (await loadCourse(db, 'store-edit'))!;
    // Drop Labor Day (index 2), add a meeting on Sep 9.
    const edited = buildCourse({
      meetings: [
        ...model.meetings.slice(0, 2),
        ...model.meetings.slice(3),
        buildMeeting({ date: '2024-09-09', unit: 'Pre-Training' }),
      ],
    });
    const saved = await saveCourse(db, 'store-edit', edited, T1);
    expect(saved.removedMeetingDates).toEqual(['2024-09-02']);
    const after = (await loadCourse(db, 'store-edit'))!;
    const idOf = (course: typeof before, date: string, nth = 0) =>
      course.meetings.filter((m) => m.date === date)[nth]!.id;
    expect(idOf(after, '2024-08-26')).toBe(idOf(before, '2024-08-26'));
    expect(idOf(after, '2024-08-28')).toBe(idOf(before, '2024-08-28'));
    expect(idOf(after, '2024-09-04', 0)).toBe(idOf(before, '2024-09-04', 0));
    expect(idOf(after, '2024-09-04', 1)).toBe(idOf(before, '2024-09-04', 1));
    expect(after.meetings.map((m) => m.date)).toEqual([
      '2024-08-26',
      '2024-08-28',
      '2024-09-04',
      '2024-09-04',
      '2024-09-09',
    ]);
    expect(after.meetings.some((m) => m.id === idOf(before, '2024-09-02'))).toBe(false);
    expect(toCourseModel(after)).toEqual(edited);
    expect((await rowCounts(db, 'store-edit')).meetings).toBe(5);
  });

  it('keeps every meeting id when the whole schedule moves by whole weeks (--shift-to)', async () => {
    const { db } = get();
    const model = buildCourse();
    await saveCourse(db, 'store-shift', model, T0);
    const before = (await loadCourse(db, 'store-shift'))!;
    const plusWeek = (date: string) =>
      new Date(Date.parse(`${date}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    const shifted = buildCourse({ meetings: model.meetings.map((m) => ({ ...m, date: plusWeek(m.date) })) });
    await saveCourse(db, 'store-shift', shifted, T1);
    const after = (await loadCourse(db, 'store-shift'))!;
    expect(after.meetings.map((m) => m.id)).toEqual(before.meetings.map((m) => m.id));
    expect(after.meetings.map((m) => m.date)).toEqual(shifted.meetings.map((m) => m.date));
  });

  it('replaces readings of a meeting without duplicating them', async () => {
    const { db } = get();
    const model = buildCourse();
    await saveCourse(db, 'store-readings', model, T0);
    const before = (await loadCourse(db, 'store-readings'))!;
    const meetings = model.meetings.map((m, i) =>
      i === 1
        ? {
            ...m,
            readings: [
              m.readings[1]!,
              buildReading({ title: 'FlashAttention', url: 'https://arxiv.org/abs/2205.14135' }),
            ],
          }
        : m,
    );
    await saveCourse(db, 'store-readings', buildCourse({ meetings }), T1);
    const after = (await loadCourse(db, 'store-readings'))!;
    expect(after.meetings[1]!.readings.map((r) => r.title)).toEqual([
      'Language Models are Few-Shot Learners',
      'FlashAttention',
    ]);
    expect(after.meetings[1]!.readings[0]!.id).toBe(before.meetings[1]!.readings[1]!.id);
    expect((await rowCounts(db, 'store-readings')).readings).toBe(3);
  });

  it('writes nothing when a write fails half way (new course)', async () => {
    const { db } = get();
    const broken = buildCourse({
      meetings: [
        buildMeeting(),
        buildMeeting({ date: '2024-08-28', readings: [buildReading({ title: null as unknown as string })] }),
      ],
    });
    await expect(saveCourse(db, 'store-broken', broken, T0)).rejects.toThrow();
    expect(await findCourseVersion(db, 'store-broken')).toBeNull();
    expect(await rowCounts(db, 'store-broken')).toEqual({
      courses: 0,
      units: 0,
      meetings: 0,
      readings: 0,
      components: 0,
      policies: 0,
      milestones: 0,
    });
  });

  it('leaves the stored course as it was when a re-import fails half way', async () => {
    const { db } = get();
    const model = buildCourse();
    await saveCourse(db, 'store-rollback', model, T0);
    const broken = buildCourse({
      title: 'Changed',
      meetings: [
        buildMeeting({ date: '2025-01-06' }),
        buildMeeting({ date: '2025-01-08', readings: [buildReading({ title: null as unknown as string })] }),
      ],
    });
    await expect(saveCourse(db, 'store-rollback', broken, T1)).rejects.toThrow();
    const after = (await loadCourse(db, 'store-rollback'))!;
    expect(after.version).toBe(1);
    expect(toCourseModel(after)).toEqual(model);
  });

  it('creates a new slug once when two imports of it race, the other becoming an update', async () => {
    const { db } = get();
    const results = await Promise.all([
      saveCourse(db, 'store-race', buildCourse(), T0),
      saveCourse(db, 'store-race', buildCourse(), T1),
    ]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(results[0]!.courseId).toBe(results[1]!.courseId);
    expect(await rowCounts(db, 'store-race')).toEqual({
      courses: 1,
      units: 2,
      meetings: 5,
      readings: 3,
      components: 2,
      policies: 1,
      milestones: 2,
    });
  });

  it('lists stored courses by slug with their term', async () => {
    const { db } = get();
    await saveCourse(db, 'store-list-b', buildCourse({ term: null }), T0);
    await saveCourse(db, 'store-list-a', buildCourse(), T0);
    const rows = (await listCourseRows(db)).filter((r) => r.slug.startsWith('store-list-'));
    expect(rows.map((r) => [r.slug, r.term])).toEqual([
      ['store-list-a', { season: 'Fall', year: 2024 }],
      ['store-list-b', null],
    ]);
  });
});
