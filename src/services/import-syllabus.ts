// Use case: read a Markdown syllabus, optionally move its schedule, and store it under a slug in one transaction.
import type { CourseModel } from '../domain/course.js';
import { toCourseModel, type StoredCourse } from '../domain/stored-course.js';
import { saveCourse, type SaveCourseResult } from '../storage/repositories/course-writer.js';
import { loadCourse } from '../storage/repositories/course-reader.js';
import { takeOpenCourseEdits, type CourseEditRow } from '../storage/repositories/course-edits.js';
import { resyncCourseWork, type CourseWorkResync } from './course-work-resync.js';
import { DomainError, assertSlug } from './errors.js';
import {
  refusalError,
  reviewSyllabus,
  type ImportSyllabusInput,
  type ReadSyllabusResult,
} from './read-syllabus.js';
import { nowOf, type ServiceDeps } from './deps.js';
import type { FixOutcome, SyllabusFix } from '../syllabus/index.js';
import { loadSyllabusFixes, saveSyllabusFixes } from '../storage/repositories/syllabus-fixes.js';

export { readSyllabus, type ImportSyllabusInput, type ReadSyllabusResult } from './read-syllabus.js';

export interface ImportSyllabusResult extends ReadSyllabusResult {
  /** The course as stored, with its ids. */
  stored: StoredCourse;
  /** True when the slug was new; false when an existing course was updated in place. */
  created: boolean;
  /** What followed the schedule: hand-in rows moved or removed, deliverables merged. */
  resync: CourseWorkResync;
  /** What became of each fix (given, or stored with the course by an earlier review). */
  fixes: FixOutcome[];
}

export interface ImportWithFixes extends ImportSyllabusInput {
  /** Staff's fixes from the review; when absent, those stored with the course are re-applied. */
  fixes?: readonly SyllabusFix[];
  /** Store the course even when the importer refused it (its header, staff and policies, no classes). */
  acceptPartial?: boolean;
}

/**
 * A refused syllabus saved as read (acceptPartial) has no schedule: an existing course keeps its classes, units and
 * milestones, with the pattern and zone their times come from, rather than losing them with their roles, talk slots
 * and attendance. What was read replaces the rest.
 */
function keepStoredSchedule(partial: CourseModel, before: StoredCourse | null): CourseModel {
  if (!before) return partial;
  const stored = toCourseModel(before);
  return {
    ...partial,
    // The classes' hours come from the meeting pattern and their instants from the zone: both stay with them.
    timeZone: stored.timeZone,
    pattern: stored.pattern,
    // A refused syllabus has no dated class (that is why it was refused): the classes are the stored ones.
    meetings: stored.meetings,
    units: partial.units.length > 0 ? partial.units : stored.units,
    milestones: partial.milestones.length > 0 ? partial.milestones : stored.milestones,
  };
}

/** Another import of the same slug committed between our read of the course and our write. */
class CourseMovedOn extends Error {}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Parses and stores; a file that is not a syllabus stores nothing. Re-importing a slug updates
 * it in place, and in the same transaction moves the hand-ins, extensions and attendance of
 * meetings that moved to their new dates and merges the deliverables (staff edits kept).
 */
