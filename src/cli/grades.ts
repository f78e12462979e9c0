// `seminar grades SLUG [--format canvas|csv|json | --json] [--out FILE] [--at INSTANT]`: the course's grades, as the download gives them.
import { writeFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { DomainError } from '../services/errors.js';
import { parseSlug } from './options.js';

interface GradesOptions {
  format?: 'canvas' | 'csv' | 'json';
  json?: boolean;
  out?: string;
  at?: string;
}

function parseFormat(value: string): 'canvas' | 'csv' | 'json' {
  if (value === 'canvas' || value === 'csv' || value === 'json') return value;
  throw new InvalidArgumentError('expected canvas (the Canvas gradebook import), csv or json.');
}

/** An ISO-8601 instant with an offset; anything else is refused (a local time would be ambiguous). */
function parseInstant(value: string, option: string): Date {
  const at = /(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime()))
    throw new DomainError(
      'invalid_input',
      `${option} takes an ISO-8601 instant with an offset, e.g. 2024-11-10T12:00:00-06:00.`,
    );
  return at;
}

export function registerGrades(program: Command): void {
  program
    .command('grades')
    .description(
      "write a course's grades: the Canvas gradebook import CSV, a plain CSV with category and final columns, or JSON",
    )
    .argument('<slug>', 'the course, e.g. cs598-genai-f24', parseSlug)
    .option('--format <format>', 'canvas, csv (default) or json', parseFormat)
    .option('--json', 'the same as --format json')
    .option('--out <file>', 'write to this file instead of stdout')
    .option(
      '--at <instant>',
      'grade as at this ISO-8601 instant with offset (default now): missing work counts 0 only after its deadline',
    )
    .action(async (slug: string, opts: GradesOptions) => {
      if (opts.json && opts.format !== undefined && opts.format !== 'json')
        throw new DomainError('invalid_input', `--json and --format ${opts.format} ask for different files.`);
      const format = opts.json ? 'json' : (opts.format ?? 'csv');
      const at = opts.at === undefined ? new Date() : parseInstant(opts.at, '--at');
      // Loaded here so that other commands start without the storage modules.
      const { loadConfig } = await import('../config.js');
      const { createDb } = await import('../storage/db.js');
      const { migrateToLatest } = await import('../storage/migrate.js');
      const { loadWorkCourse } = await import('../services/work/context.js');
      const { exportGrades } = await import('../services/grades/export-grades.js');
      const config = loadConfig();
      const db = createDb(config.database);
      try {
        await migrateToLatest(db);
        const deps = { db, clock: () => at };
        // The CLI runs with the operator's authority (whoever can run it can read the database).
        const work = await loadWorkCourse(deps, slug, { userId: 'cli', isAdmin: true });
        const file = await exportGrades(deps, work, format);
        if (opts.out) {
          writeFileSync(opts.out, file.body);
          process.stderr.write(`wrote ${opts.out}\n`);
        } else {
          process.stdout.write(file.body);
        }
      } finally {
        await db.destroy();
      }
    });
}
