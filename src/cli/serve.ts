// `seminar serve`: migrate the database, then serve the API and web client until SIGINT/SIGTERM.
import type { Command } from 'commander';
import type { Seminar } from '../main.js';
import { printSetupLinkIfNeeded } from './setup.js';

/** Closes the server cleanly on SIGINT/SIGTERM (in-flight requests finish, the database closes). */
export function closeOnSignals(seminar: Seminar): void {
  const stop = (signal: string) => {
    process.stderr.write(`seminar: ${signal}, shutting down\n`);
    seminar.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('migrate the database, then serve the API and web client on $HOST:$PORT')
    .action(async () => {
      // Loaded here so that other commands start without the server's modules.
      const { loadConfig } = await import('../config.js');
      const { startSeminar } = await import('../main.js');
      const config = loadConfig();
      const seminar = await startSeminar(config);
      process.stdout.write(`Seminar is running at ${seminar.url}\n`);
      await printSetupLinkIfNeeded(seminar, config.publicUrl);
      closeOnSignals(seminar);
    });
}
