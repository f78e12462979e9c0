// Use case: read a Markdown syllabus, optionally move its schedule, and store it under a slug in one transaction.
import type { StoredCourse } from '../domain/stored-course.js';
import { saveCourse } from '../storage/repositories/course-writer.js';
import { loadCourse } from '../storage/repositories/course-reader.js';
import { DomainError, assertSlug } from './errors.js';
import { readSyllabus, type ImportSyllabusInput, type ReadSyllabusResult } from './read-syllabus.js';
import { nowOf, type ServiceDeps } from './deps.js';

export { readSyllabus, type ImportSyllabusInput, type ReadSyllabusResult } from './read-syllabus.js';

export interface ImportSyllabusResult extends ReadSyllabusResult {
  /** The course as stored, with its ids. */
  stored: StoredCourse;
  /** True when the slug was new; false when an existing course was updated in place. */
  created: boolean;
}

/** Parses and stores; a file that is not a syllabus stores nothing. Re-importing a slug updates it in place. */
export async function importSyllabus(
  deps: ServiceDeps,
  input: ImportSyllabusInput,
): Promise<ImportSyllabusResult> {
  assertSlug(input.slug);
  const { course, warnings } = readSyllabus(input);
  const now = nowOf(deps).toISOString();
  const saved = await saveCourse(deps.db, input.slug, course, now);
  const stored = await loadCourse(deps.db, input.slug);
  if (!stored)
    throw new DomainError('not_found', `Course "${input.slug}" vanished right after it was stored.`);
  // Meetings that disappeared take their roles and hand-ins along: say so.
  const removed = saved.removedMeetingDates.map((date) => ({
    line: 0,
    message: `The meeting of ${date} is no longer in the schedule: it was removed with what was attached to it.`,
  }));
  return { course, warnings: [...warnings, ...removed], stored, created: saved.created };
}
