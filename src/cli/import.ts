// `seminar import FILE.md`: print the course model as JSON (--json) or store it under a slug (--course).
import { plural } from '../contracts/words.js';
import { readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { MAX_SYLLABUS_BYTES, type SyllabusWarning } from '../syllabus/types.js';
import { DomainError } from '../services/errors.js';
import type { CourseModel } from '../domain/course.js';
import { parseLocalDate, parseSlug, parseYear } from './options.js';

interface ImportOptions {
  course?: string;
  json?: boolean;
  year?: number;
  start?: string;
  timezone?: string;
  shiftTo?: string;
  baseUrl?: string;
}

/** Reads the file as bytes (the parser detects binary and encodings); refuses > 5 MB before reading it. */
export function readSyllabusFile(file: string): Uint8Array {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) throw new DomainError('not_found', `${file}: no such file.`);
  if (!stat.isFile())
    throw new DomainError('invalid_syllabus', `${file} is not a file.`, { reason: 'not_a_syllabus' });
  if (stat.size > MAX_SYLLABUS_BYTES) {
    throw new DomainError('invalid_syllabus', `${file} is larger than 5 MB; a syllabus is a Markdown file.`, {
      reason: 'too_large',
    });
  }
  return readFileSync(file);
}

export function printWarnings(file: string, warnings: SyllabusWarning[]): void {
  for (const w of warnings)
    process.stderr.write(w.line > 0 ? `${file}:${w.line}: ${w.message}\n` : `${file}: ${w.message}\n`);
}

function counts(course: CourseModel): string {
  const readings = course.meetings.reduce((n, m) => n + m.readings.length, 0);
  return [
    plural(course.meetings.length, 'meeting'),
    plural(readings, 'reading'),
    plural(course.units.length, 'unit'),
    plural(course.components.length, 'grade component'),
    plural(course.milestones.length, 'milestone'),
  ].join(', ');
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description(
      'read a Markdown syllabus: print it as JSON (--json) and/or store it as a course (--course SLUG)',
    )
    .argument('<file>', 'the syllabus, e.g. examples/cs598-genai-f24.md')
    .option('--course <slug>', 'store (or update in place) the course with this slug', parseSlug)
    .option(
      '--json',
      'print {course, warnings} as JSON on stdout; warnings also as file:line: message on stderr',
    )
    .option('--year <year>', 'year for dates that give none', parseYear)
    .option(
      '--start <date>',
      'first day of classes (YYYY-MM-DD), for schedules written by weeks ("Week 3 (Tue)")',
      parseLocalDate,
    )
    .option(
      '--timezone <zone>',
      'IANA time zone of the course (default: the one the syllabus states, else $TIME_ZONE)',
    )
    .option(
      '--shift-to <date>',
      'move the schedule so the first meeting falls on this date (YYYY-MM-DD), keeping weekdays',
      parseLocalDate,
    )
    .option(
      '--base-url <url>',
      'http(s) address of the folder holding the syllabus (the course repository): relative links resolve against it',
    )
    .action(async (file: string, opts: ImportOptions) => {
      try {
        await runImport(file, opts);
      } catch (error) {
        printPartial(file, error);
        throw error;
      }
    });
}

/** A refused syllabus: what was read anyway (header, staff, policies), before the error itself. */
function printPartial(file: string, error: unknown): void {
  if (!(error instanceof DomainError) || error.code !== 'invalid_syllabus') return;
  const partial = (
    error.details as { partial?: { title: string; staff: number; policies: number } } | undefined
  )?.partial;
  if (!partial) return;
  process.stderr.write(
    `${file}: read anyway: ${partial.title}: ${plural(partial.staff, 'staff member')}, ${plural(partial.policies, 'policy section')}, no classes (nothing stored; the import review in the browser can store this partial course)\n`,
  );
}

async function runImport(file: string, opts: ImportOptions): Promise<void> {
  const { loadConfig } = await import('../config.js');
  const { readSyllabus } = await import('../services/read-syllabus.js');
  const config = loadConfig();
  const source = readSyllabusFile(file);
  const input = {
    source,
    timeZone: opts.timezone ?? config.timeZone,
    ...(opts.timezone !== undefined ? { timeZoneFixed: true } : {}),
    ...(opts.year !== undefined ? { year: opts.year } : {}),
    ...(opts.start !== undefined ? { start: opts.start } : {}),
    ...(opts.shiftTo !== undefined ? { shiftTo: opts.shiftTo } : {}),
    ...(opts.baseUrl !== undefined ? { baseUrl: opts.baseUrl } : {}),
  };
  if (opts.course === undefined) {
    const { course, warnings } = readSyllabus(input);
    printWarnings(file, warnings);
    if (opts.json) process.stdout.write(JSON.stringify({ course, warnings }, null, 2) + '\n');
    else
      process.stdout.write(
        `${file}: ${course.title}: ${counts(course)}, ${warnings.length} warnings (nothing stored; add --course SLUG to store)\n`,
      );
    return;
  }
  // Storage is loaded only when something is stored.
  const { importSyllabus } = await import('../services/import-syllabus.js');
  const { createDb } = await import('../storage/db.js');
  const { migrateToLatest } = await import('../storage/migrate.js');
  const db = createDb(config.database);
  try {
    await migrateToLatest(db);
    const result = await importSyllabus({ db }, { ...input, slug: opts.course });
    printWarnings(file, result.warnings);
    if (opts.json) {
      process.stdout.write(
        JSON.stringify(
          {
            slug: opts.course,
            created: result.created,
            course: result.course,
            warnings: result.warnings,
          },
          null,
          2,
        ) + '\n',
      );
    } else {
      const verb = result.created ? 'created' : 'updated';
      process.stdout.write(
        `${verb} course ${opts.course}: ${counts(result.course)}, ${result.warnings.length} warnings\n`,
      );
    }
  } finally {
    await db.destroy();
  }
}
