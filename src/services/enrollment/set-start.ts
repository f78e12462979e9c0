// Staff set a student's effective start date: their obligations begin at 00:00 of that date in the course's zone.
import { DateTime } from 'luxon';
import { DueRuleError } from '../../domain/due.js';
import { periodStartBlocker, startOfLocalDate, type PeriodStartBlocker } from '../../domain/obligations.js';
import type { Db } from '../../storage/db.js';
import { findEnrollment } from '../../storage/repositories/enrollments.js';
import {
  findCourseZone,
  listEnrollmentPeriods,
  setEnrollmentPeriodStart,
} from '../../storage/repositories/periods.js';
import { findUserById } from '../../storage/repositories/users.js';
import type { Account } from '../auth/users.js';
import { recordAudit } from '../audit/record-audit.js';
import type { RequestMeta } from '../auth/context.js';
import { DomainError } from '../errors.js';
import { authorize, type CourseAccess } from './course-access.js';

export interface EnrollmentStart {
  userId: string;
  /** The local date in the course's zone. */
  startsOn: string;
  /** 00:00 of that date in the course's zone, as a UTC instant. */
  startsAt: string;
  timeZone: string;
}

/** The local date (course zone) an instant falls on. */
export function localDateOf(instant: string, timeZone: string): string {
  return DateTime.fromISO(instant, { zone: 'utc' }).setZone(timeZone).toISODate()!;
}

const BLOCKER_TEXT: Record<PeriodStartBlocker, string> = {
  'after-end': 'This student was dropped on or before that date: choose a date before the drop.',
  'overlaps-earlier':
    'That date falls inside this student’s earlier enrollment: choose a date after they were dropped.',
  'no-period': 'This person has no enrollment to start.',
};

/**
 * Moves the start of the student's current (latest) enrollment period to 00:00 of `date` in the
 * course's zone: work due before it becomes "before you joined" and costs no allowance; an
 * earlier date makes earlier work theirs. Earlier periods (before a drop) stay as they were.
 */
export async function setEnrollmentStart(
  db: Db,
  now: Date,
  access: CourseAccess,
  actor: Account,
  userId: string,
  date: string,
  meta: RequestMeta,
): Promise<EnrollmentStart> {
  authorize(access, 'manageRoster');
  const enrollment = await findEnrollment(db, access.course.id, userId);
  const user = enrollment ? await findUserById(db, userId) : undefined;
  if (!enrollment || !user) throw new DomainError('not_found', 'That person is not on this course roster.');
  if (enrollment.role !== 'student')
    throw new DomainError('conflict', 'Only students have work due; staff have no start date.', {
      reason: 'not-a-student',
    });
  const timeZone = (await findCourseZone(db, access.course.id)) ?? 'UTC';
  let startsAt: string;
  try {
    startsAt = startOfLocalDate(date, timeZone);
  } catch (e) {
    if (e instanceof DueRuleError)
      throw new DomainError('invalid_input', `"${date.slice(0, 20)}" is not a date: use YYYY-MM-DD.`, {
        field: 'date',
      });
    throw e;
  }
  if (localDateOf(startsAt, timeZone) !== date)
    throw new DomainError('invalid_input', `"${date}" is not a date on the calendar: use YYYY-MM-DD.`, {
      field: 'date',
    });
  const periods = await listEnrollmentPeriods(db, access.course.id, userId);
  const blocker = periodStartBlocker(
    periods.map((p) => ({ from: p.starts_at, until: p.ends_at })),
    startsAt,
  );
  if (blocker) throw new DomainError('conflict', BLOCKER_TEXT[blocker], { reason: blocker, field: 'date' });
  const latest = periods.at(-1)!;
  if (latest.starts_at !== startsAt) {
    await setEnrollmentPeriodStart(db, latest.id, startsAt, actor.id);
    await recordAudit(db, now, {
      actor: { id: actor.id, email: actor.email },
      courseId: access.course.id,
      action: 'enrollment-start-set',
      target: user.email,
      details: { from: localDateOf(latest.starts_at, timeZone), to: date, timeZone },
      ...meta,
    });
  }
  return { userId, startsOn: date, startsAt, timeZone };
}
