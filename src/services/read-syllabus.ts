// Use case without storage: parse a Markdown syllabus and optionally move its schedule (what `import --json` prints).
import { DateTime } from 'luxon';
import type { CourseModel } from '../domain/course.js';
import { parseBaseUrl, parseSyllabus, shiftCourse, type SyllabusWarning } from '../syllabus/index.js';
import { DomainError } from './errors.js';

export interface ImportSyllabusInput {
  source: string | Uint8Array;
  slug: string;
  /** IANA zone the course runs in (deadlines in the text are read in it). */
  timeZone: string;
  /** The user chose the zone: a zone the syllabus states does not replace it. */
  timeZoneFixed?: boolean;
  /** Year to use when neither the dates nor the term give one. */
  year?: number;
  /** First day of classes (YYYY-MM-DD), for schedules written by weeks. */
  start?: string;
  /** Move the schedule so that the first meeting falls on this local date (YYYY-MM-DD), keeping weekdays. */
  shiftTo?: string;
  /** The course repository's folder (http or https): the syllabus's relative links resolve against it. */
  baseUrl?: string;
}

export interface ReadSyllabusResult {
  course: CourseModel;
  warnings: SyllabusWarning[];
}

/** Parses (and shifts) without storing: what `seminar import --json` prints. Throws invalid_syllabus / invalid_input. */
export function readSyllabus(input: Omit<ImportSyllabusInput, 'slug'>): ReadSyllabusResult {
  if (!isZone(input.timeZone)) {
    throw new DomainError(
      'invalid_input',
      `"${input.timeZone}" is not an IANA time zone (e.g. America/Chicago).`,
    );
  }
  if (input.start !== undefined && !isLocalDate(input.start)) {
    throw new DomainError('invalid_input', `--start wants a date as YYYY-MM-DD, not "${input.start}".`);
  }
  if (input.shiftTo !== undefined && !isLocalDate(input.shiftTo)) {
    throw new DomainError('invalid_input', `--shift-to wants a date as YYYY-MM-DD, not "${input.shiftTo}".`);
  }
  const baseUrl = input.baseUrl === undefined ? undefined : parseBaseUrl(input.baseUrl);
  if (baseUrl === null) {
    throw new DomainError(
      'invalid_input',
      `The base URL (--base-url) must be the http(s) address of the folder that holds the syllabus, not "${String(input.baseUrl).slice(0, 200)}".`,
    );
  }
  const parsed = parseSyllabus(input.source, {
    timeZone: input.timeZone,
    ...(input.timeZoneFixed ? { timeZoneFixed: true } : {}),
    ...(input.year !== undefined ? { year: input.year } : {}),
    ...(input.start !== undefined ? { start: input.start } : {}),
    ...(baseUrl ? { baseUrl } : {}),
  });
  if (!parsed.ok) {
    throw new DomainError('invalid_syllabus', parsed.error.message, { reason: parsed.error.code });
  }
  if (input.shiftTo === undefined) return { course: parsed.course, warnings: parsed.warnings };
  const shifted = shiftCourse(parsed.course, input.shiftTo);
  // Shift warnings concern the whole schedule, not a line of the file: line 0.
  return {
    course: shifted.course,
    warnings: [...parsed.warnings, ...shifted.warnings.map((message) => ({ line: 0, message }))],
  };
}

function isLocalDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text, { zone: 'UTC' }).isValid;
}

function isZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}
