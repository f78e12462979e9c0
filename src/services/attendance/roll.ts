// Attendance: the staff roll of a class, check-in codes valid while it runs, "up to 2 absences", excuses.
import { randomInt } from 'node:crypto';
import {
  absences,
  checkInBlocker,
  generateCheckInCode,
  type AttendanceRecord,
  type AttendanceStatus,
  type CheckInBlocker,
} from '../../domain/attendance.js';
import type { AllowanceState } from '../../domain/allowances.js';
import { obligationFor, type Obligation } from '../../domain/obligations.js';
import {
  findRoll,
  listRecords,
  listRolls,
  upsertRecord,
  upsertRoll,
} from '../../storage/repositories/attendance.js';
import { listActiveStudents } from '../../storage/repositories/work-people.js';
import { authorize } from '../enrollment/course-access.js';
import { loadCoursePeriods, personPeriods, type CoursePeriods } from '../enrollment/periods.js';
import { DomainError } from '../errors.js';
import { findMeeting, meetingTimes, type WorkCourse, type WorkDeps } from '../work/context.js';

export interface RollEntry {
  userId: string;
  name: string;
  /** null: not marked yet (counts as absent once the roll is taken and the class is over). */
  status: AttendanceStatus | null;
  source: 'roll' | 'check-in' | null;
  /** Whether the class was the student's to attend: 'before-joined' or 'not-member' when it started before they joined or while dropped. */
  obligation: Obligation;
}

export interface MeetingRoll {
  meetingDate: string;
  meetingTitle: string | null;
  start: string;
  end: string;
  taken: boolean;
  checkInCode: string | null;
  codeExpiresAt: string | null;
  entries: RollEntry[];
  /** 'unmarked' counts only students the class was owed by; 'notTheirs' the others left unmarked. */
  counts: Record<AttendanceStatus | 'unmarked' | 'notTheirs', number>;
}

export async function meetingRoll(
  deps: Pick<WorkDeps, 'db'>,
  work: WorkCourse,
  meetingDate: string,
): Promise<MeetingRoll> {
  authorize(work.access, 'recordAttendance');
  const meeting = findMeeting(work.course, meetingDate);
  const { start, end } = meetingTimes(work.course, meeting);
  const roll = await findRoll(deps.db, work.course.id, meetingDate);
  const records = new Map(
    (await listRecords(deps.db, work.course.id, meetingDate)).map((r) => [r.user_id, r]),
  );
  const students = await listActiveStudents(deps.db, work.course.id);
  const periods = await loadCoursePeriods(deps.db, work.course.id);
  const entries: RollEntry[] = students.map((s) => ({
    userId: s.id,
    name: s.name,
    status: records.get(s.id)?.status ?? null,
    source: records.get(s.id)?.source ?? null,
    obligation: obligationFor(personPeriods(periods, s.id), start),
  }));
  const counts = { present: 0, absent: 0, excused: 0, unmarked: 0, notTheirs: 0 };
  for (const e of entries) counts[e.status ?? (e.obligation === 'owed' ? 'unmarked' : 'notTheirs')]++;
  return {
    meetingDate,
    meetingTitle: meeting.title,
    start,
    end,
    taken: roll !== undefined,
    checkInCode: roll?.check_in_code ?? null,
    codeExpiresAt: roll?.code_expires_at ?? null,
    entries,
    counts,
  };
}

/** Marks students present, absent or excused (the roll is taken by the first mark). */
export async function markAttendance(
  deps: Pick<WorkDeps, 'db' | 'clock'>,
  work: WorkCourse,
  meetingDate: string,
  marks: Array<{ userId: string; status: AttendanceStatus; note?: string | null }>,
): Promise<MeetingRoll> {
  authorize(work.access, 'recordAttendance');
  findMeeting(work.course, meetingDate);
  const students = new Set((await listActiveStudents(deps.db, work.course.id)).map((s) => s.id));
  const unknown = marks.find((m) => !students.has(m.userId));
  if (unknown)
    throw new DomainError('invalid_input', 'One of the people marked is not a student of this course.', {
      userId: unknown.userId,
    });
  const now = deps.clock().toISOString();
  const staff = work.access.viewer!.userId;
  await upsertRoll(
    deps.db,
    {
      course_id: work.course.id,
      meeting_date: meetingDate,
      opened_by: staff,
      opened_at: now,
      check_in_code: null,
      code_expires_at: null,
    },
    false,
  );
  for (const m of marks) {
    await upsertRecord(deps.db, {
      course_id: work.course.id,
      meeting_date: meetingDate,
      user_id: m.userId,
      status: m.status,
      source: 'roll',
      marked_by: staff,
      marked_at: now,
      note: m.note ?? null,
    });
  }
  return meetingRoll(deps, work, meetingDate);
}

