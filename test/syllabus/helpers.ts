// Shared helpers of the syllabus tests: reading fixtures and parsing them in the course's zone.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSyllabus } from '../../src/syllabus/index.js';
import type { CourseModel } from '../../src/domain/course.js';
import type { SyllabusWarning } from '../../src/syllabus/index.js';

export const ZONE = 'America/Chicago';

/** The warning of a syllabus that names no time zone, read in ZONE. */
export const NO_ZONE = {
  line: 1,
  message: 'The syllabus names no time zone; the course default America/Chicago is used.',
};

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../fixtures/syllabi/${name}`, import.meta.url));
}

export const DEMO_PATH = fileURLToPath(new URL('../../examples/cs598-genai-f24.md', import.meta.url));

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

export function parseOk(
  text: string | Uint8Array,
  year?: number,
): { course: CourseModel; warnings: SyllabusWarning[] } {
  const r = parseSyllabus(text, year === undefined ? { timeZone: ZONE } : { timeZone: ZONE, year });
  if (!r.ok) throw new Error(`expected a syllabus, got ${r.error.code}: ${r.error.message}`);
  return { course: r.course, warnings: r.warnings };
}

export function meetingOn(course: CourseModel, date: string) {
  const m = course.meetings.find((x) => x.date === date);
  if (!m) throw new Error(`no meeting on ${date}`);
  return m;
}
