// `seminar serve`: migrate the database, then serve the API and web client until SIGINT/SIGTERM.
import type { Command } from 'commander';
import type { Seminar } from '../main.js';
import { printSetupLinkIfNeeded } from './setup.js';

/**
 * Stops the server cleanly on SIGINT/SIGTERM: drains (a balancer polling /api/ready sees 503 and moves
 * traffic away for DRAIN_SECONDS), then in-flight requests finish, live streams end, the database
 * closes, exit 0. A second signal stops at once (exit 1).
 */
export function closeOnSignals(seminar: Seminar): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      process.stderr.write(`seminar: ${signal} again, stopping now\n`);
      process.exit(1);
    }
    stopping = true;
    process.stderr.write(`seminar: ${signal}, draining and shutting down\n`);
    seminar.drain(seminar.config.drainMs).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
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