/** Opens check-in for a class with a fresh code that expires when the class ends. */
export async function openCheckIn(
  deps: Pick<WorkDeps, 'db' | 'clock'>,
  work: WorkCourse,
  meetingDate: string,
): Promise<MeetingRoll> {
  authorize(work.access, 'recordAttendance');
  const meeting = findMeeting(work.course, meetingDate);
  const { end } = meetingTimes(work.course, meeting);
  const code = generateCheckInCode(() => randomInt(0, 1_000_000) / 1_000_000);
  await upsertRoll(
    deps.db,
    {
      course_id: work.course.id,
      meeting_date: meetingDate,
      opened_by: work.access.viewer!.userId,
      opened_at: deps.clock().toISOString(),
      check_in_code: code,
      code_expires_at: end,
    },
    true,
  );
  return meetingRoll(deps, work, meetingDate);
}

const CHECK_IN_TEXT: Record<CheckInBlocker, string> = {
  'not-enrolled': 'Only enrolled students check in.',
  'no-code': 'Check-in is not open for this class.',
  'not-open': 'Check-in opens when the class starts.',
  expired: 'The class is over; the check-in code has expired. Ask the staff if you were there.',
  'wrong-code': 'That is not the code shown in class; check it and try again.',
};

/** A student enters the code shown in class. */
export async function checkIn(
  deps: Pick<WorkDeps, 'db' | 'clock'>,
  work: WorkCourse,
  meetingDate: string,
  entered: string,
): Promise<{ meetingDate: string; status: 'present' }> {
  authorize(work.access, 'submitWork');
  const meeting = findMeeting(work.course, meetingDate);
  const { start, end } = meetingTimes(work.course, meeting);
  const roll = await findRoll(deps.db, work.course.id, meetingDate);
  const now = deps.clock();
  const blocker = checkInBlocker({
    enrolled: true,
    code: roll?.check_in_code ?? null,
    entered,
    meetingStart: start,
    meetingEnd: end,
    now: now.toISOString(),
  });
  if (blocker)
    throw new DomainError(blocker === 'wrong-code' ? 'invalid_input' : 'conflict', CHECK_IN_TEXT[blocker], {
      reason: blocker,
    });
  const userId = work.access.viewer!.userId;
  const existing = (await listRecords(deps.db, work.course.id, meetingDate, userId))[0];
  // An excuse or a staff mark stays; check-in only ever records presence.
  if (!existing || existing.status === 'absent') {
    await upsertRecord(deps.db, {
      course_id: work.course.id,
      meeting_date: meetingDate,
      user_id: userId,
      status: 'present',
      source: 'check-in',
      marked_by: userId,
      marked_at: now.toISOString(),
      note: null,
    });
  }
  return { meetingDate, status: 'present' };
}

/**
 * A student's attendance: every class whose roll was taken, whether it was theirs to attend
 * (enrolled when it started), and the allowance state over the classes that were.
 */
export async function attendanceOf(
  deps: Pick<WorkDeps, 'db'>,
  work: WorkCourse,
  userId: string,
  now: Date,
  periods?: CoursePeriods,
): Promise<{ records: Array<AttendanceRecord & { obligation: Obligation }>; allowance: AllowanceState }> {
  const person = personPeriods(periods ?? (await loadCoursePeriods(deps.db, work.course.id)), userId);
  const rolls = await listRolls(deps.db, work.course.id);
  const marks = new Map(
    (await listRecords(deps.db, work.course.id, undefined, userId)).map((r) => [r.meeting_date, r.status]),
  );
  const records: Array<AttendanceRecord & { obligation: Obligation }> = [];
  for (const roll of rolls) {
    const meeting = work.course.meetings.find((m) => m.date === roll.meeting_date);
    if (!meeting) continue;
    const { start, end } = meetingTimes(work.course, meeting);
    records.push({
      meetingDate: roll.meeting_date,
      meetingEnd: end,
      rollTaken: true,
      status: marks.get(roll.meeting_date) ?? null,
      // A class that started before the student joined (or while dropped) was not theirs to attend.
      obligation: obligationFor(person, start),
    });
  }
  return {
    records,
    allowance: absences(
      records.filter((r) => r.obligation === 'owed'),
      now.toISOString(),
    ),
  };
}
