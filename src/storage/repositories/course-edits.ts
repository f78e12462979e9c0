// Browser edits of a course (migration 2026_12_08_0200_course_edits): recorded with each edit, taken by a re-import.
import type { Kysely } from 'kysely';
import type { AnyDb, Db } from '../db.js';
import { work } from './work-tables.js';

export interface CourseEditRow {
  id: string;
  course_id: string;
  actor_id: string | null;
  summary: string;
  created_at: string;
  replaced_at: string | null;
}

interface EditTables {
  course_edits: CourseEditRow;
}

const edits = (db: AnyDb): Kysely<EditTables> => db as unknown as Kysely<EditTables>;

export async function insertCourseEdit(db: AnyDb, row: CourseEditRow): Promise<void> {
  await edits(db).insertInto('course_edits').values(row).execute();
}

/** The edits a re-import is about to overwrite, oldest first; marked replaced in the same transaction. */
export async function takeOpenCourseEdits(
  db: AnyDb,
  courseId: string,
  now: string,
): Promise<CourseEditRow[]> {
  const rows = await edits(db)
    .selectFrom('course_edits')
    .selectAll()
    .where('course_id', '=', courseId)
    .where('replaced_at', 'is', null)
    .orderBy('id')
    .execute();
  if (rows.length > 0)
    await edits(db)
      .updateTable('course_edits')
      .set({ replaced_at: now })
      .where('course_id', '=', courseId)
      .where('replaced_at', 'is', null)
      .execute();
  return rows;
}

/** Edits since the last import, newest first (the editor lists them). */
export async function listOpenCourseEdits(db: AnyDb, courseId: string, limit = 20): Promise<CourseEditRow[]> {
  return edits(db)
    .selectFrom('course_edits')
    .selectAll()
    .where('course_id', '=', courseId)
    .where('replaced_at', 'is', null)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Hand-ins received for a class's date: distinct owners per deliverable. */
export async function countHandInsOfDate(
  db: AnyDb,
  courseId: string,
  date: string,
): Promise<Array<{ deliverableKey: string; count: number }>> {
  const rows = await work(db as Db)
    .selectFrom('submissions')
    .select(['deliverable_key', (eb) => eb.fn.count<number>('owner').distinct().as('n')])
    .where('course_id', '=', courseId)
    .where('meeting_date', '=', date)
    .groupBy('deliverable_key')
    .orderBy('deliverable_key')
    .execute();
  return rows.map((r) => ({ deliverableKey: r.deliverable_key, count: Number(r.n) }));
}

/** A cancelled class's roles and talk slots (the staff's working copy) go back to be planned again. */
export async function releaseMeetingRoles(db: AnyDb, meetingId: string): Promise<void> {
  const d = db as Db;
  await d.deleteFrom('role_assignments').where('meeting_id', '=', meetingId).execute();
  await (d as unknown as Kysely<{ talk_slots: { meeting_id: string } }>)
    .deleteFrom('talk_slots')
    .where('meeting_id', '=', meetingId)
    .execute();
}

/**
 * Reading positions (0-based) of one class that hold students' work keyed by position: hand-ins of a per-reading
 * deliverable (questions) and questions asked in the class room.
 */
export async function readingIndexesInUse(
  db: AnyDb,
  courseId: string,
  meetingId: string,
  meetingDate: string,
): Promise<number[]> {
  const handedIn = await work(db as Db)
    .selectFrom('submissions')
    .select('reading_index')
    .distinct()
    .where('course_id', '=', courseId)
    .where('meeting_date', '=', meetingDate)
    .where('reading_index', 'is not', null)
    .execute();
  const asked = await (
    db as unknown as Kysely<{ room_questions: { meeting_id: string; reading_index: number | null } }>
  )
    .selectFrom('room_questions')
    .select('reading_index')
    .distinct()
    .where('meeting_id', '=', meetingId)
    .where('reading_index', 'is not', null)
    .execute();
  const indexes = new Set<number>();
  for (const row of [...handedIn, ...asked]) if (row.reading_index !== null) indexes.add(row.reading_index);
  return [...indexes].sort((a, b) => a - b);
}