export async function importSyllabus(
  deps: ServiceDeps,
  input: ImportWithFixes,
): Promise<ImportSyllabusResult> {
  assertSlug(input.slug);
  const fixes = input.fixes ?? (await loadSyllabusFixes(deps.db, input.slug));
  const review = reviewSyllabus({ ...input, fixes });
  if (!review.ok && !input.acceptPartial) throw refusalError(review);
  const { course } = review;
  // A refused syllabus saved as read leaves the fixes as they were: they belong to the schedule, which the course
  // keeps (keepStoredSchedule). Otherwise fixes that no longer apply are said, and not kept: the syllabus changed under them.
  const outcomes: FixOutcome[] = review.ok
    ? review.outcomes
    : (await loadSyllabusFixes(deps.db, input.slug)).map((fix) => ({
        fix,
        applied: true,
        message: 'Kept with the classes the course keeps.',
      }));
  const skipped = outcomes.filter((o) => !o.applied);
  const warnings = [
    ...review.warnings,
    ...skipped.map((o) => ({ line: 0, message: `${o.message} It is no longer kept.` })),
  ];
  const kept = outcomes.filter((o) => o.applied).map((o) => o.fix);
  const now = nowOf(deps).toISOString();
  let saved: SaveCourseResult | null = null;
  let resync: CourseWorkResync | null = null;
  let replacedEdits: CourseEditRow[] = [];
  // What was stored: the course read, or (a partial one) with the schedule the course already had.
  let savedCourse: CourseModel = course;
  for (let attempt = 1; !saved; attempt++) {
    // The merge compares with the course as stored before; the write checks it is still that one.
    const before = await loadCourse(deps.db, input.slug);
    const toSave = review.ok ? course : keepStoredSchedule(course, before);
    try {
      saved = await saveCourse(deps.db, input.slug, toSave, now, async (trx, result) => {
        if (before ? result.created || result.version !== before.version + 1 : !result.created)
          throw new CourseMovedOn();
        resync = await resyncCourseWork(trx, result, before, toSave, now);
        if (review.ok) await saveSyllabusFixes(trx, result.courseId, kept, now);
        replacedEdits = result.created ? [] : await takeOpenCourseEdits(trx, result.courseId, now);
      });
      savedCourse = toSave;
    } catch (error) {
      if (!(error instanceof CourseMovedOn) || attempt >= 5) {
        if (error instanceof CourseMovedOn)
          throw new DomainError(
            'conflict',
            `Course "${input.slug}" is being imported by someone else; try again.`,
          );
        throw error;
      }
    }
  }
  const stored = await loadCourse(deps.db, input.slug);
  if (!review.ok && stored && stored.meetings.length > 0)
    warnings.push({
      line: 0,
      message: `No schedule was read, so the course keeps its ${plural(stored.meetings.length, 'class', 'classes')} as they were; the title, staff and policies read were saved.`,
    });
  if (!stored)
    throw new DomainError('not_found', `Course "${input.slug}" vanished right after it was stored.`);
  const done = resync as CourseWorkResync | null;
  const result = done ?? {
    movedRows: 0,
    removedDays: [],
    strayDays: [],
    changedDeliverables: [],
    addedDeliverables: [],
    orphanedDeliverables: [],
  };
  // Meetings that disappeared take their roles, talk slots and hand-ins along: say so.
  const removed = saved.removedMeetingDates.map((date) => {
    const day = result.removedDays.find((d) => d.date === date);
    const held = day
      ? [
          day.extensions > 0 ? plural(day.extensions, 'extension', 'extensions') : null,
          day.attendance > 0 ? `the attendance of ${plural(day.attendance, 'student', 'students')}` : null,
        ].filter((x): x is string => x !== null)
      : [];
    const kept =
      day && day.handIns > 0
        ? ` Its ${plural(day.handIns, 'hand-in is', 'hand-ins are')} kept, set aside as "${date}@removed": staff download them with the deliverable's zip.`
        : '';
    return {
      line: 0,
      message:
        (held.length > 0
          ? `The meeting of ${date} is no longer in the schedule: it was removed with what was attached to it (roles, talk slots, ${held.join(', ')}).`
          : `The meeting of ${date} is no longer in the schedule: it was removed with what was attached to it.`) +
        kept,
    };
  });
  const strays = result.strayDays.map((day) => ({
    line: 0,
    message: `The attendance of ${day.date}, left by a class removed earlier, was cleared and its ${plural(day.handIns, 'hand-in was', 'hand-ins were')} set aside (kept, in the deliverable's zip): a class now falls on that day.`,
  }));
  const orphaned = result.orphanedDeliverables.map((key) => ({
    line: 0,
    message: `The deliverable "${key}" no longer follows from the syllabus: it stays, with its hand-ins; close or edit it if it is gone for good.`,
  }));
  // Edits made in the browser since the last import: the syllabus replaced them; say which.
  const overwritten = replacedEdits.map((e) => ({
    line: 0,
    message: `This import replaced an edit made in the browser: ${e.summary}. Make it again, or put it in the syllabus.`,
  }));
  return {
    course: savedCourse,
    warnings: [...warnings, ...removed, ...strays, ...orphaned, ...overwritten],
    stored,
    created: saved.created,
    resync: result,
    fixes: outcomes,
  };
}
