// First-run set-up from the CLI: the one-time link to create the first administrator, and the demo accounts step.
import type { Command } from 'commander';
import type { Seminar } from '../main.js';
import type { DemoContext } from './demo.js';

/** Printed by `seminar serve` on a database without an administrator. */
export async function printSetupLinkIfNeeded(seminar: Pick<Seminar, 'db'>, publicUrl: string): Promise<void> {
  const { setupLinkIfNeeded } = await import('../services/auth/first-run.js');
  const link = await setupLinkIfNeeded(seminar.db, new Date(), publicUrl);
  if (!link) return;
  process.stdout.write(
    [
      '',
      'No administrator yet. Open this one-time link within 24 hours to create the first one:',
      `  ${link}`,
      '(Run `seminar setup-link` for a fresh link.)',
      '',
    ].join('\n'),
  );
}

/** The demo's accounts step (see demoSteps in demo.ts). */
export async function demoAccountsStep(seminar: Seminar, ctx: DemoContext): Promise<void> {
  const { DEMO_PASSWORD, seedDemoAccounts } = await import('../services/demo/seed-accounts.js');
  const lines = await seedDemoAccounts(seminar.db, ctx.now, ctx.course.stored.id);
  ctx.say(`Demo accounts (password "${DEMO_PASSWORD}" for each), sign in at /sign-in:`);
  for (const line of lines) ctx.say(line);
}

export function registerSetup(program: Command): void {
  program
    .command('setup-link')
    .description('print a one-time link (24 h) to create the first administrator, if there is none yet')
    .action(async () => {
      const { loadConfig } = await import('../config.js');
      const { createDb } = await import('../storage/db.js');
      const { migrateToLatest } = await import('../storage/migrate.js');
      const { setupLinkIfNeeded } = await import('../services/auth/first-run.js');
      const config = loadConfig();
      const db = createDb(config.database);
      try {
        await migrateToLatest(db);
        const link = await setupLinkIfNeeded(db, new Date(), config.publicUrl);
        process.stdout.write(
          link
            ? `Create the first administrator here (within 24 hours):\n  ${link}\n`
            : 'An administrator already exists: sign in, or use "Forgot password".\n',
        );
      } finally {
        await db.destroy();
      }
    });
}
