// `seminar demo` (what `npm start` runs): migrate, import the demo course shifted so today falls in its semester, serve.
import { plural } from '../contracts/words.js';
import type { Command } from 'commander';
import type { Seminar } from '../main.js';
import type { ImportSyllabusResult } from '../services/import-syllabus.js';
import { demoAccountsStep } from './setup.js';
import { demoGroupsStep } from './assign.js';

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
export const demoSteps: Array<(seminar: Seminar, ctx: DemoContext) => Promise<void>> = [
  demoAccountsStep,
  demoGroupsStep,
  async (seminar, ctx) => {
    const { seedTalkSlots } = await import('../services/demo/seed-slots.js');
    const slots = await seedTalkSlots({ db: seminar.db }, ctx.course.stored.slug);
    ctx.say(
      slots.placed > 0
        ? `Demo presentation days: ${plural(slots.placed, 'group')} placed${slots.published ? ' and published' : ''}.`
        : 'Demo presentation days are in place.',
    );
  },
  async (seminar, ctx) => {
    const { seedWork } = await import('../services/demo/seed-work.js');
    const { blobStorageFor } = await import('../files/stores.js');
    ctx.say(
      `Demo hand-ins: ${JSON.stringify(await seedWork({ db: seminar.db, files: blobStorageFor(seminar.config) }, 'cs598-genai-f24', ctx.now))}`,
    );
  },
  async (seminar, ctx) => {
    const { seedComments } = await import('../services/demo/seed-comments.js');
    ctx.say(
      `Demo summary comments: ${JSON.stringify(await seedComments(seminar.db, 'cs598-genai-f24', ctx.now))}`,
    );
  },
  async (seminar, ctx) => {
    const { seedGrades } = await import('../services/demo/seed-grades.js');
    ctx.say(`Demo grades: ${JSON.stringify(await seedGrades(seminar.db, ctx.course.stored.slug, ctx.now))}`);
  },
  async (seminar, ctx) => {
    const { seedDiscussions } = await import('../services/demo/seed-discussions.js');
    ctx.say(
      `Demo discussions: ${JSON.stringify(await seedDiscussions(seminar.db, ctx.course.stored.slug, ctx.now))}`,
    );
  },
  async (seminar, ctx) => {
    const { seedAnnouncement } = await import('../services/demo/seed-announcement.js');
    if (await seedAnnouncement(seminar.db, ctx.course.stored.slug, ctx.now))
      ctx.say('Demo announcement posted.');
  },
];

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'import the demo course (CS 598, shifted so today falls in the semester) into $DATA_DIR and serve it',
    )
    .action(async () => {
      // Loaded here so that other commands start without the server's modules.
      const { loadConfig } = await import('../config.js');
      const { createSeminar, listenSeminar } = await import('../main.js');
      const { importDemoCourse, demoShiftDate, DEMO_SLUG, DEMO_SYLLABUS_PATH } =
        await import('../services/demo-course.js');
      const { printWarnings } = await import('./import.js');
      const { closeOnSignals } = await import('./serve.js');
      const config = loadConfig();
      const seminar = await createSeminar(config, { logLevel: config.logLevel, scheduler: {} });
      try {
        const now = new Date();
        const course = await importDemoCourse({ db: seminar.db }, now);
        printWarnings(DEMO_SYLLABUS_PATH, course.warnings);
        const say = (line: string) => process.stdout.write(`${line}\n`);
        say(
          `${course.created ? 'Imported' : 'Updated'} the demo course ${DEMO_SLUG}: first class ${demoShiftDate(now)}.`,
        );
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
