// `seminar demo` (what `npm start` runs): migrate, import the demo course shifted so today falls in its semester, serve.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { loadConfig } from '../config.js';
import { createSeminar, listenSeminar, type Seminar } from '../main.js';
import { importSyllabus, type ImportSyllabusResult } from '../services/import-syllabus.js';
import { printWarnings } from './import.js';
import { closeOnSignals } from './serve.js';
import { demoAccountsStep } from './setup.js';

export const DEMO_SLUG = 'cs598-genai-f24';
export const DEMO_SYLLABUS_PATH = fileURLToPath(new URL('../../examples/cs598-genai-f24.md', import.meta.url));
export const DEMO_TIME_ZONE = 'America/Chicago';

/**
 * The first meeting of the shifted demo: the Monday six weeks before `today` (in the course
 * zone), so the semester is under way with past and upcoming deadlines.
 */
export function demoShiftDate(today: Date, timeZone: string = DEMO_TIME_ZONE): string {
  return DateTime.fromJSDate(today).setZone(timeZone).startOf('week').minus({ weeks: 6 }).toISODate()!;
}

/** Imports (or updates in place) the demo course shifted around `now`. Re-running never duplicates it. */
export async function importDemoCourse(seminar: Pick<Seminar, 'db'>, now: Date, clock?: () => Date): Promise<ImportSyllabusResult> {
  return importSyllabus(
    { db: seminar.db, ...(clock ? { clock } : {}) },
    { source: readFileSync(DEMO_SYLLABUS_PATH), slug: DEMO_SLUG, timeZone: DEMO_TIME_ZONE, shiftTo: demoShiftDate(now) },
  );
}

export interface DemoContext {
  now: Date;
  course: ImportSyllabusResult;
  /** Prints one line for the person who ran the demo. */
  say(line: string): void;
}

/**
 * Steps run after the demo course is imported, in order (accounts, groups, past submissions…).
 * Each must be idempotent: `seminar demo` runs them again on every start.
 */
export const demoSteps: Array<(seminar: Seminar, ctx: DemoContext) => Promise<void>> = [demoAccountsStep];

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('import the demo course (CS 598, shifted so today falls in the semester) into $DATA_DIR and serve it')
    .action(async () => {
      const config = loadConfig();
      const seminar = await createSeminar(config, { logLevel: config.logLevel });
      try {
        const now = new Date();
        const course = await importDemoCourse(seminar, now);
        printWarnings(DEMO_SYLLABUS_PATH, course.warnings);
        const say = (line: string) => process.stdout.write(`${line}\n`);
        say(`${course.created ? 'Imported' : 'Updated'} the demo course ${DEMO_SLUG}: first class ${demoShiftDate(now)}.`);
        for (const step of demoSteps) await step(seminar, { now, course, say });
      } catch (error) {
        await seminar.close();
        throw error;
      }
      const running = await listenSeminar(seminar);
      process.stdout.write(`Seminar is running at ${running.url}/courses/${DEMO_SLUG}\n`);
      closeOnSignals(running);
    });
}
