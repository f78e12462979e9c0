// Use case without storage: parse a Markdown syllabus and optionally move its schedule (what `import --json` prints).
import { DateTime } from 'luxon';
import type { CourseModel } from '../domain/course.js';
import {
  applyFixes,
  decodeInput,
  parseBaseUrl,
  parseSyllabus,
  settingsOf,
  shiftCourse,
  sourceLines,
  type FixOutcome,
  type SourceLines,
  type SyllabusFix,
  type SyllabusWarning,
} from '../syllabus/index.js';
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
  const review = reviewSyllabus({ ...input, fixes: [] });
  if (!review.ok) throw refusalError(review);
  return { course: review.course, warnings: review.warnings };
}

export interface SyllabusReview {
  /** False when the importer refused (no dated class): `course` is then the partial course (header, staff, policies). */
  ok: boolean;
  refusal: string | null;
  course: CourseModel;
  warnings: SyllabusWarning[];
  /** The source as lines, and where each item of `course` was read. */
  source: string[];
  lines: SourceLines;
  /** What became of each fix. */
  outcomes: FixOutcome[];
}

/** The invalid_syllabus error of a refusal; details carry a summary of what was read anyway. */
export function refusalError(review: SyllabusReview): DomainError {
  const c = review.course;
  return new DomainError(
    'invalid_syllabus',
    review.refusal ?? 'The file could not be read as a course syllabus.',
    {
      reason: 'not_a_syllabus',
      partial: { title: c.title, staff: c.staff.length, policies: c.policies.length },
    },
  );
}

/**
 * Reads a syllabus and re-applies staff's fixes (the settings among them are read options), then
 * shifts it. A refused file with a partial course is returned with ok false; one that cannot be
 * read at all (empty, binary, too large) throws invalid_syllabus.
 */
export function reviewSyllabus(
  input: Omit<ImportSyllabusInput, 'slug'> & { fixes: readonly SyllabusFix[] },
): SyllabusReview {
  const settings = settingsOf(input.fixes);
  const timeZone = input.timeZoneFixed ? input.timeZone : (settings.timeZone ?? input.timeZone);
  const year = input.year ?? settings.year;
  const start = input.start ?? settings.start;
  if (!isZone(timeZone)) {
    throw new DomainError('invalid_input', `"${timeZone}" is not an IANA time zone (e.g. America/Chicago).`);
  }
  if (start !== undefined && !isLocalDate(start)) {
    throw new DomainError('invalid_input', `--start wants a date as YYYY-MM-DD, not "${start}".`);
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
    timeZone,
    ...(input.timeZoneFixed || settings.timeZone !== undefined ? { timeZoneFixed: true } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(start !== undefined ? { start } : {}),
    ...(baseUrl ? { baseUrl } : {}),
  });
  const read = parsed.ok ? parsed : parsed.partial;
  if (!read) {
    throw new DomainError('invalid_syllabus', parsed.ok ? '' : parsed.error.message, {
      reason: parsed.ok ? 'not_a_syllabus' : parsed.error.code,
    });
  }
  const decoded = decodeInput(input.source);
  const source = decoded.ok ? decoded.lines : [];
  const meetingLines = (parsed.ok ? (parsed.meetingLines ?? []) : []).map((l) => [l]);
  const fixed = applyFixes(read.course, meetingLines, input.fixes);
  const refusal = parsed.ok ? null : parsed.error.message;
  const base = { ok: parsed.ok, refusal, source, outcomes: fixed.outcomes };
  if (input.shiftTo === undefined || !parsed.ok) {
    const lines = sourceLines(fixed.course, source, fixed.meetingLines);
    return { ...base, course: fixed.course, warnings: read.warnings, lines };
  }
  const shifted = shiftCourse(fixed.course, input.shiftTo);
  // Shift warnings concern the whole schedule, not a line of the file: line 0.
  return {
    ...base,
    course: shifted.course,
    warnings: [...read.warnings, ...shifted.warnings.map((message) => ({ line: 0, message }))],
    lines: sourceLines(shifted.course, source, fixed.meetingLines),
  };
}

function isLocalDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text, { zone: 'UTC' }).isValid;
}

function isZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}
