// The `seminar` command: parses arguments and runs one command; exit 0 ok, 1 error (one line on stderr), 2 usage,
// 3 the database is newer than this program (a newer version upgraded it).
import { Command, CommanderError } from 'commander';
import { DomainError } from '../services/errors.js';
import { registerServe } from './serve.js';
import { registerMigrate } from './migrate.js';
import { registerImport } from './import.js';
import { registerExport } from './export.js';
import { registerDemo } from './demo.js';
import { registerSetup } from './setup.js';
import { registerAssign } from './assign.js';
import { registerGrades } from './grades.js';
import { registerBackup } from './backup.js';
import { registerSweep } from './sweep.js';

/** Exit code when the database was upgraded by a newer Seminar (restarting this version will not help). */
const SCHEMA_NEWER_EXIT = 3;

/** Thrown by commands for a clean one-line failure (exit 1). */
export class CliError extends Error {}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('seminar')
    .description('Runs a paper-reading seminar course: course site, deadlines, submissions.')
    .showHelpAfterError('(run "seminar --help" for usage)')
    .exitOverride();
  for (const register of [
    registerServe,
    registerMigrate,
    registerImport,
    registerExport,
    registerDemo,
    registerSetup,
    registerAssign,
    registerGrades,
    registerBackup,
    registerSweep,
  ])
    register(program);
  program.commands.forEach((c) => c.exitOverride());
  return program;
}

/** Runs the CLI with `argv` (user arguments only) and returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      )
        return 0;
      return error.code === 'commander.executeSubCommandAsync' ? 1 : 2;
    }
    process.stderr.write(`seminar: ${messageOf(error)}\n`);
    // By name, like ConfigError: the storage modules load only with the commands that use them.
    return error instanceof Error && error.name === 'SchemaNewerError' ? SCHEMA_NEWER_EXIT : 1;
  }
}

function messageOf(error: unknown): string {
  if (error instanceof DomainError || error instanceof CliError) return error.message;
  // By name: the configuration module (and zod) load only with the commands that read it.
  if (error instanceof Error && error.name === 'ConfigError') return error.message.replace(/\n\s*/g, ' ');
  if (error instanceof Error)
    return (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? error.message.replace(/^ENOENT: /, '')
      : error.message;
  return String(error);
}
