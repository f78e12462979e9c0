// Stores a course model under a slug in one transaction, updating in place: same slug, same ids, no duplicates.
import { ulid } from 'ulid';
import { sql, type Kysely } from 'kysely';
import type { CourseModel } from '../../domain/course.js';
import { writeTransaction, type Database, type Db } from '../db.js';
import type { CourseTables } from '../schema.js';
import { dayOrders, matchByKey, matchMeetings, uniqueKeys } from './course-matching.js';

export interface SaveCourseResult {
  courseId: string;
  created: boolean;
  version: number;
  /** Local dates of stored meetings the new schedule no longer has (deleted, with what hung on them). */
  removedMeetingDates: string[];
  /** Stored meetings that keep their id on another date (a shifted schedule), old date → new date. */
  movedMeetings: Array<{ id: string; from: string; to: string }>;
}

/**
 * Runs inside the course's transaction, after its rows are written: what is keyed by the
 * course's dates (hand-ins, attendance, deliverables) follows in the same commit, or not at all.
 */
export type AfterCourseWrite = (trx: Kysely<Database>, saved: SaveCourseResult) => Promise<void>;

/**
 * The ids of an edit made in the browser: meeting i of the model is the stored row meetings[i]
 * (a new id is a new row), so a class moved to another date stays the same row, and its readings
 * keep theirs through a change of title or link. Without it, rows are matched as a re-import does.
 */
export interface KeptIds {
  meetings: string[];
  readings: string[][];
}

type Trx = Kysely<Database>;
type ChildTable = Exclude<keyof CourseTables, 'courses'>;

const json = (value: unknown) => JSON.stringify(value);

/**
 * Writes the rows of `table` for one course: rows whose id exists are updated, the others
 * inserted, stored rows not among them deleted (first, so unique keys never collide).
 */
async function syncRows(
  trx: Trx,
  table: ChildTable,
  scope: { column: 'course_id' | 'meeting_id'; value: string },
  existingIds: string[],
  rows: Array<{ id: string } & Record<string, unknown>>,
): Promise<void> {
  const keep = new Set(rows.map((r) => r.id));
  const gone = existingIds.filter((id) => !keep.has(id));
  // The rows are built per table by the caller; Kysely cannot type a table chosen at run time.
  const db = trx as unknown as {
    deleteFrom(t: string): any;
    updateTable(t: string): any;
    insertInto(t: string): any;
  };
  for (let i = 0; i < gone.length; i += 500) {
    await db
      .deleteFrom(table)
      .where(scope.column, '=', scope.value)
      .where('id', 'in', gone.slice(i, i + 500))
      .execute();
  }
  const existing = new Set(existingIds);
  const inserts = rows.filter((r) => !existing.has(r.id));
  for (const row of rows) {
    if (!existing.has(row.id)) continue;
    const { id, ...values } = row;
    await db.updateTable(table).set(values).where('id', '=', id).execute();
  }
  // 500 rows × ≤ 13 columns stays far below PostgreSQL's 65535 bind parameters.
  for (let i = 0; i < inserts.length; i += 500) {
    await db
      .insertInto(table)
      .values(inserts.slice(i, i + 500))
      .execute();
  }
}

