// `npm run bench`: runs every benchmark module and prints one JSON document of figures.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Bench = () => Promise<Record<string, unknown>>;

// Each entry: the module beside this file and the function it exports.
const benches: Array<[name: string, file: string, fn: string]> = [
  ['startup', './startup.ts', 'benchStartup'],
  ['syllabus', './syllabus.ts', 'benchSyllabus'],
  ['api', './api.ts', 'benchApi'],
  ['web', './web.ts', 'benchWeb'],
  ['auth', './auth.ts', 'benchAuth'],
  ['accountAnswers', './account-answers.ts', 'benchAccountAnswers'],
  ['assignment', './assignment.ts', 'benchAssignment'],
  ['submissions', './submissions.ts', 'benchSubmissions'],
  ['grades', './grades.ts', 'benchGrades'],
  ['gradebookPage', './gradebook-page.ts', 'benchGradebookPage'],
  ['discussions', './discussions.ts', 'benchDiscussions'],
  ['room', './room.ts', 'benchRoom'],
  ['reminderMail', './reminder-mail.ts', 'benchReminderMail'],
  ['cluster', './cluster.ts', 'benchCluster'],
  ['backup', './backup.ts', 'benchBackup'],
];

const only = process.argv.slice(2);
const results: Record<string, unknown> = {
  machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
};
for (const [name, file, fn] of benches) {
  if (only.length > 0 && !only.includes(name)) continue;
  if (!existsSync(fileURLToPath(new URL(file, import.meta.url)))) continue;
  const mod = (await import(file)) as Record<string, Bench>;
  const run = mod[fn];
  if (!run) throw new Error(`bench/${file} does not export ${fn}`);
  process.stderr.write(`bench: ${name}…\n`);
  try {
    results[name] = await run();
  } catch (error) {
    results[name] = { error: error instanceof Error ? error.message : String(error) };
  }
}
process.stdout.write(JSON.stringify(results, null, 2) + '\n');
