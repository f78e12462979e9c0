// Attendance rolls (with check-in codes) and per-student marks.
import type { Db } from '../db.js';
import { work, type AttendanceRecordRow, type AttendanceRollRow } from './work-tables.js';

export type { AttendanceRecordRow, AttendanceRollRow } from './work-tables.js';

export async function listRolls(db: Db, courseId: string): Promise<AttendanceRollRow[]> {
  return work(db)
    .selectFrom('attendance_rolls')
    .selectAll()
    .where('course_id', '=', courseId)
    .orderBy('meeting_date')
    .execute();
}

export async function findRoll(
  db: Db,
  courseId: string,
  meetingDate: string,
): Promise<AttendanceRollRow | undefined> {
  return work(db)
    .selectFrom('attendance_rolls')
    .selectAll()
    .where('course_id', '=', courseId)
    .where('meeting_date', '=', meetingDate)
    .executeTakeFirst();
}

/** Opens the roll of a meeting (idempotent); a code given replaces the previous one. */
export async function upsertRoll(db: Db, row: AttendanceRollRow, replaceCode: boolean): Promise<void> {
  await work(db)
    .insertInto('attendance_rolls')
    .values(row)
    .onConflict((oc) =>
      replaceCode
        ? oc
            .columns(['course_id', 'meeting_date'])
            .doUpdateSet({ check_in_code: row.check_in_code, code_expires_at: row.code_expires_at })
        : oc.columns(['course_id', 'meeting_date']).doNothing(),
    )
    .execute();
}

export async function listRecords(
  db: Db,
  courseId: string,
  meetingDate?: string,
  userId?: string,
): Promise<AttendanceRecordRow[]> {
  let q = work(db).selectFrom('attendance_records').selectAll().where('course_id', '=', courseId);
  if (meetingDate !== undefined) q = q.where('meeting_date', '=', meetingDate);
  if (userId !== undefined) q = q.where('user_id', '=', userId);
  return q.orderBy('meeting_date').execute();
}

export async function upsertRecord(db: Db, row: AttendanceRecordRow): Promise<void> {
  await work(db)
    .insertInto('attendance_records')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['course_id', 'meeting_date', 'user_id']).doUpdateSet({
        status: row.status,
        source: row.source,
        marked_by: row.marked_by,
        marked_at: row.marked_at,
        note: row.note,
      }),
    )
    .execute();
}