async function upsertCourseRow(trx: Trx, slug: string, course: CourseModel, now: string) {
  const values = {
    code: course.code,
    title: course.title,
    term_season: course.term?.season ?? null,
    term_year: course.term?.year ?? null,
    time_zone: course.timeZone,
    location: course.location,
    pattern: course.pattern ? json(course.pattern) : null,
    staff: json(course.staff),
    forum: course.forum ? json(course.forum) : null,
    staff_email: course.staffEmail,
    description: course.description,
    objectives: json(course.objectives),
    resources: json(course.resources),
    group_size: course.groupSize ? json(course.groupSize) : null,
    updated_at: now,
  };
  // One statement bumps and reads the version: two imports of the same slug at once get 2 and 3,
  // never both 2 (on PostgreSQL the second waits for the first's row lock, then adds to its value).
  const found = await trx
    .updateTable('courses')
    .set({ ...values, version: sql<number>`version + 1` })
    .where('slug', '=', slug)
    .returning(['id', 'version'])
    .executeTakeFirst();
  if (found) {
    return {
      courseId: found.id,
      created: false,
      version: Number(found.version),
      removedMeetingDates: [] as string[],
      movedMeetings: [] as SaveCourseResult['movedMeetings'],
    };
  }
  const courseId = ulid();
  await trx
    .insertInto('courses')
    .values({ id: courseId, slug, ...values, version: 1, created_at: now })
    .execute();
  return {
    courseId,
    created: true,
    version: 1,
    removedMeetingDates: [] as string[],
    movedMeetings: [] as SaveCourseResult['movedMeetings'],
  };
}

/** Creates or updates the course `slug` from `course`, all or nothing. `now` is an ISO-8601 UTC instant. */
export async function saveCourse(
  db: Db,
  slug: string,
  course: CourseModel,
  now: string,
  afterWrite?: AfterCourseWrite,
  keep?: KeptIds,
): Promise<SaveCourseResult> {
  try {
    return await writeCourse(db, slug, course, now, afterWrite, keep);
  } catch (error) {
    // Two instances creating the same new slug at once: the loser retries, as an update.
    if (/unique|duplicate key/i.test(error instanceof Error ? error.message : ''))
      return writeCourse(db, slug, course, now, afterWrite, keep);
    throw error;
  }
}

