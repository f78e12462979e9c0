// Use case: read a Markdown syllabus, optionally move its schedule, and store it under a slug in one transaction.
import { DateTime } from 'luxon';
import type { CourseModel } from '../domain/course.js';
import type { StoredCourse } from '../domain/stored-course.js';
import { parseSyllabus, shiftCourse, type SyllabusWarning } from '../syllabus/index.js';
import { saveCourse } from '../storage/repositories/course-writer.js';
import { loadCourse } from '../storage/repositories/course-reader.js';
import { DomainError, assertSlug } from './errors.js';
import { nowOf, type ServiceDeps } from './deps.js';

export interface ImportSyllabusInput {
  source: string | Uint8Array;
  slug: string;
  /** IANA zone the course runs in (deadlines in the text are read in it). */
  timeZone: string;
  /** Year to use when neither the dates nor the term give one. */
  year?: number;
  /** Move the schedule so that the first meeting falls on this local date (YYYY-MM-DD), keeping weekdays. */
  shiftTo?: string;
}

export interface ReadSyllabusResult {
  course: CourseModel;
  warnings: SyllabusWarning[];
}

export interface ImportSyllabusResult extends ReadSyllabusResult {
  /** The course as stored, with its ids. */
  stored: StoredCourse;
  /** True when the slug was new; false when an existing course was updated in place. */
  created: boolean;
}

/** Parses (and shifts) without storing: what `seminar import --json` prints. Throws invalid_syllabus / invalid_input. */
export function readSyllabus(input: Omit<ImportSyllabusInput, 'slug'>): ReadSyllabusResult {
  if (!isZone(input.timeZone)) {
    throw new DomainError('invalid_input', `"${input.timeZone}" is not an IANA time zone (e.g. America/Chicago).`);
  }
  if (input.shiftTo !== undefined && !isLocalDate(input.shiftTo)) {
    throw new DomainError('invalid_input', `--shift-to wants a date as YYYY-MM-DD, not "${input.shiftTo}".`);
  }
  const parsed = parseSyllabus(input.source, { timeZone: input.timeZone, ...(input.year !== undefined ? { year: input.year } : {}) });
  if (!parsed.ok) {
    throw new DomainError('invalid_syllabus', parsed.error.message, { reason: parsed.error.code });
  }
  const course = input.shiftTo !== undefined ? shiftCourse(parsed.course, input.shiftTo) : parsed.course;
  return { course, warnings: parsed.warnings };
}

/** Parses and stores; a file that is not a syllabus stores nothing. Re-importing a slug updates it in place. */
export async function importSyllabus(deps: ServiceDeps, input: ImportSyllabusInput): Promise<ImportSyllabusResult> {
  assertSlug(input.slug);
  const { course, warnings } = readSyllabus(input);
  const now = nowOf(deps).toISOString();
  const saved = await saveCourse(deps.db, input.slug, course, now);
  const stored = await loadCourse(deps.db, input.slug);
  if (!stored) throw new DomainError('not_found', `Course "${input.slug}" vanished right after it was stored.`);
  return { course, warnings, stored, created: saved.created };
}

function isLocalDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text, { zone: 'UTC' }).isValid;
}

function isZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}
