// Use case: import (or refresh in place) the demo course, shifted so that the given day falls mid-semester.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { importSyllabus, type ImportSyllabusResult } from './import-syllabus.js';
import { nowOf, type ServiceDeps } from './deps.js';

export const DEMO_SLUG = 'cs598-genai-f24';
export const DEMO_SYLLABUS_PATH = fileURLToPath(
  new URL('../../examples/cs598-genai-f24.md', import.meta.url),
);
export const DEMO_TIME_ZONE = 'America/Chicago';

/**
 * The first meeting of the shifted demo: the Monday six weeks before `today` (in the course
 * zone), so the semester is under way with past and upcoming deadlines.
 */
export function demoShiftDate(today: Date, timeZone: string = DEMO_TIME_ZONE): string {
  return DateTime.fromJSDate(today).setZone(timeZone).startOf('week').minus({ weeks: 6 }).toISODate()!;
}

/**
 * Imports the demo course around `today` (defaults to the deps' clock). Re-running updates it in
 * place; on a later day the whole schedule moves and meeting ids stay.
 */
export async function importDemoCourse(
  deps: ServiceDeps,
  today: Date = nowOf(deps),
): Promise<ImportSyllabusResult> {
  return importSyllabus(deps, {
    source: readFileSync(DEMO_SYLLABUS_PATH),
    slug: DEMO_SLUG,
    timeZone: DEMO_TIME_ZONE,
    shiftTo: demoShiftDate(today),
  });
}