async function writeCourse(
  db: Db,
  slug: string,
  course: CourseModel,
  now: string,
  afterWrite?: AfterCourseWrite,
  keep?: KeptIds,
): Promise<SaveCourseResult> {
  return writeTransaction(db, async (trx) => {
    const result = await upsertCourseRow(trx, slug, course, now);
    const courseId = result.courseId;
    const scope = { column: 'course_id' as const, value: courseId };

    // Units, matched by title. Meetings may name a unit the list lacks: it is appended.
    const unitTitles = course.units.map((u) => u.title);
    for (const m of course.meetings)
      if (m.unit !== null && !unitTitles.includes(m.unit)) unitTitles.push(m.unit);
    const oldUnits = await trx
      .selectFrom('units')
      .select(['id', 'title'])
      .where('course_id', '=', courseId)
      .execute();
    const unitIds = matchByKey(
      oldUnits.map((u) => ({ id: u.id, key: u.title })),
      unitTitles,
      ulid,
    );
    const unitIdByTitle = new Map<string, string>();
    unitTitles.forEach((title, i) => {
      if (!unitIdByTitle.has(title)) unitIdByTitle.set(title, unitIds[i]!);
    });
    await syncRows(
      trx,
      'units',
      scope,
      oldUnits.map((u) => u.id),
      unitTitles.map((title, i) => ({ id: unitIds[i]!, course_id: courseId, position: i, title })),
    );

    // Meetings, matched by date and order within the date (or by position after a whole shift).
    const oldMeetings = await trx
      .selectFrom('meetings')
      .select(['id', 'date', 'day_order', 'position'])
      .where('course_id', '=', courseId)
      .execute();
    const dates = course.meetings.map((m) => m.date);
    const meetingIds =
      keep?.meetings ??
      matchMeetings(
        oldMeetings.map((m) => ({ id: m.id, date: m.date, dayOrder: m.day_order, position: m.position })),
        dates,
        ulid,
      );
    const orders = dayOrders(dates);
    await syncRows(
      trx,
      'meetings',
      scope,
      oldMeetings.map((m) => m.id),
      course.meetings.map((m, i) => ({
        id: meetingIds[i]!,
        course_id: courseId,
        position: i,
        date: m.date,
        day_order: orders[i]!,
        kind: m.kind,
        title: m.title,
        start_time: m.startTime,
        end_time: m.endTime,
        unit_id: m.unit === null ? null : (unitIdByTitle.get(m.unit) ?? null),
        needs_presenters: m.needsPresenters ? 1 : 0,
        notes: json(m.notes),
        extra: json(m.extra),
      })),
    );

    // Readings, matched within their meeting by title and link. Removed meetings took theirs along.
    const oldReadings = await trx
      .selectFrom('readings')
      .select(['id', 'meeting_id', 'title', 'url'])
      .where('course_id', '=', courseId)
      .execute();
    const readingRows: Array<{ id: string } & Record<string, unknown>> = [];
    course.meetings.forEach((m, i) => {
      const meetingId = meetingIds[i]!;
      const old = oldReadings
        .filter((r) => r.meeting_id === meetingId)
        .map((r) => ({ id: r.id, key: `${r.title}\n${r.url ?? ''}` }));
      const ids =
        keep?.readings[i] ??
        matchByKey(
          old,
          m.readings.map((r) => `${r.title}\n${r.url ?? ''}`),
          ulid,
        );
      m.readings.forEach((r, j) =>
        readingRows.push({
          id: ids[j]!,
          course_id: courseId,
          meeting_id: meetingId,
          position: j,
          title: r.title,
          url: r.url,
          required: r.required ? 1 : 0,
          note: r.note,
        }),
      );
    });
    await syncRows(
      trx,
      'readings',
      scope,
      oldReadings.map((r) => r.id),
      readingRows,
    );

    // Components, policies and milestones, matched by their keys.
    const oldComponents = await trx
      .selectFrom('components')
      .select(['id', 'key'])
      .where('course_id', '=', courseId)
      .execute();
    const componentKeys = uniqueKeys(course.components.map((c) => c.key));
    const componentIds = matchByKey(oldComponents, componentKeys, ulid);
    await syncRows(
      trx,
      'components',
      scope,
      oldComponents.map((c) => c.id),
      course.components.map((c, i) => ({
        id: componentIds[i]!,
        course_id: courseId,
        position: i,
        key: componentKeys[i]!,
        name: c.name,
        weight: c.weight,
      })),
    );

    const oldPolicies = await trx
      .selectFrom('policies')
      .select(['id', 'slug'])
      .where('course_id', '=', courseId)
      .execute();
    const policyIds = matchByKey(
      oldPolicies.map((p) => ({ id: p.id, key: p.slug })),
      course.policies.map((p) => p.slug),
      ulid,
    );
    await syncRows(
      trx,
      'policies',
      scope,
      oldPolicies.map((p) => p.id),
      course.policies.map((p, i) => ({
        id: policyIds[i]!,
        course_id: courseId,
        position: i,
        slug: p.slug,
        title: p.title,
        markdown: p.markdown,
      })),
    );

    const oldMilestones = await trx
      .selectFrom('milestones')
      .select(['id', 'key'])
      .where('course_id', '=', courseId)
      .execute();
    const milestoneKeys = uniqueKeys(course.milestones.map((m) => m.key));
    const milestoneIds = matchByKey(oldMilestones, milestoneKeys, ulid);
    await syncRows(
      trx,
      'milestones',
      scope,
      oldMilestones.map((m) => m.id),
      course.milestones.map((m, i) => ({
        id: milestoneIds[i]!,
        course_id: courseId,
        position: i,
        key: milestoneKeys[i]!,
        title: m.title,
        due_at: m.dueAt,
        meeting_dates: json(m.meetingDates),
        source: m.source,
      })),
    );

    const kept = new Set(meetingIds);
    result.removedMeetingDates = oldMeetings.filter((m) => !kept.has(m.id)).map((m) => m.date);
    const newDate = new Map(meetingIds.map((id, i) => [id, course.meetings[i]!.date]));
    result.movedMeetings = oldMeetings
      .filter((m) => newDate.has(m.id) && newDate.get(m.id) !== m.date)
      .map((m) => ({ id: m.id, from: m.date, to: newDate.get(m.id)! }));
    if (afterWrite) await afterWrite(trx, result);
    return result;
  });
}
