// Saves one browser edit of a course: the rows (ids kept), what hangs on moved classes, the audit entry, in one transaction.
import { monotonicFactory, ulid } from 'ulid';
import { EditRefused } from '../../domain/course-edits.js';
import { toCourseModel, type StoredCourse } from '../../domain/stored-course.js';
import type { Db } from '../../storage/db.js';
import { insertCourseEdit } from '../../storage/repositories/course-edits.js';
import { loadCourse } from '../../storage/repositories/course-reader.js';
import { saveCourse } from '../../storage/repositories/course-writer.js';
import { auditStaffAction } from '../assignment/audit-staff.js';
import { resyncCourseWork } from '../course-work-resync.js';
import { authorize, type CourseAccess } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import { nowOf, type ServiceDeps } from '../deps.js';

/** Edits saved in the same millisecond (a fixed clock) still list in the order they were made. */
const editId = monotonicFactory();

export interface CourseChange {
  course: StoredCourse;
  /** What was done, as the audit log and the editor say it: "moved the class “X” from Mon, Sep 9 to …". */
  summary: string;
}

/** The refusal of a domain edit as the error the API answers. */
export function refusal(error: unknown): unknown {
  if (!(error instanceof EditRefused)) return error;
  const code =
    error.reason === 'no-meeting'
      ? 'not_found'
      : error.reason === 'date-taken'
        ? 'conflict'
        : 'invalid_input';
  return new DomainError(code, error.message, { reason: error.reason });
}

/**
 * Applies `change` to the course as stored and writes it back (staff only). The version check refuses
 * an edit made on a course someone else changed meanwhile; `alsoInTrx` writes more in the same commit.
 */
export async function saveEdit(
  deps: ServiceDeps,
  access: CourseAccess,
  change: (course: StoredCourse, newId: () => string) => CourseChange,
  alsoInTrx?: (trx: Db, before: StoredCourse) => Promise<void>,
): Promise<{ course: StoredCourse; summary: string }> {
  authorize(access, 'manageCourse');
  const before = await loadCourse(deps.db, access.course.slug);
  if (!before) throw new DomainError('not_found', 'This course is gone.');
  let edited: CourseChange;
  try {
    edited = change(before, ulid);
  } catch (error) {
    throw refusal(error);
  }
  const now = nowOf(deps);
  const model = toCourseModel(edited.course);
  await saveCourse(
    deps.db,
    before.slug,
    model,
    now.toISOString(),
    async (trx, saved) => {
      if (saved.version !== before.version + 1)
        throw new DomainError('conflict', 'Someone else changed the course meanwhile: reload and try again.');
      await resyncCourseWork(trx, saved, before, model, now.toISOString());
      if (alsoInTrx) await alsoInTrx(trx, before);
      await auditStaffAction(trx, now, access, 'course-edited', before.slug, { summary: edited.summary });
      await insertCourseEdit(trx, {
        id: editId(now.getTime()),
        course_id: before.id,
        actor_id: access.viewer?.userId ?? null,
        summary: edited.summary,
        created_at: now.toISOString(),
        replaced_at: null,
      });
    },
    {
      meetings: edited.course.meetings.map((m) => m.id),
      readings: edited.course.meetings.map((m) => m.readings.map((r) => r.id)),
    },
  );
  const after = await loadCourse(deps.db, before.slug);
  if (!after) throw new DomainError('not_found', 'This course is gone.');
  return { course: after, summary: edited.summary };
}
